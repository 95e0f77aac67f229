import { RipeError } from '@ripe/shared';
import type { Database } from '../store/index.ts';
import { assertAllScoped, discoverOrgTables, quoteIdentifier } from './org-tables.ts';

export interface OrgDeletion {
  orgId: string;
  /** Rows deleted per table (a table emptied by a cascade counts 0). */
  deletedRows: Record<string, number>;
}

/** The confirmation an erasure needs: the caller types the org's id again. */
export function assertDeletionConfirmed(orgId: string, confirm: string | undefined): void {
  if (confirm !== orgId) {
    throw new RipeError('confirmation_mismatch', `To delete org ${orgId}, confirm with its id`);
  }
}

/**
 * Deletes every row of the org, in every table that carries `org_id` and in `orgs`, in one
 * transaction. It runs as the owner: the audit log is append-only for the application, and its
 * trigger lets these rows go only because `ripe.deleting_org` names this org.
 */
export async function deleteOrg(db: Database, orgId: string): Promise<OrgDeletion> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('ripe.org_id', $1, true), set_config('ripe.deleting_org', $1, true)`, [
      orgId,
    ]);
    // Rows that reference the org wait for this lock, so nothing new appears in the org meanwhile.
    const org = await tx.query('select id from orgs where id = $1 for update', [orgId]);
    const { tables, unscoped } = await discoverOrgTables(tx);
    assertAllScoped(unscoped);
    const deletedRows: Record<string, number> = {};
    for (const table of tables) {
      const { rowCount } = await tx.query(
        `delete from ${quoteIdentifier(table.name)} where ${quoteIdentifier(table.orgColumn)} = $1`,
        [orgId],
      );
      deletedRows[table.name] = rowCount;
    }
    if (org.rows.length === 0 && Object.values(deletedRows).every((count) => count === 0)) {
      throw new RipeError('not_found', `Org ${orgId} not found`);
    }
    return { orgId, deletedRows };
  });
}
