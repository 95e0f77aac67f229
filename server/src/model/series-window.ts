// Window statistics over a daily series stored column-wise (`values[i]` is day `startDay + i`).
// Days are inclusive day numbers; `null` values (missing days) are skipped.

export interface DaySeries {
  startDay: number;
  values: readonly (number | null)[];
}

function clampRange(series: DaySeries, fromDay: number, toDay: number): [number, number] {
  const from = Math.max(0, fromDay - series.startDay);
  const to = Math.min(series.values.length - 1, toDay - series.startDay);
  return [from, to];
}

export function windowMean(series: DaySeries, fromDay: number, toDay: number): number | null {
  const [from, to] = clampRange(series, fromDay, toDay);
  let sum = 0;
  let count = 0;
  for (let i = from; i <= to; i++) {
    const value = series.values[i];
    if (value !== null && value !== undefined) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

export function windowMax(series: DaySeries, fromDay: number, toDay: number): number | null {
  const [from, to] = clampRange(series, fromDay, toDay);
  let max: number | null = null;
  for (let i = from; i <= to; i++) {
    const value = series.values[i];
    if (value !== null && value !== undefined && (max === null || value > max)) max = value;
  }
  return max;
}

/** The most recent non-missing value on or before `toDay`, no older than `maxAgeDays`. */
export function latestValue(series: DaySeries, toDay: number, maxAgeDays: number): number | null {
  const [from, to] = clampRange(series, toDay - maxAgeDays, toDay);
  for (let i = to; i >= from; i--) {
    const value = series.values[i];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/**
 * Least-squares slope over the window, expressed as the relative change across the whole window
 * (slope × span / mean): 0.2 means the series rose by about 20 % of its level. Needs `minPoints`.
 */
export function relativeTrend(
  series: DaySeries,
  fromDay: number,
  toDay: number,
  minPoints = 10,
): number | null {
  const [from, to] = clampRange(series, fromDay, toDay);
  let count = 0;
  let sumT = 0;
  let sumV = 0;
  let sumTT = 0;
  let sumTV = 0;
  for (let i = from; i <= to; i++) {
    const value = series.values[i];
    if (value === null || value === undefined) continue;
    count++;
    sumT += i;
    sumV += value;
    sumTT += i * i;
    sumTV += i * value;
  }
  if (count < minPoints) return null;
  const mean = sumV / count;
  const varianceT = sumTT - (sumT * sumT) / count;
  if (mean <= 0 || varianceT <= 0) return null;
  const slope = (sumTV - (sumT * sumV) / count) / varianceT;
  return (slope * (toDay - fromDay)) / mean;
}
