import { z } from 'zod';

/**
 * How a night uses the CRM's API: the share of the org's remaining daily allowance one night may spend (the
 * rest is left to the org's other integrations). Stored in `org_settings.sync`.
 */
export const syncSettingsSchema = z.strictObject({
  apiBudgetShare: z
    .number()
    .gt(0, { error: 'must be above 0: a night needs some API calls' })
    .max(1, { error: 'must be at most 1 (the whole remaining allowance)' })
    .default(0.2),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;
