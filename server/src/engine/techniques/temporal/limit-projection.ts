import type { AccountSnapshot } from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';
import { dayNumber, isoDay } from '@ripe/shared';
import { metricTrend, type MetricTrend } from './metric-trend.ts';

export type LimitKind = 'seats' | 'consumption';

export interface LimitProjection {
  limit: LimitKind;
  limitDate: string;
  opensOn: string;
  closesOn: string;
}

/** Within this share of the limit, the account is at the limit already. */
export const AT_LIMIT_SHARE = 0.95;
/** A projection further out than this is noise. */
const HORIZON_DAYS = 365;
/** The direction must be consistent before a slope is extrapolated. */
const MIN_TAU = 0.2;
/** Days in a month of consumption (the commit is monthly). */
const MONTH_DAYS = 30;

export interface ProjectedLimit {
  limit: LimitKind;
  limitDay: number;
  /** The limit, in seats or monthly volume. */
  capacity: number;
  /** Latest fitted level, same unit as `capacity`. */
  level: number;
  /** Growth per day, same unit as `capacity`. */
  slopePerDay: number;
  metric: string;
}

function projectOne(
  limit: LimitKind,
  trend: MetricTrend | null,
  capacity: number,
  scale: number,
  today: number,
): ProjectedLimit | null {
  if (!trend || capacity <= 0) return null;
  const level = trend.level * scale;
  const slopePerDay = trend.slopePerDay * scale;
  const base = { limit, capacity, level, slopePerDay, metric: trend.metric };
  if (level >= AT_LIMIT_SHARE * capacity) return { ...base, limitDay: today };
  if (slopePerDay <= 0 || trend.tau < MIN_TAU) return null;
  // The fitted level sits mid-way through the latest week, three days before its last day.
  const limitDay = Math.max(today, trend.lastDay - 3 + Math.ceil((capacity - level) / slopePerDay));
  return limitDay - today > HORIZON_DAYS ? null : { ...base, limitDay };
}

/** The earliest limit (seats licensed, monthly committed volume) the trends reach within a year. */
export function projectFromTrends(
  snapshot: AccountSnapshot,
  today: number,
  seats: MetricTrend | null,
  consumption: MetricTrend | null,
): ProjectedLimit | null {
  const seatLimit = projectOne('seats', seats, snapshot.contract.seatsLicensed, 1, today);
  const volumeLimit = projectOne(
    'consumption',
    consumption,
    snapshot.contract.committedVolume,
    MONTH_DAYS,
    today,
  );
  if (!seatLimit) return volumeLimit;
  if (!volumeLimit) return seatLimit;
  return volumeLimit.limitDay < seatLimit.limitDay ? volumeLimit : seatLimit;
}

/** The window opens `leadDaysMax` before the limit and closes `leadDaysMin` before it, never before today. */
export function windowOf(projected: ProjectedLimit, ctx: EngineContext, today: number): LimitProjection {
  const { leadDaysMax, leadDaysMin } = ctx.config.window;
  return {
    limit: projected.limit,
    limitDate: isoDay(projected.limitDay),
    opensOn: isoDay(Math.max(today, projected.limitDay - leadDaysMax)),
    closesOn: isoDay(Math.max(today, projected.limitDay - leadDaysMin)),
  };
}

/**
 * When the account is projected to hit its seat or commit limit, and the expansion window before it.
 * `null` when no limit is in sight within a year.
 */
export function projectLimit(snapshot: AccountSnapshot, ctx: EngineContext): LimitProjection | null {
  const today = dayNumber(ctx.now);
  const projected = projectFromTrends(
    snapshot,
    today,
    metricTrend(snapshot, 'seats_used', today),
    snapshot.contract.committedVolume > 0 ? metricTrend(snapshot, 'consumption', today) : null,
  );
  return projected ? windowOf(projected, ctx, today) : null;
}
