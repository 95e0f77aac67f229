import type { Database } from '../store/database.ts';
import { appRole } from '../store/org-scope.ts';
import { parseApiKey, secretMatches } from './api-key.ts';
import { touchApiKey } from './api-keys.repository.ts';
import { isApiKeyScope, isMemberRole, type AuthContext } from './roles.ts';

interface KeyLookupRow {
  org_id: string;
  member_id: string;
  role: string;
  scopes: string[];
  hash: Buffer | Uint8Array;
  revoked: boolean;
}

/**
 * The caller of an API key, or `undefined` for a malformed, unknown, wrong or revoked key — the
 * caller is not told which. The lookup runs as `ripe_app` through `ripe_authenticate`, the only
 * statement that may read a key before its org is known (see migration 0002); once the key checks
 * out, the same transaction scopes itself to the key's org to record the use.
 */
export async function authenticateApiKey(db: Database, token: string): Promise<AuthContext | undefined> {
  const parsed = parseApiKey(token);
  if (!parsed) return undefined;
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('role', $1, true)`, [appRole]);
    const { rows } = await tx.query<KeyLookupRow>(
      'select org_id, member_id::text, role, scopes, hash, revoked from ripe_authenticate($1::uuid)',
      [parsed.keyId],
    );
    const row = rows[0];
    const matches = secretMatches(parsed.secret, row ? Buffer.from(row.hash) : undefined);
    if (!row || !matches || row.revoked || !isMemberRole(row.role)) return undefined;
    await tx.query(`select set_config('ripe.org_id', $1, true)`, [row.org_id]);
    await touchApiKey({ orgId: row.org_id, query: tx.query }, parsed.keyId);
    return {
      orgId: row.org_id,
      memberId: row.member_id,
      role: row.role,
      scopes: row.scopes.filter(isApiKeyScope),
      keyId: parsed.keyId,
    };
  });
}
