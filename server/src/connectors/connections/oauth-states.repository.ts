import type { OrgTransaction } from '../../store/org-scope.ts';
import { hashOAuthState, newOAuthState, oauthStateTtlMs } from './oauth-state.ts';

export type OAuthCrm = 'salesforce' | 'hubspot';

export interface NewOAuthState {
  /** The admin who starts the authorisation: the callback acts for them. */
  memberId: string;
  crm: OAuthCrm;
  redirectUri: string;
  now: Date;
}

export interface CreatedOAuthState {
  /** Goes into the authorize URL; shown once, stored only hashed. */
  state: string;
  expiresAt: Date;
}

// States are kept a day past their expiry, so a late callback is told "expired", not "unknown".
const keepExpiredMs = 24 * 60 * 60_000;

/** Starts an authorisation: a single-use state bound to the org, the member and the CRM. */
export async function createOAuthState(tx: OrgTransaction, input: NewOAuthState): Promise<CreatedOAuthState> {
  await tx.query('delete from oauth_states where org_id = $1 and expires_at < $2', [
    tx.orgId,
    new Date(input.now.getTime() - keepExpiredMs),
  ]);
  const state = newOAuthState();
  const expiresAt = new Date(input.now.getTime() + oauthStateTtlMs);
  await tx.query(
    `insert into oauth_states (org_id, state_hash, member_id, crm, redirect_uri, expires_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [tx.orgId, hashOAuthState(state), input.memberId, input.crm, input.redirectUri, expiresAt],
  );
  return { state, expiresAt };
}
