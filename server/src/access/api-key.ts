import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A new key: `token` is shown once, only `hash` is stored. */
export interface IssuedApiKey {
  keyId: string;
  /** `ripe_<keyId>_<secret>`. */
  token: string;
  /** What a person sees in lists to tell keys apart: nothing secret. */
  prefix: string;
  /** sha-256 of the 32 secret bytes. */
  hash: Buffer;
}

const secretBytes = 32;
const tokenPattern =
  /^ripe_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
// Compared against when a key id is unknown, so a miss costs what a hit costs.
const decoyHash = createHash('sha256').update('ripe-decoy').digest();

export function issueApiKey(keyId: string = randomUUID()): IssuedApiKey {
  const secret = randomBytes(secretBytes);
  return {
    keyId,
    token: `ripe_${keyId}_${secret.toString('base64url')}`,
    prefix: `ripe_${keyId.slice(0, 8)}`,
    hash: hashSecret(secret),
  };
}

/** The key id and secret of a well-formed token; `undefined` for anything else. */
export function parseApiKey(token: string): { keyId: string; secret: Buffer } | undefined {
  const match = tokenPattern.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const secret = Buffer.from(match[2], 'base64url');
  // 43 characters carry 258 bits for 256: only the encoding a key was issued with is the key, so a
  // last character altered in its two spare bits is not.
  if (secret.length !== secretBytes || secret.toString('base64url') !== match[2]) return undefined;
  return { keyId: match[1], secret };
}

export function hashSecret(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Constant-time comparison of a presented secret with a stored hash (the decoy when none). */
export function secretMatches(secret: Buffer, storedHash: Buffer | undefined): boolean {
  const expected = storedHash?.length === decoyHash.length ? storedHash : decoyHash;
  const same = timingSafeEqual(hashSecret(secret), expected);
  return same && storedHash !== undefined && expected !== decoyHash;
}
