import type { UsageSeries } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';

/**
 * The snapshot with the account's ingested usage merged in: an ingested series replaces the snapshot's
 * series of the same metric (ingest is the source of truth for it), other metrics are added, and the
 * snapshot's own metrics without ingested data stay. No ingested series: the snapshot itself. The
 * snapshot is raw (validated later): a `usage` that is not a list is left for validation to report.
 */
export function mergeIngestedUsage<T extends object>(snapshot: T, series: readonly UsageSeries[]): T {
  const usage: unknown = (snapshot as { usage?: unknown }).usage ?? [];
  if (series.length === 0 || !Array.isArray(usage)) return snapshot;
  const ingested = new Set(series.map((one) => one.metric));
  const kept = usage.filter((one) => !ingested.has(metricOf(one) ?? ''));
  return { ...snapshot, usage: [...kept, ...series] };
}

/**
 * The series cut after `lastDay` (`YYYY-MM-DD`), dropped when nothing is left: a night scoring a
 * past day must not see usage from after it.
 */
export function usageUntil(series: readonly UsageSeries[], lastDay: string): UsageSeries[] {
  const last = dayNumber(lastDay);
  return series.flatMap((one) => {
    const days = last - dayNumber(one.start) + 1;
    if (days <= 0) return [];
    return days >= one.values.length ? [one] : [{ ...one, values: one.values.slice(0, days) }];
  });
}

function metricOf(series: unknown): string | undefined {
  if (typeof series !== 'object' || series === null) return undefined;
  const metric = (series as { metric?: unknown }).metric;
  return typeof metric === 'string' ? metric : undefined;
}
