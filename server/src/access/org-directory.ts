import type { Database } from '../store/database.ts';
import { appRole } from '../store/org-scope.ts';
import type { CrmKind } from '../store/orgs.repository.ts';

/** An org as operators list it: no configuration, no data. */
export interface OrgSummary {
  id: string;
  name: string;
  crm: CrmKind;
  externalId: string | null;
  createdAt: Date;
}

/** Every org, for operators (the CLI connects as the owner; ripe_app may not call this). */
export async function listOrgs(db: Database): Promise<OrgSummary[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    crm: CrmKind;
    external_id: string | null;
    created_at: Date;
  }>('select id, name, crm, external_id, created_at from ripe_list_orgs()');
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    crm: row.crm,
    externalId: row.external_id,
    createdAt: row.created_at,
  }));
}

/**
 * The Ripe org of a CRM instance (Salesforce org id, HubSpot portal id), for inbound calls that name
 * the instance before any org is known. Runs as ripe_app through `ripe_find_org`.
 */
export async function findOrgByExternalId(
  db: Database,
  crm: CrmKind,
  externalId: string,
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('role', $1, true)`, [appRole]);
    const { rows } = await tx.query<{ id: string | null }>('select ripe_find_org($1, $2) as id', [
      crm,
      externalId,
    ]);
    return rows[0]?.id ?? undefined;
  });
}
