// A portal whose product-usage integration writes usage as custom-object records instead of company properties:
// one `product_usage` record per company per day, with the day in a date property and one number property per
// metric, associated with the company. What `usage.customObject` in the connector's settings maps.
import type { AccountSnapshot } from '@ripe/shared';
import { addDays, dayNumber } from '@ripe/shared';
import {
  hubspotConnectorSettingsSchema,
  usageProperty,
  type HubSpotConnectorSettingsInput,
} from '../hubspot-settings.ts';
import type { CustomObjectTypeId } from './crm-records.types.ts';
import { createCustomObject, schemaAssociationTypes } from './custom-objects.ts';
import { associate, insertRecord } from './portal-records.ts';
import type { PortalState } from './portal-state.ts';

/** Where a seeded portal's usage lives: company property history (the default) or custom-object records. */
export type SeededUsage = 'properties' | 'custom_object';

export const usageObjectName = 'product_usage';
export const usageDateProperty = 'usage_date';
const usageKeyProperty = 'usage_key';

/** The metrics the seeded integration writes: the connector's default metrics, one number property each. */
const seededMetrics = () => hubspotConnectorSettingsSchema.parse({}).usage.metrics;

/** The connector's `usage.customObject` mapping for the seeded usage object (by name, resolved by the schemas API). */
export function seededUsageObjectMapping(): NonNullable<
  NonNullable<HubSpotConnectorSettingsInput['usage']>['customObject']
> {
  return {
    objectType: usageObjectName,
    dateProperty: usageDateProperty,
    metrics: Object.fromEntries(
      seededMetrics().map(({ metric, kind, feature }) => [
        usageProperty(metric),
        { metric, kind, ...(feature ? { feature } : {}) },
      ]),
    ),
  };
}

/** Creates the usage object's schema (associated with companies) as the integration's install would. */
export function seedUsageSchema(portal: PortalState, at: string): CustomObjectTypeId {
  const existing = [...portal.schemas.values()].find((schema) => schema.name === usageObjectName);
  if (existing) return existing.objectTypeId;
  return createCustomObject(
    portal,
    {
      name: usageObjectName,
      labels: { singular: 'Product usage', plural: 'Product usage' },
      primaryDisplayProperty: usageKeyProperty,
      requiredProperties: [usageKeyProperty, usageDateProperty],
      associatedObjects: ['COMPANY'],
      properties: [
        { name: usageKeyProperty, label: 'Usage key', type: 'string', fieldType: 'text' },
        { name: usageDateProperty, label: 'Usage date', type: 'date', fieldType: 'date' },
        ...seededMetrics().map(({ metric }) => ({
          name: usageProperty(metric),
          label: metric,
          type: 'number' as const,
          fieldType: 'number' as const,
        })),
      ],
    },
    at,
  ).objectTypeId;
}

/**
 * The company's usage over the last `days` days up to `asOf` as one record a day (a day with no value of any
 * metric has no record), each associated with the company. Answers the records' ids.
 */
export function seedUsageRecords(
  portal: PortalState,
  objectTypeId: CustomObjectTypeId,
  companyId: string,
  usage: AccountSnapshot['usage'],
  asOf: string,
  days: number,
): string[] {
  const mapped = new Set(seededMetrics().map(({ metric }) => metric));
  const first = addDays(asOf, -(days - 1));
  const types = schemaAssociationTypes(portal, objectTypeId, 'companies');
  const ids: string[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const day = addDays(first, offset);
    const values: Record<string, string | null> = {};
    for (const series of usage) {
      if (!mapped.has(series.metric)) continue;
      const value = series.values[dayNumber(day) - dayNumber(series.start)];
      if (value !== null && value !== undefined) values[usageProperty(series.metric)] = String(value);
    }
    if (Object.keys(values).length === 0) continue;
    ids.push(writeUsageRecord(portal, objectTypeId, companyId, day, values, `${day}T22:00:00.000Z`, types));
  }
  return ids;
}

/**
 * The integration writes one day's usage record for a company at `at` (property → value), associated with it:
 * the company itself is not touched. Answers the record's id.
 */
export function writeUsageRecord(
  portal: PortalState,
  objectTypeId: CustomObjectTypeId,
  companyId: string,
  day: string,
  values: Record<string, string | null>,
  at: string,
  types = schemaAssociationTypes(portal, objectTypeId, 'companies'),
): string {
  const record = insertRecord(
    portal,
    objectTypeId,
    { [usageKeyProperty]: `${companyId}:${day}`, [usageDateProperty]: day, ...values },
    at,
  );
  associate(portal, objectTypeId, record.id, 'companies', companyId, types);
  return record.id;
}
