import { addDays, dayNumber } from '../engine/series/day-number.ts';

export { addDays };

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
