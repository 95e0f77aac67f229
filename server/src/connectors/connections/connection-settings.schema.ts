import { z } from 'zod';

/** The sandbox generator standing in for a CRM (`crm = 'sandbox'` orgs). */
export const sandboxSettingsSchema = z.object({
  accounts: z.number().int().min(1).max(1_000_000).default(200),
  seed: z.number().int().min(0).default(1),
  /** Simulated CRM latency per batch pulled, to rehearse slow nights. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
});
export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;
export type SandboxSettingsInput = z.input<typeof sandboxSettingsSchema>;

// Nothing to set yet: each connector adds the settings it reads (a field here, a default, a test).
export const salesforceSettingsSchema = z.object({});
export const hubspotSettingsSchema = z.object({});

/** A connection's settings, by CRM kind: stored in `connections.settings`, parsed on every read. */
export const connectionSettingsSchema = z.discriminatedUnion('crm', [
  z.object({ crm: z.literal('sandbox'), settings: sandboxSettingsSchema.prefault({}) }),
  z.object({ crm: z.literal('salesforce'), settings: salesforceSettingsSchema.prefault({}) }),
  z.object({ crm: z.literal('hubspot'), settings: hubspotSettingsSchema.prefault({}) }),
]);
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;
export type ConnectionSettingsInput = z.input<typeof connectionSettingsSchema>;
