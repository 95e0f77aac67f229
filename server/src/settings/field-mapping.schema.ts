import { usageKindSchema } from '@ripe/shared';
import { z } from 'zod';

/** A CRM field or object API name: `Seats__c`, `hs_num_seats`, `Owner.Email`. */
export const crmFieldName = z
  .string({ error: 'must be a CRM field name' })
  .trim()
  .max(255, { error: 'must have at most 255 characters' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, {
    error: 'must be a CRM API name: letters, digits and _, dots between relationship names',
  });

const metricName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, { error: 'must be a metric name such as seats_used' });

/**
 * Where daily usage comes from: fields on the account read each night (`crm_field`), a custom
 * object with one record per account, day and metric (`crm_object`) or per account and day with a column per
 * metric (`crm_object_columns`), or the ingest API / CSV.
 */
export const usageSourceSchema = z.discriminatedUnion(
  'source',
  [
    z.strictObject({ source: z.literal('ingest') }),
    z.strictObject({
      source: z.literal('crm_field'),
      fields: z
        .array(z.strictObject({ field: crmFieldName, metric: metricName, kind: usageKindSchema }))
        .min(1, { error: 'must name at least one field' })
        .max(50),
    }),
    z.strictObject({
      source: z.literal('crm_object'),
      object: crmFieldName,
      accountField: crmFieldName,
      dayField: crmFieldName,
      metricField: crmFieldName,
      valueField: crmFieldName,
    }),
    z.strictObject({
      source: z.literal('crm_object_columns'),
      object: crmFieldName,
      accountField: crmFieldName,
      dayField: crmFieldName,
      columns: z
        .array(z.strictObject({ field: crmFieldName, metric: metricName, kind: usageKindSchema }))
        .min(1, { error: 'must name at least one column' })
        .max(100),
    }),
  ],
  { error: 'must say its source: ingest, crm_field, crm_object or crm_object_columns' },
);
export type UsageSource = z.infer<typeof usageSourceSchema>;

/** Which CRM fields hold what Ripe reads; an absent field falls back on the connector's default. */
export const fieldMappingSchema = z.strictObject({
  seatsLicensed: crmFieldName.optional(),
  seatsUsed: crmFieldName.optional(),
  tier: crmFieldName.optional(),
  arr: crmFieldName.optional(),
  renewalDate: crmFieldName.optional(),
  csmOwner: crmFieldName.optional(),
  contractStart: crmFieldName.optional(),
  committedVolume: crmFieldName.optional(),
  segment: crmFieldName.optional(),
  modules: crmFieldName.optional(),
  usage: usageSourceSchema.default({ source: 'ingest' }),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
