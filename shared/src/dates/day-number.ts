// Calendar arithmetic on day numbers (days since 1970-01-01, UTC) without `Date` objects:
// techniques convert each YYYY-MM-DD once and then work on integers.

const CHAR_0 = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + (text.charCodeAt(i) - CHAR_0);
  return value;
}

// Howard Hinnant's days_from_civil.
function fromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `'1970-01-02'` → 1. */
export function dayNumber(isoDate: string): number {
  return fromCivil(digits(isoDate, 0, 4), digits(isoDate, 5, 2), digits(isoDate, 8, 2));
}

/** The UTC day of an ISO 8601 instant with `Z` or a `±hh:mm` offset; a bare date is taken as is. */
export function instantDayNumber(instant: string): number {
  const day = dayNumber(instant);
  if (instant.length <= 10) return day;
  const last = instant.charCodeAt(instant.length - 1);
  if (last === 90 /* Z */) return day;
  const sign = instant.charCodeAt(instant.length - 6);
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return day;
  const localMinutes = digits(instant, 11, 2) * 60 + digits(instant, 14, 2);
  const offsetMinutes = digits(instant, instant.length - 5, 2) * 60 + digits(instant, instant.length - 2, 2);
  const utcMinutes = localMinutes - (sign === 43 ? offsetMinutes : -offsetMinutes);
  return day + Math.floor(utcMinutes / 1440);
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** 1 → `'1970-01-02'` (Hinnant's civil_from_days). */
export function isoDay(dayNum: number): string {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `addDays('2026-01-30', 3)` → `'2026-02-02'`. */
export function addDays(isoDate: string, days: number): string {
  return isoDay(dayNumber(isoDate) + days);
}
