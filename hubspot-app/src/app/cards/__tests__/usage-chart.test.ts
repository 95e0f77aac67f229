import { describe, expect, it } from 'vitest';
import { usageChartRows } from '../usage-chart.ts';

const labels = { actual: 'actual', projection: 'projection', limit: 'limit' };
const usage = {
  metric: 'seats_used',
  unit: 'seats',
  limit: 50,
  points: [{ date: '2026-10-05', value: 44 }],
  projection: [{ date: '2027-01-10', value: 50 }],
  crossingDate: '2027-01-10',
};

describe('usageChartRows', () => {
  it('draws the limit flat from the first point to the last projected one', () => {
    expect(usageChartRows(usage, labels)).toStrictEqual([
      { date: '2026-10-05', value: 44, series: 'actual' },
      { date: '2027-01-10', value: 50, series: 'projection' },
      { date: '2026-10-05', value: 50, series: 'limit' },
      { date: '2027-01-10', value: 50, series: 'limit' },
    ]);
  });

  it('draws no limit line when the plan has none', () => {
    const rows = usageChartRows({ ...usage, limit: null, projection: [], crossingDate: null }, labels);
    expect(rows).toStrictEqual([{ date: '2026-10-05', value: 44, series: 'actual' }]);
  });
});
