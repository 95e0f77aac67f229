// Seats the account will need `horizonDays` ahead: the seats-used trend, and never fewer than the
// active users today (active users beyond the licence already need seats).
import type { AccountSnapshot } from '@ripe/shared';
import { findSeries } from '../series/series-window.ts';
import { recentLevel, usageOutlook } from './usage-outlook.ts';

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

export function seatDemand(snapshot: AccountSnapshot, now: string, horizonDays: number): SeatDemand {
  const licensed = snapshot.contract.seatsLicensed;
  const seatsSeries = findSeries(snapshot.usage, 'seats_used');
  const activeSeries = findSeries(snapshot.usage, 'active_users');
  const active = activeSeries ? recentLevel(activeSeries, now) : Number.NaN;
  const trendSeries = seatsSeries ?? activeSeries;
  const outlook = trendSeries ? usageOutlook(trendSeries, now, horizonDays) : null;
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
