import type { AccountSnapshot } from '@ripe/shared';
import { weeklyTrend } from '../../series/robust-trend.ts';
import { findSeries, indexOfDay, lastObservedIndex, observedDays } from '../../series/series-window.ts';

/** Weeks of history the trend looks at (a quarter). */
export const TREND_WEEKS = 13;

export type TrendKind = 'seats_used' | 'active_users' | 'consumption';

export interface MetricTrend {
  kind: TrendKind;
  metric: string;
  slopePerDay: number;
  /** Fitted value on the latest week. */
  level: number;
  growth: number;
  tau: number;
  weeks: number;
  /** The last weekly medians, oldest first. */
  recentWeeks: number[];
  /** Day number of the last observed value. */
  lastDay: number;
  /** Observed share of the days in the trend window, 0..1. */
  coverage: number;
}

const RECENT_WEEKS = 6;

/** The robust trend of the first series of `kind` over the last 13 weeks ending today, or `null`. */
export function metricTrend(snapshot: AccountSnapshot, kind: TrendKind, today: number): MetricTrend | null {
  const series = findSeries(snapshot.usage, kind);
  if (!series) return null;
  const todayIndex = indexOfDay(series, today);
  const trend = weeklyTrend(series.values, todayIndex, TREND_WEEKS);
  if (!trend) return null;
  const last = lastObservedIndex(series.values, todayIndex);
  const weekly = trend.weekly;
  return {
    kind,
    metric: series.metric,
    slopePerDay: trend.slopePerDay,
    level: trend.level,
    growth: trend.growth,
    tau: trend.tau,
    weeks: trend.weeks,
    recentWeeks: Array.from(weekly.subarray(Math.max(0, weekly.length - RECENT_WEEKS))),
    lastDay: today - todayIndex + last,
    coverage: observedDays(series.values, todayIndex - TREND_WEEKS * 7 + 1, todayIndex) / (TREND_WEEKS * 7),
  };
}

/** Observed share of the trend window for a kind, 0 when the series is missing. */
export function coverageOf(trend: MetricTrend | null): number {
  return trend ? trend.coverage : 0;
}
