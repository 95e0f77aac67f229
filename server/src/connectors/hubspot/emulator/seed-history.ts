// The sandbox's time series rendered as HubSpot property history: a product-usage integration sets each usage
// property once a day when its value changed, and a deal's stage moves on the days the sandbox says.
import type { AccountSnapshot, Opportunity } from '@ripe/shared';
import { addDays, dayNumber } from '@ripe/shared';
import type { CrmRecord, PropertyVersion } from './crm-records.types.ts';

/** The usage integration's evening sync: the instant its daily values are stamped with. */
const syncTime = 'T22:00:00.000Z';

/** The version list of one daily series over its last `days` days up to `asOf`, newest first. */
export function dailyVersions(
  series: AccountSnapshot['usage'][number],
  asOf: string,
  days: number,
): PropertyVersion[] {
  const versions: PropertyVersion[] = [];
  const start = dayNumber(series.start);
  const first = Math.max(0, dayNumber(asOf) - days + 1 - start);
  let last: string | undefined;
  for (let index = first; index < series.values.length; index += 1) {
    const value = series.values[index];
    if (value === null || value === undefined) continue;
    const text = String(value);
    if (text === last) continue;
    last = text;
    const day = addDays(series.start, index);
    versions.unshift({ value: text, timestamp: `${day}${syncTime}`, sourceType: 'INTEGRATION' });
  }
  return versions;
}

/** Sets a property's current value and its whole history at once. */
export function seedHistory(record: CrmRecord, name: string, versions: PropertyVersion[]): void {
  record.history[name] = versions;
  record.properties[name] = versions[0]?.value ?? null;
}

const midnight = (day: string): string => `${day}T00:00:00.000Z`;

/** The deal stage's versions: qualified when created, then won or lost on the day it closed. */
export function stageVersions(opportunity: Opportunity): PropertyVersion[] {
  const opened: PropertyVersion = {
    value: 'qualifiedtobuy',
    timestamp: midnight(opportunity.createdAt),
    sourceType: 'CRM_UI',
  };
  if (opportunity.stage === 'open' || !opportunity.closedAt) return [opened];
  const value = opportunity.stage === 'closed_won' ? 'closedwon' : 'closedlost';
  return [{ value, timestamp: midnight(opportunity.closedAt), sourceType: 'CRM_UI' }, opened];
}
