import { describe, expect, it } from 'vitest';
import { weeklyTrend } from './robust-trend.ts';

// 13 weeks of weekday values with weekend dips.
function weekdayPattern(level: (day: number) => number, days = 91): number[] {
  return Array.from({ length: days }, (_, day) => (day % 7 >= 5 ? level(day) * 0.3 : level(day)));
}

describe('weeklyTrend', () => {
  it('measures a steady rise despite weekend dips', () => {
    const trend = weeklyTrend(
      weekdayPattern((day) => 100 + day),
      90,
    );
    expect(trend?.slopePerDay).toBeCloseTo(1, 5);
    expect(trend?.tau).toBe(1);
    expect(trend?.growth).toBeGreaterThan(0.4);
  });

  it('is not pulled by an outage week of zeros', () => {
    const values = weekdayPattern(() => 100);
    for (let day = 42; day < 49; day++) values[day] = 0;
    const trend = weeklyTrend(values, 90);
    expect(trend?.slopePerDay).toBe(0);
    expect(trend?.level).toBe(100);
  });

  it('skips null days and refuses too little data', () => {
    const sparse: (number | null)[] = Array.from({ length: 91 }, (_, day) => (day % 7 < 2 ? 50 + day : null));
    expect(weeklyTrend(sparse, 90)).toBeNull();
    const gappy: (number | null)[] = Array.from({ length: 91 }, (_, day) =>
      day % 3 === 0 ? null : 50 - day / 7,
    );
    expect(weeklyTrend(gappy, 90)?.slopePerDay).toBeLessThan(0);
  });
});

describe('weeklyTrend medians', () => {
  it('agrees with a sorted median on even and odd week counts', () => {
    // 8 observed weeks (even) with a known Theil–Sen slope of 2 per week and one outlier week.
    const weekly = [10, 12, 14, 16, 90, 20, 22, 24];
    const values = weekly.flatMap((level) => Array.from({ length: 7 }, () => level));
    const trend = weeklyTrend(values, values.length - 1, 8, 6);
    expect(trend?.slopePerDay).toBeCloseTo(2 / 7, 10);
    expect(trend?.median).toBe(18);
    expect(trend?.level).toBe(24);
  });
});
