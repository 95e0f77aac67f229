// What a HubSpot connection's admin maps (stored in the connection's settings; defaults fit a portal whose
// product-usage integration writes one company property per metric, as the emulator's seeded portal does).
// Usage comes from those properties' value history (`propertiesWithHistory`): HubSpot keeps every value a
// property held, so the integration's daily values are the daily series.
import { z } from 'zod';
import { sandboxFeatures } from '../../sandbox/sandbox-price-book.ts';

/** The company property a usage metric lives in: `feature:sso` → `usage_feature_sso`. */
export function usageProperty(metric: string): string {
  return `usage_${metric.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
}

const usageKind = z.enum(['seats_used', 'active_users', 'consumption', 'feature_adoption']);
const opportunityType = z.enum([
  'new_business',
  'renewal',
  'upsell',
  'cross_sell',
  'usage_commit',
  'contraction',
]);

const features = sandboxFeatures;

const defaultMetrics = [
  { metric: 'seats_used', kind: 'seats_used' as const },
  { metric: 'active_users', kind: 'active_users' as const },
  { metric: 'api_calls', kind: 'consumption' as const },
  ...features.map((feature) => ({
    metric: `feature:${feature}`,
    kind: 'feature_adoption' as const,
    feature,
  })),
];

export const hubspotConnectorSettingsSchema = z.object({
  /** The company property holding the CSM (a HubSpot owner id): the task's owner. */
  csmOwnerProperty: z.string().default('hubspot_owner_id'),
  company: z
    .object({
      segment: z.string().default('customer_segment'),
      tier: z.string().default('contract_tier'),
      seatsLicensed: z.string().default('seats_licensed'),
      arr: z.string().default('contract_arr'),
      committedVolume: z.string().default('contract_committed_volume'),
      startDate: z.string().default('contract_start_date'),
      renewalDate: z.string().default('contract_renewal_date'),
      /** A multiple-checkbox property: module ids separated by `;`. */
      modules: z.string().default('contract_modules'),
    })
    .prefault({}),
  usage: z
    .object({
      /** Days of daily values read back from each usage property's history. */
      days: z.number().int().min(1).max(450).default(120),
      metrics: z
        .array(
          z.object({
            metric: z.string().min(1),
            kind: usageKind,
            feature: z.string().optional(),
            /** Defaults to `usageProperty(metric)`. */
            property: z.string().optional(),
          }),
        )
        .default(defaultMetrics),
      /**
       * Usage written as custom-object records associated with the company (one per company per day or period):
       * the object type (its `objectTypeId` `2-…`, fully qualified name `p{portalId}_name`, or name), the date
       * property giving each record's day, and each number property → the metric it holds. A metric read here
       * replaces the property-history series of the same metric.
       */
      customObject: z
        .object({
          objectType: z.string().min(1),
          dateProperty: z.string().min(1),
          metrics: z
            .record(
              z.string().min(1),
              z.object({ metric: z.string().min(1), kind: usageKind, feature: z.string().optional() }),
            )
            .refine((metrics) => Object.keys(metrics).length > 0, 'map at least one metric property'),
        })
        .optional(),
    })
    .prefault({}),
  /** `dealtype` values → the canonical opportunity type; a deal of another type is left out. */
  dealTypes: z.record(z.string(), opportunityType).default({
    newbusiness: 'new_business',
    existingbusiness: 'upsell',
    renewal: 'renewal',
    cross_sell: 'cross_sell',
    usage_commit: 'usage_commit',
    contraction: 'contraction',
  }),
  wonStages: z.array(z.string()).default(['closedwon']),
  lostStages: z.array(z.string()).default(['closedlost']),
  /** Where an approval's expansion deal is created. */
  expansionDeal: z
    .object({
      pipeline: z.string().default('default'),
      stage: z.string().default('appointmentscheduled'),
      dealtype: z.string().default('existingbusiness'),
    })
    .prefault({}),
});

export type HubSpotConnectorSettings = z.infer<typeof hubspotConnectorSettingsSchema>;
export type HubSpotConnectorSettingsInput = z.input<typeof hubspotConnectorSettingsSchema>;
