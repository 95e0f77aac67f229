import { RipeError } from '@ripe/shared';

/**
 * The master keys from the environment, by id. Several coexist during a rotation: the active one
 * wraps new data keys, the others still unwrap the data keys they wrapped.
 */
export interface MasterKeyring {
  readonly activeKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export const masterKeyBytes = 32;
const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Parses `RIPE_MASTER_KEYS` (`id1:base64,id2:base64`) and `RIPE_MASTER_KEY_ID` (the active id).
 * Messages name the key id, never the key.
 */
export function parseMasterKeyring(keys: string, activeKeyId: string): MasterKeyring {
  const byId = new Map<string, Buffer>();
  for (const entry of keys.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    if (!keyIdPattern.test(id)) {
      throw new RipeError('invalid_keyring', `Each master key is written <id>:<base64>, ids [A-Za-z0-9_-]`);
    }
    if (byId.has(id)) throw new RipeError('invalid_keyring', `Master key ${id} is given twice`);
    byId.set(id, decodeKey(id, entry.slice(separator + 1)));
  }
  return createMasterKeyring(byId, activeKeyId);
}

/** A keyring from keys already decoded (tests, or a config module that parsed them). */
export function createMasterKeyring(
  keys: ReadonlyMap<string, Buffer> | Record<string, Buffer>,
  activeKeyId: string,
): MasterKeyring {
  const byId = keys instanceof Map ? new Map(keys) : new Map(Object.entries(keys));
  for (const [id, key] of byId) {
    if (!keyIdPattern.test(id)) throw new RipeError('invalid_keyring', `Master key id "${id}" is invalid`);
    if (key.length !== masterKeyBytes) {
      throw new RipeError('invalid_keyring', `Master key ${id} must be ${masterKeyBytes} bytes`);
    }
  }
  if (!byId.has(activeKeyId)) {
    throw new RipeError('invalid_keyring', `The active master key id "${activeKeyId}" is not in the keyring`);
  }
  return { activeKeyId, keys: byId };
}

export function activeMasterKey(keyring: MasterKeyring): { id: string; key: Buffer } {
  return { id: keyring.activeKeyId, key: masterKey(keyring, keyring.activeKeyId) };
}

export function masterKey(keyring: MasterKeyring, id: string): Buffer {
  const key = keyring.keys.get(id);
  if (!key) {
    throw new RipeError(
      'master_key_unknown',
      `Master key ${id} is not in the keyring: keep it in RIPE_MASTER_KEYS until rotate-master has run`,
    );
  }
  return key;
}

function decodeKey(id: string, encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from ignores what is not base64: re-encoding tells a typo from a key.
  if (key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new RipeError('invalid_keyring', `Master key ${id} is not valid base64`);
  }
  if (key.length !== masterKeyBytes) {
    throw new RipeError('invalid_keyring', `Master key ${id} must be ${masterKeyBytes} bytes of base64`);
  }
  return key;
}
