// The LineChart's rows for the usage metric: the weekly medians, the projection to the limit, and the limit as a
// flat line across both, one series each (the chart colours rows by `series`).
import type { Usage } from './api/card-contract.ts';

export interface UsageSeriesLabels {
  actual: string;
  projection: string;
  limit: string;
}

export type UsageChartRow = { date: string; value: number; series: string };

export function usageChartRows(usage: Usage, labels: UsageSeriesLabels): UsageChartRow[] {
  const actual = usage.points.map((point) => ({ ...point, series: labels.actual }));
  const projection = usage.projection.map((point) => ({ ...point, series: labels.projection }));
  const dates = [...usage.points, ...usage.projection].map((point) => point.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const limit =
    usage.limit === null || first === undefined || last === undefined
      ? []
      : [first, last].map((date) => ({ date, value: usage.limit as number, series: labels.limit }));
  return [...actual, ...projection, ...limit];
}
