import { z } from 'zod';
import { hubspotConnectorSettingsSchema } from '../hubspot/hubspot-settings.ts';

/** The sandbox generator standing in for a CRM (`crm = 'sandbox'` orgs). */
export const sandboxSettingsSchema = z.object({
  accounts: z.number().int().min(1).max(1_000_000).default(200),
  seed: z.number().int().min(0).default(1),
  /** Simulated CRM latency per batch pulled, to rehearse slow nights. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
});
export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;
export type SandboxSettingsInput = z.input<typeof sandboxSettingsSchema>;

/** A Salesforce connection: how much of the org's past a night reads, and the approval's Opportunity. */
export const salesforceSettingsSchema = z.object({
  /** Days of activities and closed cases read (the engine looks back 180 days). */
  activityDays: z.number().int().min(30).max(730).default(180),
  /** Days of daily usage read from a usage object (450: last year's season included). */
  usageDays: z.number().int().min(30).max(730).default(450),
  /** A usage read of this many rows or more goes through a Bulk API 2.0 query job. */
  bulkQueryRows: z.number().int().min(2_000).max(10_000_000).default(20_000),
  /** More writes than this of one object in a night go through a Bulk API 2.0 ingest job (2,000: Salesforce's guidance). */
  bulkWriteRows: z.number().int().min(200).max(10_000_000).default(2_000),
  opportunity: z
    .object({
      stage: z.string().trim().min(1).max(255).default('Prospecting'),
      type: z.string().trim().min(1).max(255).default('Upsell'),
      recordTypeId: z
        .string()
        .regex(/^012[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/, { error: 'must be a RecordType id (012…)' })
        .optional(),
    })
    .prefault({}),
  /** The user Ripe's tokens act as, recorded when an admin connects: its own writes are not changes. */
  integrationUserId: z.string().optional(),
  /** Set when the org is connected by the JWT bearer flow: the pre-authorised integration user's username. */
  jwtUsername: z.string().trim().min(3).max(80).optional(),
});
export type SalesforceSettings = z.infer<typeof salesforceSettingsSchema>;

/** A HubSpot connection: the portal's property mapping, usage history, the expansion deal's pipeline. */
export const hubspotSettingsSchema = hubspotConnectorSettingsSchema;

/** A connection's settings, by CRM kind: stored in `connections.settings`, parsed on every read. */
export const connectionSettingsSchema = z.discriminatedUnion('crm', [
  z.object({ crm: z.literal('sandbox'), settings: sandboxSettingsSchema.prefault({}) }),
  z.object({ crm: z.literal('salesforce'), settings: salesforceSettingsSchema.prefault({}) }),
  z.object({ crm: z.literal('hubspot'), settings: hubspotSettingsSchema.prefault({}) }),
]);
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;
export type ConnectionSettingsInput = z.input<typeof connectionSettingsSchema>;
