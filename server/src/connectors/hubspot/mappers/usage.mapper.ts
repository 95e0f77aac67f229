import { addDays, type UsageSeries } from '@ripe/shared';
import type { HubSpotVersion } from './hubspot-record.ts';

/**
 * A daily series from a property's history: the value on day d is the newest version set on or before the end
 * of d; days before the first version are null. `days` days ending on `asOf`; no versions → no series.
 */
export function dailySeries(
  versions: readonly HubSpotVersion[] | undefined,
  asOf: string,
  days: number,
): Pick<UsageSeries, 'start' | 'values'> | null {
  const known = (versions ?? [])
    .map((version) => ({ at: Date.parse(version.timestamp), value: Number(version.value) }))
    .filter((version) => Number.isFinite(version.at) && Number.isFinite(version.value))
    .sort((a, b) => a.at - b.at);
  if (known.length === 0) return null;
  const start = addDays(asOf, -(days - 1));
  const values: (number | null)[] = [];
  let next = 0;
  let current: number | null = null;
  for (let offset = 0; offset < days; offset += 1) {
    const endOfDay = Date.parse(`${addDays(start, offset)}T23:59:59.999Z`);
    while (next < known.length && (known[next]?.at ?? Infinity) <= endOfDay) {
      current = known[next]?.value ?? null;
      next += 1;
    }
    values.push(current);
  }
  return { start, values };
}
