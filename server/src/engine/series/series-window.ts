// Window helpers over column-wise daily series. Indices are positions in `values`; `null` days are
// skipped: they neither count towards a rule nor break a run.
import type { UsageKind, UsageSeries } from '@ripe/shared';
import { dayNumber } from './day-number.ts';

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
