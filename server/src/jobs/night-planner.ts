import type { Database } from '../store/database.ts';
import {
  listNightOrgs,
  nightKey,
  nightsStartedSince,
  readSchedules,
  staleNightRuns,
} from './night-directory.ts';
import { latestNightAtOrBefore } from './night-schedule.ts';
import type { StoredSchedule } from '../settings/night-settings.schema.ts';

/** A night to run: a scheduled night of an org, or a run to resume after its process stopped. */
export type NightJob =
  | { kind: 'night'; orgId: string; nightDate: string }
  | { kind: 'resume'; orgId: string; runId: string; staleSince?: Date };

export interface ScheduledOrg {
  orgId: string;
  schedule: StoredSchedule;
}

/** How late a missed night may still start (the process was down at its time). */
export const defaultCatchUpMs = 6 * 60 * 60 * 1000;

const dayMs = 24 * 60 * 60 * 1000;

export function jobKey(job: NightJob): string {
  return job.kind === 'night' ? nightKey(job.orgId, job.nightDate) : `${job.orgId}|run:${job.runId}`;
}

/**
 * The nights due at `now`: for each scheduled org, its latest night if it started less than `catchUpMs`
 * ago and has not started yet (`started` holds `orgId|nightDate` keys, whatever the run's outcome).
 */
export function dueNights(
  orgs: readonly ScheduledOrg[],
  started: ReadonlySet<string>,
  now: Date,
  catchUpMs = defaultCatchUpMs,
): NightJob[] {
  const due: NightJob[] = [];
  for (const { orgId, schedule } of orgs) {
    if (schedule.kind !== 'scheduled') continue;
    const night = latestNightAtOrBefore(schedule.schedule, now);
    if (now.getTime() - night.at.getTime() > catchUpMs) continue;
    if (started.has(nightKey(orgId, night.nightDate))) continue;
    due.push({ kind: 'night', orgId, nightDate: night.nightDate });
  }
  return due;
}

export interface PlanReport {
  jobs: NightJob[];
  /** Orgs whose stored schedule does not parse: they are skipped until an admin fixes it. */
  invalidSchedules: { orgId: string; message: string }[];
}

/** What to run now, read from the store: due nights, and runs whose process stopped (to resume first). */
export async function planNights(db: Database, now: Date, catchUpMs = defaultCatchUpMs): Promise<PlanReport> {
  const stale = await staleNightRuns(db);
  const orgs = await listNightOrgs(db);
  const schedules = await readSchedules(
    db,
    orgs.map((org) => org.orgId),
  );
  // Local dates run up to 14 hours ahead of UTC: three days back covers every zone and the catch-up.
  const since = new Date(now.getTime() - 3 * dayMs).toISOString().slice(0, 10);
  const started = await nightsStartedSince(db, since);
  const scheduled = [...schedules].map(([orgId, schedule]) => ({ orgId, schedule }));
  return {
    jobs: [
      ...stale.map((run): NightJob => ({
        kind: 'resume',
        orgId: run.orgId,
        runId: run.runId,
        staleSince: run.leaseExpiresAt,
      })),
      ...dueNights(scheduled, started, now, catchUpMs),
    ],
    invalidSchedules: scheduled.flatMap(({ orgId, schedule }) =>
      schedule.kind === 'invalid' ? [{ orgId, message: schedule.message }] : [],
    ),
  };
}
