import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { activeMasterKey, masterKey, parseMasterKeyring } from './master-keyring.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('master keyring', () => {
  it('parses id:base64 pairs and names the active key', () => {
    const keyring = parseMasterKeyring(`k1:${k1.toString('base64')}, k2:${k2.toString('base64')}`, 'k2');
    expect(activeMasterKey(keyring)).toStrictEqual({ id: 'k2', key: k2 });
    expect(masterKey(keyring, 'k1')).toStrictEqual(k1);
    expect([...keyring.keys.keys()]).toStrictEqual(['k1', 'k2']);
  });

  it.each([
    ['a missing id', `${k1.toString('base64')}`, 'k1'],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`, 'k1'],
    ['a key that is not base64', `k1:${'*'.repeat(44)}`, 'k1'],
    ['a duplicated id', `k1:${k1.toString('base64')},k1:${k2.toString('base64')}`, 'k1'],
    ['an active id not in the ring', `k1:${k1.toString('base64')}`, 'k9'],
    ['an empty ring', '', 'k1'],
  ])('refuses %s with invalid_keyring, without echoing the key', (_label, raw, active) => {
    let thrown: unknown;
    try {
      parseMasterKeyring(raw, active);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'invalid_keyring' });
    expect(String(thrown)).not.toContain(k1.toString('base64'));
  });

  it('says master_key_unknown for a key id it does not hold', () => {
    const keyring = parseMasterKeyring(`k1:${k1.toString('base64')}`, 'k1');
    expect(() => masterKey(keyring, 'k0')).toThrow(expect.objectContaining({ code: 'master_key_unknown' }));
  });
});
