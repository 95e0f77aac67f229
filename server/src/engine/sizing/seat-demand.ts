// Seats the account will need `horizonDays` ahead: the seats-used trend, and never fewer than the
// active users today (active users beyond the licence already need seats).
import type { AccountSnapshot } from '@ripe/shared';
import { findSeries } from '../series/series-window.ts';
import { usageOutlook } from './usage-outlook.ts';
import { accountFacts } from '../facts/account-facts.ts';
import type { EngineContext } from '../engine-context.ts';

export interface SeatDemand {
  licensed: number;
  /** Seats used today (the active users when there is no seats-used series); NaN without usage. */
  used: number;
  /** Active users today; NaN without an active-user series. */
  active: number;
  slopePerDay: number;
  low: number;
  mid: number;
  high: number;
}

export function seatDemand(snapshot: AccountSnapshot, ctx: EngineContext, horizonDays: number): SeatDemand {
  const licensed = snapshot.contract.seatsLicensed;
  const facts = accountFacts(snapshot, ctx);
  const seatsSeries = findSeries(snapshot.usage, 'seats_used');
  const activeSeries = findSeries(snapshot.usage, 'active_users');
  const active = facts.activeUsers?.active ?? Number.NaN;
  // today's level is the account's fact of the day: the same seats used every text quotes
  const trendSeries = seatsSeries ?? activeSeries;
  const level = seatsSeries ? facts.seats?.used : facts.activeUsers?.active;
  const outlook = trendSeries ? usageOutlook(trendSeries, ctx.now, horizonDays, level) : null;
  if (!outlook) {
    const floor = Number.isNaN(active) ? licensed : Math.max(licensed, active);
    return { licensed, used: Number.NaN, active, slopePerDay: 0, low: floor, mid: floor, high: floor };
  }
  const activeFloor = Number.isNaN(active) ? 0 : active;
  return {
    licensed,
    used: outlook.current,
    active,
    slopePerDay: outlook.slopePerDay,
    low: Math.max(outlook.low, activeFloor),
    mid: Math.max(outlook.mid, activeFloor),
    high: Math.max(outlook.high, activeFloor),
  };
}
