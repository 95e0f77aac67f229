import { createHash, randomBytes } from 'node:crypto';

/** How long an admin has to come back from the CRM's consent screen. */
export const oauthStateTtlMs = 10 * 60_000;

const stateBytes = 32;
const statePattern = /^[A-Za-z0-9_-]{43}$/;

/** A fresh state: 32 random bytes, base64url. It travels to the CRM and back; only its hash is stored. */
export function newOAuthState(): string {
  return randomBytes(stateBytes).toString('base64url');
}

/** sha-256 of the state, or undefined for a string that cannot be one of ours. */
export function hashOAuthState(state: string): Buffer | undefined {
  if (!statePattern.test(state)) return undefined;
  return createHash('sha256').update(state, 'utf8').digest();
}
