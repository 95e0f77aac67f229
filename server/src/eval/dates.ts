import { addDays, dayNumber } from '@ripe/shared';

export { addDays };

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
