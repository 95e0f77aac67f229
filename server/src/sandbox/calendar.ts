// Day arithmetic for the generator: days are integers (days since 1970-01-01, UTC), converted to
// ISO strings only when a snapshot is rendered.
import { dayNumber, isoDay } from '@ripe/shared';

export { dayNumber, isoDay };

/** 1970-01-01 was a Thursday: 0 = Sunday ... 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

/** Same calendar day `years` later (29 February becomes 28 February). */
export function addYears(day: number, years: number): number {
  const iso = isoDay(day);
  const year = Number(iso.slice(0, 4)) + years;
  const monthDay = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return dayNumber(`${year}-${monthDay}`);
}

/** Smooth 0 → 1 over [0, 1], clamped outside. */
export function smoothstep(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return x * x * (3 - 2 * x);
}

/** An ISO instant on `day` at local `minuteOfDay` with a fixed UTC offset in minutes. */
export function isoInstant(day: number, minuteOfDay: number, offsetMinutes: number): string {
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  if (offsetMinutes === 0) return `${isoDay(day)}T${hh}:${mm}:00Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const oh = String(Math.floor(abs / 60)).padStart(2, '0');
  const om = String(abs % 60).padStart(2, '0');
  return `${isoDay(day)}T${hh}:${mm}:00${sign}${oh}:${om}`;
}
