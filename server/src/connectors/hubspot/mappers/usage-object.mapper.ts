// Usage from custom-object records (`usage.customObject`): a product-usage integration writes one record per company
// per day (or per period) with the day in a date property and one number property per metric. Each record's values
// apply to its day alone; a day with no record is null. Two records of one day: the one created last wins. A record
// whose date cannot be read, or a metric value that is not a non-negative number, is reported as a per-record error
// naming the record and the property, and the company's other values are kept. Pure.
import { addDays, dayNumber, type UsageSeries } from '@ripe/shared';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import type { HubSpotRecord } from './hubspot-record.ts';

export type UsageObjectMapping = NonNullable<HubSpotConnectorSettings['usage']['customObject']>;

/** A usage record HubSpot answered that Ripe could not read a value of. */
export interface UsageRecordError {
  code: 'usage_record_invalid';
  reason: 'missing_date' | 'unparseable_date' | 'not_a_number' | 'negative';
  /** The custom object's type id (`2-…`). */
  objectType: string;
  recordId: string;
  companyId: string;
  property: string;
  value: string | null;
  message: string;
}

/** A series before the mapping context adds `premium`. */
export type RecordUsageSeries = Pick<UsageSeries, 'metric' | 'kind' | 'feature' | 'start' | 'values'>;

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `date` value as `YYYY-MM-DD`: HubSpot answers the day, an ISO instant, or epoch milliseconds (UTC midnight). */
export function recordDay(value: string): string | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const at = new Date(Number(text));
    return Number.isNaN(at.getTime()) ? undefined : at.toISOString().slice(0, 10);
  }
  if (isoDay.test(text)) {
    const at = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text ? text : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : new Date(at).toISOString().slice(0, 10);
  }
  return undefined;
}

const present = (value: string | null | undefined): value is string =>
  value !== null && value !== undefined && value.trim() !== '';

/** Later creation first wins a day; equal instants by the larger id. */
function newer(a: HubSpotRecord, b: HubSpotRecord): boolean {
  const at = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return at !== 0 ? at > 0 : Number(a.id) > Number(b.id);
}

/**
 * The daily series of one company's usage records: `days` days ending on `asOf`, one series per mapped metric that
 * has at least one value in those days (in the mapping's order), and the errors of the values that could not be read.
 */
export function usageFromRecords(
  records: readonly HubSpotRecord[],
  mapping: UsageObjectMapping,
  context: { companyId: string; objectType: string; asOf: string; days: number },
): { series: RecordUsageSeries[]; errors: UsageRecordError[] } {
  const { companyId, objectType, asOf, days } = context;
  const start = addDays(asOf, -(days - 1));
  const first = dayNumber(start);
  const errors: UsageRecordError[] = [];
  const fail = (
    record: HubSpotRecord,
    property: string,
    reason: UsageRecordError['reason'],
    value: string | null,
    why: string,
  ) =>
    errors.push({
      code: 'usage_record_invalid',
      reason,
      objectType,
      recordId: record.id,
      companyId,
      property,
      value,
      message: `Usage record ${record.id} (${objectType}) of company ${companyId}: ${property} ${why}`,
    });
  const properties = Object.keys(mapping.metrics);
  // Property → day offset → the value and the record it came from.
  const cells = new Map<string, Map<number, { value: number; record: HubSpotRecord }>>(
    properties.map((property) => [property, new Map()]),
  );
  for (const record of records) {
    const raw = record.properties[mapping.dateProperty];
    if (!present(raw)) {
      fail(record, mapping.dateProperty, 'missing_date', null, 'has no value: the record has no day');
      continue;
    }
    const day = recordDay(raw);
    if (day === undefined) {
      fail(record, mapping.dateProperty, 'unparseable_date', raw, `is not a date: ${JSON.stringify(raw)}`);
      continue;
    }
    const offset = dayNumber(day) - first;
    if (offset < 0 || offset >= days) continue;
    for (const property of properties) {
      const text = record.properties[property];
      if (!present(text)) continue;
      const value = Number(text);
      if (!Number.isFinite(value)) {
        fail(record, property, 'not_a_number', text, `is not a number: ${JSON.stringify(text)}`);
        continue;
      }
      if (value < 0) {
        fail(record, property, 'negative', text, `is negative: ${text}`);
        continue;
      }
      const byDay = cells.get(property);
      const held = byDay?.get(offset);
      if (!held || newer(record, held.record)) byDay?.set(offset, { value, record });
    }
  }
  const series = properties.flatMap((property): RecordUsageSeries[] => {
    const byDay = cells.get(property);
    const target = mapping.metrics[property];
    if (!byDay || byDay.size === 0 || !target) return [];
    const values = Array.from({ length: days }, (_, offset) => byDay.get(offset)?.value ?? null);
    return [
      {
        metric: target.metric,
        kind: target.kind,
        ...(target.feature ? { feature: target.feature } : {}),
        start,
        values,
      },
    ];
  });
  return { series, errors };
}
