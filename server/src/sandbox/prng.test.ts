import { describe, expect, it } from 'vitest';
import { Rng, accountRng, mixSeed } from './prng.ts';
import { addYears, dayNumber, isoDay, isWeekend } from './calendar.ts';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draws = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (rng) => () =>
            rng.next()
        )(new Rng(seed)),
      );
    expect(draws(1)).toStrictEqual(draws(1));
    expect(draws(2)).not.toStrictEqual(draws(1));
  });

  it('keeps draws in range and roughly uniform', () => {
    const rng = new Rng(99);
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < 4000; k += 1) {
      const value = rng.int(0, 3);
      counts[value] = (counts[value] ?? 0) + 1;
      const real = rng.real(2, 3);
      expect(real >= 2 && real < 3).toBe(true);
    }
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it('picks by weight', () => {
    const rng = new Rng(5);
    let heavy = 0;
    for (let k = 0; k < 2000; k += 1) if (rng.weighted({ heavy: 0.9, light: 0.1 }) === 'heavy') heavy += 1;
    expect(heavy / 2000).toBeGreaterThan(0.85);
    expect(heavy / 2000).toBeLessThan(0.95);
  });

  it('gives every (seed, account, stream) its own stream, seeds beyond 32 bits included', () => {
    const firsts = new Set([
      accountRng(1, 0, 'usage').next(),
      accountRng(1, 1, 'usage').next(),
      accountRng(1, 0, 'contacts').next(),
      accountRng(2, 0, 'usage').next(),
    ]);
    expect(firsts.size).toBe(4);
    expect(mixSeed(2 ** 40 + 1)).not.toBe(mixSeed(1));
  });
});

describe('calendar', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2025-06-30', 1, '2026-06-30'],
    ['2023-01-15', 3, '2026-01-15'],
  ])('%s plus %i year(s) is %s', (from, years, expected) => {
    expect(isoDay(addYears(dayNumber(from), years))).toBe(expected);
  });

  it.each([
    ['2026-06-27', true],
    ['2026-06-28', true],
    ['2026-06-29', false],
  ])('%s is a weekend day: %s', (date, weekend) => {
    expect(isWeekend(dayNumber(date))).toBe(weekend);
  });
});
