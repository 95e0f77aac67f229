// When the account hits its limit (seats licensed, monthly commit): the day it got there when it already
// sits at it (the account's facts: the first day of the current run at 95 % of the limit), else the day the
// robust trend reaches it, within a year. The expansion window before it is the composite's
// (window.composite.ts): one window per verdict.
import type { AccountSnapshot } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';
import { accountFacts, AT_LIMIT_SHARE, type AccountFacts } from '../../facts/account-facts.ts';
import { metricTrend, type MetricTrend } from './metric-trend.ts';

export { AT_LIMIT_SHARE };

export type LimitKind = 'seats' | 'consumption';

/** Which limit and when: in the past (or today) when the account already sits at it. */
export interface LimitProjection {
  limit: LimitKind;
  limitDate: string;
}

/** A projection further out than this is noise. */
const HORIZON_DAYS = 365;
/** The direction must be consistent before a slope is extrapolated. */
const MIN_TAU = 0.2;
/** Days in a month of consumption (the commit is monthly). */
const MONTH_DAYS = 30;

export interface ProjectedLimit {
  limit: LimitKind;
  /** The day the limit is (or was) reached. */
  limitDay: number;
  /** Already at the limit: `limitDay` is the first day of the run at it. */
  reached: boolean;
  /** The limit, in seats or monthly volume. */
  capacity: number;
  /** Growth per day, same unit as `capacity` (0 once reached). */
  slopePerDay: number;
  metric: string;
}

function projectOne(
  limit: LimitKind,
  trend: MetricTrend | null,
  capacity: number,
  scale: number,
  today: number,
  reachedSince: string | null,
): ProjectedLimit | null {
  if (capacity <= 0) return null;
  if (reachedSince !== null) {
    const metric = trend?.metric ?? limit;
    return { limit, limitDay: dayNumber(reachedSince), reached: true, capacity, slopePerDay: 0, metric };
  }
  if (!trend) return null;
  const level = trend.level * scale;
  const slopePerDay = trend.slopePerDay * scale;
  if (slopePerDay <= 0 || trend.tau < MIN_TAU) return null;
  // The fitted level sits mid-way through the latest week, three days before its last day.
  const limitDay = Math.max(today, trend.lastDay - 3 + Math.ceil((capacity - level) / slopePerDay));
  if (limitDay - today > HORIZON_DAYS) return null;
  return { limit, limitDay, reached: false, capacity, slopePerDay, metric: trend.metric };
}

/** The earliest limit (seats licensed, monthly committed volume) reached or reached within a year. */
export function projectFromTrends(
  snapshot: AccountSnapshot,
  facts: AccountFacts,
  today: number,
  seats: MetricTrend | null,
  consumption: MetricTrend | null,
): ProjectedLimit | null {
  const seatLimit = projectOne(
    'seats',
    seats,
    snapshot.contract.seatsLicensed,
    1,
    today,
    facts.seats?.atLimitSince ?? null,
  );
  const volumeLimit = projectOne(
    'consumption',
    consumption,
    snapshot.contract.committedVolume,
    MONTH_DAYS,
    today,
    facts.consumption?.atLimitSince ?? null,
  );
  if (!seatLimit) return volumeLimit;
  if (!volumeLimit) return seatLimit;
  return volumeLimit.limitDay < seatLimit.limitDay ? volumeLimit : seatLimit;
}

/** When the account hits (or hit) its seat or commit limit; `null` when no limit is in sight within a year. */
export function projectLimit(snapshot: AccountSnapshot, ctx: EngineContext): LimitProjection | null {
  const today = dayNumber(ctx.now);
  const projected = projectFromTrends(
    snapshot,
    accountFacts(snapshot, ctx),
    today,
    metricTrend(snapshot, 'seats_used', today),
    snapshot.contract.committedVolume > 0 ? metricTrend(snapshot, 'consumption', today) : null,
  );
  return projected ? { limit: projected.limit, limitDate: isoDay(projected.limitDay) } : null;
}
