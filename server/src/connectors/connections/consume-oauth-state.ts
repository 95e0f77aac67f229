import { isMemberRole, type MemberRole } from '../../access/roles.ts';
import type { Database } from '../../store/database.ts';
import { appRole } from '../../store/org-scope.ts';
import { hashOAuthState } from './oauth-state.ts';
import type { OAuthCrm } from './oauth-states.repository.ts';

/** Whose authorisation a state started, as it was when it was consumed. */
export interface ConsumedOAuthState {
  orgId: string;
  memberId: string;
  /** The member's role now: one demoted since the start cannot finish. */
  role: MemberRole;
  crm: OAuthCrm;
  redirectUri: string;
  expiresAt: Date;
}

interface ConsumedRow {
  org_id: string;
  member_id: string;
  role: string;
  crm: OAuthCrm;
  redirect_uri: string;
  expires_at: Date;
}

/**
 * Marks the state used and says whose it was; undefined for an unknown or already used state (the
 * caller is not told which). Runs as ripe_app through `ripe_consume_oauth_state`, the one statement
 * that may read a state before its org is known (see migration 0007). Expiry is the caller's check.
 */
export async function consumeOAuthState(
  db: Database,
  state: string,
): Promise<ConsumedOAuthState | undefined> {
  const hash = hashOAuthState(state);
  if (!hash) return undefined;
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('role', $1, true)`, [appRole]);
    const { rows } = await tx.query<ConsumedRow>(
      `select org_id, member_id::text, role, crm, redirect_uri, expires_at
       from ripe_consume_oauth_state($1)`,
      [hash],
    );
    const row = rows[0];
    if (!row || !isMemberRole(row.role)) return undefined;
    return {
      orgId: row.org_id,
      memberId: row.member_id,
      role: row.role,
      crm: row.crm,
      redirectUri: row.redirect_uri,
      expiresAt: row.expires_at,
    };
  });
}
