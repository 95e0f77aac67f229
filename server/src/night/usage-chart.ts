// What an account's usage chart shows — the night report's SVG and the HubSpot card's backend draw from the
// same data. Daily values are folded into weekly medians (the weekday/weekend sawtooth would otherwise hide
// the trend; the engine's trends fold them the same way), weeks with too few observed days are left out
// rather than drawn as zeros, and the crossing is the verdict's own limit date, never a second projection.
import type { AccountSnapshot, UsageKind, UsageSeries, Verdict } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';
import { projectedLimitOf } from '../engine/composite/window.composite.ts';
import { RUN_RATE_DAYS } from '../engine/facts/account-facts.ts';

export interface UsagePoint {
  date: string;
  value: number;
}

/** The `usage` object of the HubSpot card (docs/hubspot-app-api.md) and the report's chart. */
export interface UsageChartData {
  metric: string;
  unit: 'seats' | 'volume';
  /** The licence (seats) or the monthly commit (volume), or null when the contract sets none. */
  limit: number | null;
  /** Weekly medians, oldest first, each dated on the last day of its week; the last ~26 weeks. */
  points: UsagePoint[];
  /** From the last point to the limit on `crossingDate`; [] when no crossing lies ahead of the last point. */
  projection: UsagePoint[];
  /** The day the metric reaches (or reached) the limit, as the verdict dates it; null when none. */
  crossingDate: string | null;
}

/** Weeks the chart covers, ending on the verdict's day. */
export const CHART_WEEKS = 26;
/** A week is drawn only when this many of its days are observed (as the engine's trends require). */
const MIN_DAYS_PER_WEEK = 3;

interface ChartedSeries {
  series: UsageSeries;
  unit: UsageChartData['unit'];
  limit: number | null;
  /** Which of the verdict's limits this metric crosses. */
  limitKind: 'seats' | 'consumption' | null;
  /** Consumption is committed per month: a day's volume × 30 is the run-rate the commit is set against. */
  scale: number;
}

const find = (snapshot: AccountSnapshot, kind: UsageKind) => snapshot.usage.find((s) => s.kind === kind);

/** Seats used against the licence, else consumption against the commit, else active users. */
function chartedSeries(snapshot: AccountSnapshot): ChartedSeries | null {
  const { seatsLicensed, committedVolume } = snapshot.contract;
  const seats = find(snapshot, 'seats_used');
  if (seats && seatsLicensed > 0)
    return { series: seats, unit: 'seats', limit: seatsLicensed, limitKind: 'seats', scale: 1 };
  const consumption = find(snapshot, 'consumption');
  if (consumption && committedVolume > 0) {
    return {
      series: consumption,
      unit: 'volume',
      limit: committedVolume,
      limitKind: 'consumption',
      scale: RUN_RATE_DAYS,
    };
  }
  const active = find(snapshot, 'active_users');
  const licence = seatsLicensed > 0 ? seatsLicensed : null;
  if (active) return { series: active, unit: 'seats', limit: licence, limitKind: null, scale: 1 };
  if (seats) return { series: seats, unit: 'seats', limit: null, limitKind: null, scale: 1 };
  return consumption
    ? { series: consumption, unit: 'volume', limit: null, limitKind: null, scale: RUN_RATE_DAYS }
    : null;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const rounded = (value: number) => Math.round(value * 100) / 100;

/**
 * The weekly medians of a daily series over the `weeks` weeks ending on `endDate`, oldest first, each dated on
 * its week's last day; a week with fewer than 3 observed days has no point (a gap, not a zero).
 */
export function weeklyMedians(
  series: UsageSeries,
  endDate: string,
  weeks = CHART_WEEKS,
  scale = 1,
): UsagePoint[] {
  const start = dayNumber(series.start);
  const end = dayNumber(endDate);
  const points: UsagePoint[] = [];
  for (let week = weeks - 1; week >= 0; week--) {
    const last = end - week * 7;
    const days: number[] = [];
    for (let day = last - 6; day <= last; day++) {
      const value = series.values[day - start];
      if (value !== null && value !== undefined) days.push(value);
    }
    if (days.length < MIN_DAYS_PER_WEEK) continue;
    days.sort((a, b) => a - b);
    points.push({ date: isoDay(last), value: rounded(median(days) * scale) });
  }
  return points;
}

/** The verdict's limit date for one kind of limit: its window's, else the temporal technique's projection. */
function crossingOf(verdict: Verdict, limitKind: ChartedSeries['limitKind']): string | null {
  if (limitKind === null) return null;
  const dated = verdict.window?.limitDate
    ? { limit: verdict.window.limit, limitDate: verdict.window.limitDate }
    : projectedLimitOf(verdict.signals, verdict.evidence);
  return dated && dated.limit === limitKind ? dated.limitDate : null;
}

/**
 * The account's main usage metric for a chart — seats used when the contract licenses seats, else consumption
 * against the committed volume (as a monthly run-rate), else active users — as weekly medians of the last
 * 26 weeks, with the line from the last week to the limit on the verdict's limit date. `null` when the
 * account has no usage to draw.
 */
export function usageChartOf(snapshot: AccountSnapshot, verdict: Verdict): UsageChartData | null {
  const charted = chartedSeries(snapshot);
  if (!charted) return null;
  const points = weeklyMedians(charted.series, verdict.asOf, CHART_WEEKS, charted.scale);
  if (points.length === 0) return null;
  const crossingDate = crossingOf(verdict, charted.limitKind);
  const last = points[points.length - 1] as UsagePoint;
  const projection =
    crossingDate !== null && charted.limit !== null && crossingDate > last.date
      ? [last, { date: crossingDate, value: charted.limit }]
      : [];
  return {
    metric: charted.series.kind,
    unit: charted.unit,
    limit: charted.limit,
    points,
    projection,
    crossingDate,
  };
}

/** Active users as weekly medians, drawn beside a seats chart; [] when the account reports none. */
export function activeUsersOf(snapshot: AccountSnapshot, asOf: string): UsagePoint[] {
  const active = find(snapshot, 'active_users');
  return active ? weeklyMedians(active, asOf) : [];
}
