import { describe, expect, it } from 'vitest';
import type { UsageChartData } from '../night/usage-chart.ts';
import { usageChartSvg } from './usage-chart.svg.ts';

const asOf = '2026-11-01';
const weeks = (values: number[], lastDate = asOf): { date: string; value: number }[] =>
  values.map((value, i) => {
    const day = new Date(`${lastDate}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 7 * (values.length - 1 - i));
    return { date: day.toISOString().slice(0, 10), value };
  });

const chart = (overrides: Partial<UsageChartData> = {}): UsageChartData => ({
  metric: 'seats_used',
  unit: 'seats',
  limit: 50,
  points: weeks([30, 32, 35, 37, 40, 42, 44]),
  projection: [],
  crossingDate: null,
  ...overrides,
});

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('usageChartSvg', () => {
  it('labels both axes and ticks them: months on x, values from 0 on y', () => {
    const svg = usageChartSvg(chart(), { title: 'Acme', asOf });
    const labels = texts(svg);
    // seven weeks from 2026-09-20: the first month labelled with its year
    expect(labels).toEqual(expect.arrayContaining(['0', '20', '40', '60', 'Oct 2026', 'Nov']));
    expect(labels).toContain('week ending (weekly median of daily values)');
    expect(labels).toContain('seats / users');
    expect(labels).toContain('50 seats licensed');
  });

  it('breaks the line at a missing week instead of drawing through it', () => {
    const points = weeks([30, 31, 32, 33, 34, 35]);
    points.splice(2, 1);
    const svg = usageChartSvg(chart({ points }), { title: 'Acme', asOf });
    const line = /<path d="([^"]+)" fill="none" stroke="#1f6fb2" stroke-width="2.2"/.exec(svg)?.[1] ?? '';
    expect(line.match(/M/g)).toHaveLength(2);
  });

  it('draws the projection to the limit on the crossing date, past today', () => {
    const points = weeks([40, 42, 44]);
    const svg = usageChartSvg(
      chart({
        points,
        projection: [points[2] as { date: string; value: number }, { date: '2027-01-10', value: 50 }],
        crossingDate: '2027-01-10',
      }),
      { title: 'Acme', asOf },
    );
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(texts(svg)).toEqual(expect.arrayContaining(['today', 'limit reached ~2027-01-10', 'Jan 2027']));
  });

  it('draws active users beside seats, and a commit for volume', () => {
    const withActive = usageChartSvg(chart(), { title: 'Acme', asOf, activeUsers: weeks([20, 22, 21]) });
    expect(texts(withActive)).toContain('active users');
    const volume = usageChartSvg(chart({ metric: 'consumption', unit: 'volume', limit: 3000 }), {
      title: 'Acme',
      asOf,
    });
    expect(texts(volume)).toEqual(expect.arrayContaining(['commit 3,000 / month', 'volume per month']));
  });
});
