import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, instantDayNumber, isoDay } from './day-number.ts';

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2026-06-30', 20634],
  ])('%s is day %i and back', (iso, day) => {
    expect(dayNumber(iso)).toBe(day);
    expect(isoDay(day)).toBe(iso);
  });

  it('agrees with Date over a leap-year span', () => {
    for (let day = 19700; day < 20200; day += 7) {
      expect(isoDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it.each([
    ['2026-01-01T10:00:00Z', '2026-01-01'],
    ['2026-01-01T23:30:00-05:00', '2026-01-02'],
    ['2026-01-01T01:30:00.123+02:00', '2025-12-31'],
    ['2026-01-01', '2026-01-01'],
  ])('%s falls on UTC day %s', (instant, iso) => {
    expect(isoDay(instantDayNumber(instant))).toBe(iso);
  });

  it('adds days across months', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
