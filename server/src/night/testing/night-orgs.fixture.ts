import { randomUUID } from 'node:crypto';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';
import { createOrg, type CrmKind } from '../../store/orgs.repository.ts';
import type { SandboxSettingsInput } from '../../connectors/connections/connection-settings.schema.ts';
import type { NightSchedule } from '../../settings/night-settings.schema.ts';
import { setSandboxSettings } from '../org-sandbox.repository.ts';

export interface NightOrgFixture {
  crm?: CrmKind;
  sandbox?: SandboxSettingsInput;
  schedule?: NightSchedule;
  name?: string;
}

/** A new org ready for nights: a small sandbox by default, a schedule when given. Returns its id. */
export async function createNightOrg(db: Database, fixture: NightOrgFixture = {}): Promise<string> {
  const orgId = `org-${randomUUID()}`;
  const crm = fixture.crm ?? 'sandbox';
  await withOrg(db, orgId, async (tx) => {
    await createOrg(tx, {
      name: fixture.name ?? `Night test ${crm}`,
      crm,
      externalId: crm === 'sandbox' ? undefined : `ext-${orgId}`,
    });
    await setSandboxSettings(tx, { accounts: 30, seed: 7, ...fixture.sandbox });
    if (fixture.schedule) {
      await tx.query(
        `insert into org_settings (org_id, schedule) values ($1, $2::jsonb)
         on conflict (org_id) do update set schedule = excluded.schedule`,
        [orgId, JSON.stringify(fixture.schedule)],
      );
    }
  });
  return orgId;
}

/** Counts rows of an org-scoped table for one org (tests read through row-level security too). */
export async function countRows(
  db: Database,
  orgId: string,
  table: 'runs' | 'verdicts' | 'writebacks' | 'account_states' | 'models' | 'run_errors',
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  return withOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<{ n: number }>(
      `select count(*)::int as n from ${table} where org_id = $1 and (${where})`,
      [orgId, ...params],
    );
    return rows[0]?.n ?? 0;
  });
}
