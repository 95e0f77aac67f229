import { RipeError } from '@ripe/shared';
import type { Database, Queryable } from './database.ts';

/** The role every org-scoped transaction runs as: no DDL, no BYPASSRLS, rows of one org only. */
export const appRole = 'ripe_app';

/** A transaction acting as `ripe_app` for one org; every repository takes one. */
export interface OrgTransaction {
  readonly orgId: string;
  query: Queryable['query'];
}

const maxOrgIdLength = 200;

/**
 * Runs `fn` in a transaction as `ripe_app` with `ripe.org_id` set, so row-level security limits
 * every statement to that org. Both settings are LOCAL: they end with the transaction, and a pooled
 * connection goes back clean.
 */
export async function withOrg<T>(
  db: Database,
  orgId: string,
  fn: (tx: OrgTransaction) => Promise<T>,
): Promise<T> {
  if (orgId.length === 0 || orgId.length > maxOrgIdLength) {
    throw new RipeError('invalid_argument', `An org id has 1 to ${maxOrgIdLength} characters`);
  }
  return db.transaction(async (tx) => {
    // One round trip: set_config('role', …) is SET LOCAL ROLE, with the same membership check.
    await tx.query(`select set_config('role', $1, true), set_config('ripe.org_id', $2, true)`, [
      appRole,
      orgId,
    ]);
    return fn({ orgId, query: tx.query });
  });
}
