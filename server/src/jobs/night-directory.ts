import type { Database, Queryable } from '../store/database.ts';
import { appRole } from '../store/org-scope.ts';
import type { CrmKind } from '../store/orgs.repository.ts';
import { readStoredSchedule, type StoredSchedule } from '../settings/night-settings.schema.ts';

/**
 * What the scheduler reads before it can name an org, through the `ripe_scheduler` functions of
 * migration 0004: ids, CRM kinds, night dates and stale leases — never an org's data.
 */
export interface NightOrg {
  orgId: string;
  crm: CrmKind;
}

export interface StaleNightRun {
  orgId: string;
  runId: string;
  leaseExpiresAt: Date;
}

export async function listNightOrgs(db: Database): Promise<NightOrg[]> {
  return asApp(db, async (tx) => {
    const { rows } = await tx.query<{ org_id: string; crm: CrmKind }>(
      'select org_id, crm from ripe_night_orgs()',
    );
    return rows.map((row) => ({ orgId: row.org_id, crm: row.crm }));
  });
}

/** Keys `orgId|YYYY-MM-DD` of the nights started since `since` (any outcome). */
export async function nightsStartedSince(db: Database, since: string): Promise<Set<string>> {
  return asApp(db, async (tx) => {
    const { rows } = await tx.query<{ org_id: string; night_date: string }>(
      'select org_id, night_date::text from ripe_nights_started($1::date)',
      [since],
    );
    return new Set(rows.map((row) => nightKey(row.org_id, row.night_date)));
  });
}

export async function staleNightRuns(db: Database): Promise<StaleNightRun[]> {
  return asApp(db, async (tx) => {
    const { rows } = await tx.query<{ org_id: string; run_id: string; lease_expires_at: Date }>(
      'select org_id, run_id::text, lease_expires_at from ripe_stale_night_runs()',
    );
    return rows.map((row) => ({
      orgId: row.org_id,
      runId: row.run_id,
      leaseExpiresAt: row.lease_expires_at,
    }));
  });
}

/**
 * The stored schedule of each org, read in one transaction that moves from org to org: row-level
 * security still applies to every read.
 */
export async function readSchedules(
  db: Database,
  orgIds: readonly string[],
): Promise<Map<string, StoredSchedule>> {
  if (orgIds.length === 0) return new Map();
  return asApp(db, async (tx) => {
    const schedules = new Map<string, StoredSchedule>();
    for (const orgId of orgIds) {
      await tx.query(`select set_config('ripe.org_id', $1, true)`, [orgId]);
      const { rows } = await tx.query<{ schedule: unknown }>(
        'select schedule from org_settings where org_id = $1',
        [orgId],
      );
      schedules.set(orgId, readStoredSchedule(rows[0]?.schedule));
    }
    return schedules;
  });
}

export function nightKey(orgId: string, nightDate: string): string {
  return `${orgId}|${nightDate}`;
}

async function asApp<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('role', $1, true)`, [appRole]);
    return fn(tx);
  });
}
