// Window helpers over column-wise daily series. Indices are positions in `values`; `null` days are
// skipped: they neither count towards a rule nor break a run.
import type { UsageKind, UsageSeries } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';

export type DailyValues = readonly (number | null)[];

/** The first series of a kind (and, for feature adoption, any series: use `seriesOfKind`). */
export function findSeries(usage: readonly UsageSeries[], kind: UsageKind): UsageSeries | undefined {
  for (const series of usage) if (series.kind === kind) return series;
  return undefined;
}

/** Position of `day` (a day number) in the series, possibly outside `values`. */
export function indexOfDay(series: UsageSeries, day: number): number {
  return day - dayNumber(series.start);
}

/** Mean of the observed values in `[from, to]` (clamped), or `NaN` with fewer than `minObserved` days. */
export function meanOver(values: DailyValues, from: number, to: number, minObserved = 1): number {
  const start = Math.max(0, from);
  const end = Math.min(values.length - 1, to);
  let sum = 0;
  let observed = 0;
  for (let i = start; i <= end; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    sum += value;
    observed++;
  }
  return observed >= minObserved && observed > 0 ? sum / observed : Number.NaN;
}

/** Number of observed days in `[from, to]` (clamped). */
export function observedDays(values: DailyValues, from: number, to: number): number {
  const start = Math.max(0, from);
  const end = Math.min(values.length - 1, to);
  let observed = 0;
  for (let i = start; i <= end; i++) if (values[i] !== null && values[i] !== undefined) observed++;
  return observed;
}

/** Index of the last observed day at or before `endIndex`, not before `notBefore`; -1 when none. */
export function lastObservedIndex(values: DailyValues, endIndex: number, notBefore = 0): number {
  for (let i = Math.min(endIndex, values.length - 1); i >= Math.max(0, notBefore); i--) {
    if (values[i] !== null && values[i] !== undefined) return i;
  }
  return -1;
}

/**
 * Length, in observed days, of the run that ends on the last observed day at or before `endIndex` and
 * whose every observed value passes `passes`. Looks back at most `maxLookback` days.
 */
export function trailingRun(
  values: DailyValues,
  endIndex: number,
  maxLookback: number,
  passes: (value: number) => boolean,
): number {
  let run = 0;
  const floor = Math.max(0, endIndex - maxLookback + 1);
  for (let i = Math.min(endIndex, values.length - 1); i >= floor; i--) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (!passes(value)) break;
    run++;
  }
  return run;
}

const weekWindow = new Float64Array(7);

/** Median of the observed values in the 7 days ending on `index` (`NaN` with fewer than `minObserved`). */
export function weekMedianAt(values: DailyValues, index: number, minObserved = 3): number {
  let count = 0;
  for (let i = Math.max(0, index - 6); i <= index && i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    let j = count++;
    while (j > 0 && (weekWindow[j - 1] as number) > value) {
      weekWindow[j] = weekWindow[j - 1] as number;
      j--;
    }
    weekWindow[j] = value;
  }
  if (count < minObserved) return Number.NaN;
  const mid = count >> 1;
  return count % 2 === 1
    ? (weekWindow[mid] as number)
    : ((weekWindow[mid - 1] as number) + (weekWindow[mid] as number)) / 2;
}

/** A floor for every day, or one per day index (a licence that changed over time). */
export type DailyFloor = number | ((index: number) => number);

/**
 * Like `trailingRun` against a floor, but each observed day is judged on its trailing week: it passes
 * when a strict majority of the week's observed days are at or above their day's `floor`. A weekend dip
 * or an outage day neither breaks a run nor, being a minority of the week, fakes one. O(1) a day.
 */
export function trailingWeeklyRun(
  values: DailyValues,
  endIndex: number,
  maxLookback: number,
  floor: DailyFloor,
): number {
  const floorAt = typeof floor === 'number' ? () => floor : floor;
  const end = Math.min(endIndex, values.length - 1);
  const stop = Math.max(0, endIndex - maxLookback + 1);
  let observed = 0;
  let above = 0;
  for (let i = Math.max(0, end - 6); i <= end; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    observed++;
    if (value >= floorAt(i)) above++;
  }
  let run = 0;
  for (let i = end; i >= stop; i--) {
    const value = values[i];
    if (value !== null && value !== undefined) {
      if (2 * above <= observed) break;
      run++;
    }
    // Slide the week one day back: day i leaves, day i - 7 enters.
    if (value !== null && value !== undefined) {
      observed--;
      if (value >= floorAt(i)) above--;
    }
    const entering = i - 7 >= 0 ? values[i - 7] : null;
    if (entering !== null && entering !== undefined) {
      observed++;
      if (entering >= floorAt(i - 7)) above++;
    }
  }
  return run;
}
