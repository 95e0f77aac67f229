// Robust trend of a daily series: daily values are folded into weekly medians (which removes the
// weekday/weekend cycle and shrugs off outage days), then a Theil–Sen slope is fitted over the weeks
// (the median of pairwise slopes tolerates ~29 % outlying weeks, unlike least squares). Kendall's tau
// from the same pairs says how consistent the direction is.
import type { DailyValues } from './series-window.ts';

export interface WeeklyTrend {
  /** Theil–Sen slope, in units per day. */
  slopePerDay: number;
  /** Fitted value on the latest week. */
  level: number;
  /** Median of the weekly medians. */
  median: number;
  /** Relative change over the fitted span: slope × span / median. */
  growth: number;
  /** Kendall's tau of the weekly medians against time, -1..1. */
  tau: number;
  /** Weeks with at least `minDaysPerWeek` observed days. */
  weeks: number;
  /** Weekly medians, oldest first (a view on a shared buffer: copy before keeping it). */
  weekly: Float64Array;
}

const MAX_WEEKS = 53;
const weekX = new Float64Array(MAX_WEEKS);
const weekY = new Float64Array(MAX_WEEKS);
const weekDays = new Float64Array(7);
const pairSlopes = new Float64Array((MAX_WEEKS * (MAX_WEEKS - 1)) / 2);
const residuals = new Float64Array(MAX_WEEKS);

function medianOfWeek(values: DailyValues, from: number, to: number): number {
  let count = 0;
  for (let i = Math.max(0, from); i <= to && i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    // insertion sort into the 7-slot buffer
    let j = count++;
    while (j > 0 && (weekDays[j - 1] as number) > value) {
      weekDays[j] = weekDays[j - 1] as number;
      j--;
    }
    weekDays[j] = value;
  }
  if (count === 0) return Number.NaN;
  const mid = count >> 1;
  return count % 2 === 1
    ? (weekDays[mid] as number)
    : ((weekDays[mid - 1] as number) + (weekDays[mid] as number)) / 2;
}

/** k-th smallest of `buffer[0, count)`, in place (Hoare's quickselect: no allocation, no sort). */
function select(buffer: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (left < right) {
    const pivot = buffer[(left + right) >> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((buffer[i] as number) < pivot) i++;
      while ((buffer[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = buffer[i] as number;
        buffer[i] = buffer[j] as number;
        buffer[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return buffer[k] as number;
}

function medianOf(buffer: Float64Array, count: number): number {
  const mid = count >> 1;
  const upper = select(buffer, count, mid);
  if (count % 2 === 1) return upper;
  // After selecting `mid`, everything before it is ≤ it: the lower middle is their maximum.
  let lower = buffer[0] as number;
  for (let i = 1; i < mid; i++) if ((buffer[i] as number) > lower) lower = buffer[i] as number;
  return (lower + upper) / 2;
}

/**
 * Trend over the `weeks` weeks ending on `endIndex` (inclusive), or `null` when fewer than `minWeeks`
 * weeks hold at least `minDaysPerWeek` observed days.
 */
export function weeklyTrend(
  values: DailyValues,
  endIndex: number,
  weeks = 13,
  minWeeks = 6,
  minDaysPerWeek = 3,
): WeeklyTrend | null {
  const span = Math.min(weeks, MAX_WEEKS);
  let count = 0;
  for (let week = span - 1; week >= 0; week--) {
    const to = endIndex - week * 7;
    const from = to - 6;
    if (to < 0) continue;
    let observed = 0;
    for (let i = Math.max(0, from); i <= to && i < values.length; i++) if (values[i] != null) observed++;
    if (observed < minDaysPerWeek) continue;
    weekX[count] = span - 1 - week;
    weekY[count] = medianOfWeek(values, from, to);
    count++;
  }
  if (count < minWeeks) return null;

  let pairs = 0;
  let concordance = 0;
  for (let i = 0; i < count; i++) {
    const xi = weekX[i] as number;
    const yi = weekY[i] as number;
    for (let j = i + 1; j < count; j++) {
      const dy = (weekY[j] as number) - yi;
      pairSlopes[pairs++] = dy / ((weekX[j] as number) - xi);
      concordance += dy > 0 ? 1 : dy < 0 ? -1 : 0;
    }
  }
  const slopePerWeek = medianOf(pairSlopes, pairs);
  for (let i = 0; i < count; i++) residuals[i] = (weekY[i] as number) - slopePerWeek * (weekX[i] as number);
  const intercept = medianOf(residuals, count);
  const weekly = weekY.subarray(0, count);
  residuals.set(weekly);
  const median = medianOf(residuals, count);
  const fittedSpan = (weekX[count - 1] as number) - (weekX[0] as number);
  return {
    slopePerDay: slopePerWeek / 7,
    level: intercept + slopePerWeek * (weekX[count - 1] as number),
    median,
    growth: median > 0 ? (slopePerWeek * fittedSpan) / median : 0,
    tau: concordance / pairs,
    weeks: count,
    weekly,
  };
}
