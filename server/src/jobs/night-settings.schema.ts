import { IANAZone } from 'luxon';
import { z } from 'zod';

/** When an org's night runs: a local time of day in an IANA time zone, e.g. `02:30` in `Europe/Paris`. */
export const nightScheduleSchema = z.object({
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:mm, 00:00 to 23:59' }),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    error: 'must be an IANA time zone such as Europe/Paris',
  }),
});
export type NightSchedule = z.infer<typeof nightScheduleSchema>;

/** The sandbox generator standing in for a CRM (`crm = 'sandbox'` orgs). */
export const sandboxSettingsSchema = z.object({
  accounts: z.number().int().min(1).max(1_000_000).default(200),
  seed: z.number().int().min(0).default(1),
  /** Simulated CRM latency per batch pulled, to rehearse slow nights. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
});
export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;

/** Per-org settings of the night, stored in `orgs.night_settings`. */
export const nightSettingsSchema = z.object({
  /** No schedule: the org runs only on demand. */
  schedule: nightScheduleSchema.nullable().default(null),
  sandbox: sandboxSettingsSchema.prefault({}),
  batchSize: z.number().int().min(1).max(10_000).default(100),
});
export type NightSettings = z.infer<typeof nightSettingsSchema>;
export type NightSettingsInput = z.input<typeof nightSettingsSchema>;
