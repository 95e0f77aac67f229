import { describe, expect, it } from 'vitest';
import type { AccountSnapshot, Verdict } from '@ripe/shared';
import { addDays, dayNumber } from '@ripe/shared';
import { buildSnapshot, constant, seriesEndingOn, TEST_NOW } from '@ripe/shared/testing';
import { CHART_WEEKS, usageChartOf } from './usage-chart.ts';

const days = CHART_WEEKS * 7;

/** A scored verdict with nothing but what the chart reads. */
function verdict(overrides: Partial<Verdict> = {}): Verdict {
  return {
    accountId: 'acc-1',
    accountName: 'Acme',
    asOf: TEST_NOW,
    readiness: 'ready',
    score: 70,
    probability: 0.6,
    probabilityInterval: [0.5, 0.7],
    confidence: 0.7,
    motion: 'seat_upsell',
    potential: { currency: 'USD', arr: 10_000, low: 8_000, high: 12_000, basis: '' },
    expectedValue: 6_000,
    window: null,
    signals: [],
    contradictions: [],
    evidence: [],
    techniques: [],
    featureContributions: [],
    agent: null,
    ...overrides,
  };
}

/** Weekdays at `weekday(i)`, weekends far below: the sawtooth of a team that works Monday to Friday. */
function sawtooth(count: number, weekday: (i: number) => number, weekend: number): number[] {
  const first = dayNumber(addDays(TEST_NOW, 1 - count));
  // day 0 (1970-01-01) was a Thursday: (n + 4) % 7 is 0 on Sundays, 6 on Saturdays
  return Array.from({ length: count }, (_, i) => (((first + i + 4) % 7) % 6 === 0 ? weekend : weekday(i)));
}

function seats(values: (number | null)[], seatsLicensed = 50): AccountSnapshot {
  return buildSnapshot({
    contract: { seatsLicensed },
    usage: [seriesEndingOn(TEST_NOW, 'seats', 'seats_used', values)],
  });
}

describe('usageChartOf', () => {
  it('folds a weekday sawtooth into flat weekly medians, 26 weeks ending on the verdict day', () => {
    const chart = usageChartOf(seats(sawtooth(days, () => 40, 6)), verdict());
    expect(chart?.points).toHaveLength(CHART_WEEKS);
    expect(new Set(chart?.points.map((p) => p.value))).toStrictEqual(new Set([40]));
    expect(chart?.points.at(-1)?.date).toBe(TEST_NOW);
    expect(chart?.points[0]?.date).toBe(addDays(TEST_NOW, -7 * (CHART_WEEKS - 1)));
    expect(chart).toMatchObject({ metric: 'seats_used', unit: 'seats', limit: 50, crossingDate: null });
  });

  it('keeps a rising trend under the sawtooth monotonic', () => {
    const chart = usageChartOf(seats(sawtooth(days, (i) => 30 + Math.floor(i / 10), 4)), verdict());
    const values = chart?.points.map((p) => p.value) ?? [];
    expect(values.every((value, i) => i === 0 || value >= (values[i - 1] as number))).toBe(true);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(30);
  });

  it('leaves weeks without enough observed days out instead of drawing zeros', () => {
    const values: (number | null)[] = constant(days, 20);
    values.fill(null, 70, 84); // two weeks of outage
    values.fill(null, 100, 105); // five of a week's days missing: two left
    const chart = usageChartOf(seats(values), verdict());
    const points = chart?.points ?? [];
    expect(points.every((p) => p.value === 20)).toBe(true);
    expect(points.length).toBeLessThan(CHART_WEEKS);
    const gaps = points.slice(1).filter((p, i) => dayNumber(p.date) - dayNumber(points[i]?.date ?? '') > 7);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
  });

  it('projects from the last week to the limit on the verdict window’s limit date', () => {
    const window = { opensOn: TEST_NOW, closesOn: '2026-08-01', limitDate: '2026-08-20', limit: 'seats' };
    const chart = usageChartOf(seats(constant(days, 44)), verdict({ window }));
    expect(chart?.crossingDate).toBe('2026-08-20');
    expect(chart?.projection).toStrictEqual([
      { date: TEST_NOW, value: 44 },
      { date: '2026-08-20', value: 50 },
    ]);
  });

  it('takes the temporal technique’s projection when the verdict has no window', () => {
    const chart = usageChartOf(
      seats(constant(days, 44)),
      verdict({
        readiness: 'caution',
        signals: [
          {
            code: 'limit_projected',
            label: 'Limit in sight',
            technique: 'temporal',
            polarity: 'positive',
            strength: 0.6,
            evidenceIds: ['tmp:limit:seats'],
          },
        ],
        evidence: [
          {
            id: 'tmp:limit:seats',
            description: 'Seats licensed reached on',
            value: '2026-09-01',
            date: TEST_NOW,
            source: 'usage:seats_used',
          },
        ],
      }),
    );
    expect(chart?.crossingDate).toBe('2026-09-01');
    expect(chart?.projection.at(-1)).toStrictEqual({ date: '2026-09-01', value: 50 });
  });

  it('draws no projection for a limit already reached, nor for another metric’s limit', () => {
    const reached = {
      opensOn: '2026-03-01',
      closesOn: '2026-09-01',
      limitDate: '2026-05-30',
      limit: 'seats',
    };
    expect(usageChartOf(seats(constant(days, 49)), verdict({ window: reached }))).toMatchObject({
      crossingDate: '2026-05-30',
      projection: [],
    });
    const volume = {
      opensOn: TEST_NOW,
      closesOn: '2026-08-01',
      limitDate: '2026-08-20',
      limit: 'consumption',
    };
    expect(usageChartOf(seats(constant(days, 44)), verdict({ window: volume }))).toMatchObject({
      crossingDate: null,
      projection: [],
    });
  });

  it('charts consumption as a monthly run-rate against the commit when no seats are licensed', () => {
    const snapshot = buildSnapshot({
      contract: { seatsLicensed: 0, committedVolume: 3_000 },
      usage: [seriesEndingOn(TEST_NOW, 'api calls', 'consumption', constant(days, 90))],
    });
    expect(usageChartOf(snapshot, verdict())).toMatchObject({
      metric: 'consumption',
      unit: 'volume',
      limit: 3_000,
      points: expect.arrayContaining([{ date: TEST_NOW, value: 2_700 }]),
    });
  });

  it('falls back to active users, with no limit when the contract licenses no seats', () => {
    const snapshot = buildSnapshot({
      contract: { seatsLicensed: 0 },
      usage: [seriesEndingOn(TEST_NOW, 'active', 'active_users', constant(days, 12))],
    });
    expect(usageChartOf(snapshot, verdict())).toMatchObject({ metric: 'active_users', limit: null });
  });

  it('is null for an account without usage, or whose usage stopped before the chart’s weeks', () => {
    expect(usageChartOf(buildSnapshot(), verdict())).toBeNull();
    const feature = seriesEndingOn(TEST_NOW, 'sso', 'feature_adoption', constant(days, 1), {
      feature: 'sso',
    });
    expect(usageChartOf(buildSnapshot({ usage: [feature] }), verdict())).toBeNull();
    const stale = buildSnapshot({
      usage: [seriesEndingOn(addDays(TEST_NOW, -400), 'seats', 'seats_used', constant(60, 30))],
    });
    expect(usageChartOf(stale, verdict())).toBeNull();
  });
});
