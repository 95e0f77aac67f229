// Where a usage series is heading: today's level and the level `horizonDays` ahead, with a low–high
// range. The trend is the robust weekly Theil–Sen slope; only growth is projected (a falling series is
// held at its level: sizing never counts on a decline reversing). The range widens as the trend's
// direction gets less consistent (Kendall's tau): ±25 % of the projected growth for a perfectly
// monotonic series, up to ±75 % for a noisy one.
import type { UsageSeries } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import { weeklyTrend } from '../series/robust-trend.ts';
import { indexOfDay, meanOver } from '../series/series-window.ts';

export interface UsageOutlook {
  /** Level today: the mean of the last week, else the trend's fitted value. */
  current: number;
  slopePerDay: number;
  low: number;
  mid: number;
  high: number;
}

const TREND_WEEKS = 13;
const RECENT_DAYS = 7;

/** Mean of the observed values in the last week before `now` (NaN when none). */
export function recentLevel(series: UsageSeries, now: string): number {
  const todayIndex = indexOfDay(series, dayNumber(now));
  return meanOver(series.values, todayIndex - RECENT_DAYS + 1, todayIndex);
}

/** `level`: today's level when the account's facts already hold it (facts/account-facts.ts). */
export function usageOutlook(
  series: UsageSeries,
  now: string,
  horizonDays: number,
  level?: number,
): UsageOutlook | null {
  const todayIndex = Math.min(indexOfDay(series, dayNumber(now)), series.values.length - 1);
  const recent = level ?? meanOver(series.values, todayIndex - RECENT_DAYS + 1, todayIndex);
  const trend = weeklyTrend(series.values, todayIndex, TREND_WEEKS);
  if (!trend) {
    if (Number.isNaN(recent)) return null;
    return { current: recent, slopePerDay: 0, low: recent, mid: recent, high: recent };
  }
  // today's level is what was observed last week; the fitted level only stands in for a missing week
  const current = Math.max(0, Number.isNaN(recent) ? trend.level : recent);
  const growth = Math.max(0, trend.slopePerDay) * horizonDays;
  const spread = 0.25 + 0.5 * (1 - Math.abs(trend.tau));
  return {
    current,
    slopePerDay: trend.slopePerDay,
    low: current + growth * (1 - spread),
    mid: current + growth,
    high: current + growth * (1 + spread),
  };
}
