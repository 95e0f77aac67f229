import { RipeError } from '@ripe/shared';
import type { AppConfig } from '../config/env.ts';
import { createMasterKeyring, parseMasterKeyring, type MasterKeyring } from './master-keyring.ts';

/** The id `RIPE_MASTER_KEY` goes by, alone or next to a keyring that does not name it. */
export const singleMasterKeyId = 'default';

/**
 * The keyring of the configuration: `RIPE_MASTER_KEYS` (+ `RIPE_MASTER_KEY_ID`), and/or
 * `RIPE_MASTER_KEY` under the id `default`. Undefined when no master key is configured (allowed
 * outside production: then secrets cannot be stored, see `requireKeyring`).
 */
export function keyringFromConfig(secrets: AppConfig['secrets']): MasterKeyring | undefined {
  const single = secrets.masterKey?.reveal();
  const ring = secrets.masterKeys?.reveal();
  if (!single && !ring) return undefined;
  const keys = new Map(ring ? parseMasterKeyring(ring, firstId(ring)).keys : []);
  if (single) {
    const existing = keys.get(singleMasterKeyId);
    if (existing && !existing.equals(single)) {
      throw new RipeError(
        'invalid_keyring',
        `RIPE_MASTER_KEYS names "${singleMasterKeyId}" with another key`,
      );
    }
    keys.set(singleMasterKeyId, single);
  }
  const activeKeyId = secrets.masterKeyId ?? (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (!activeKeyId) {
    throw new RipeError('invalid_keyring', 'RIPE_MASTER_KEY_ID must name the active key of several');
  }
  return createMasterKeyring(keys, activeKeyId);
}

/** The keyring, or a server error that says which variable to set. */
export function requireKeyring(keyring: MasterKeyring | undefined): MasterKeyring {
  if (!keyring) {
    throw new RipeError(
      'invalid_keyring',
      'No master key is configured: set RIPE_MASTER_KEY (or RIPE_MASTER_KEYS and RIPE_MASTER_KEY_ID)',
    );
  }
  return keyring;
}

// parseMasterKeyring checks the active id; any id of the ring will do while the ring is merged.
function firstId(ring: string): string {
  return ring.split(',')[0]?.split(':')[0]?.trim() ?? '';
}
