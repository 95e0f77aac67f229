import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * When an org's night runs: a local time of day in an IANA time zone, e.g. `02:30` in `Europe/Paris`.
 * Stored in `org_settings.schedule`; an empty object there means "on demand only".
 */
export const nightScheduleSchema = z.object({
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:mm, 00:00 to 23:59' }),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    error: 'must be an IANA time zone such as Europe/Paris',
  }),
});
export type NightSchedule = z.infer<typeof nightScheduleSchema>;

export type StoredSchedule =
  { kind: 'none' } | { kind: 'scheduled'; schedule: NightSchedule } | { kind: 'invalid'; message: string };

/** Reads `org_settings.schedule`: `{}` (or no row) is "no schedule"; anything else must be a schedule. */
export function readStoredSchedule(raw: unknown): StoredSchedule {
  if (raw === null || raw === undefined) return { kind: 'none' };
  if (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0)
    return { kind: 'none' };
  const parsed = nightScheduleSchema.safeParse(raw);
  if (parsed.success) return { kind: 'scheduled', schedule: parsed.data };
  return {
    kind: 'invalid',
    message: parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'schedule'} ${issue.message}`)
      .join('; '),
  };
}
