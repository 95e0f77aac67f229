import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../config/env.ts';
import { keyringFromConfig, requireKeyring } from './config-keyring.ts';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const b64 = (key: Buffer) => key.toString('base64');

describe('keyring from the configuration', () => {
  it('is undefined without a master key, and requireKeyring says what to set', () => {
    const keyring = keyringFromConfig(parseEnv({ NODE_ENV: 'test' }).secrets);
    expect(keyring).toBeUndefined();
    expect(() => requireKeyring(keyring)).toThrow(/RIPE_MASTER_KEY/);
  });

  it('takes RIPE_MASTER_KEY alone as the active key "default"', () => {
    const keyring = keyringFromConfig(parseEnv({ RIPE_MASTER_KEY: b64(k1) }).secrets);
    expect(keyring?.activeKeyId).toBe('default');
    expect(keyring?.keys.get('default')).toStrictEqual(k1);
  });

  it('takes a keyring with its active id, next to the single key', () => {
    const env = { RIPE_MASTER_KEY: b64(k1), RIPE_MASTER_KEYS: `k2:${b64(k2)}`, RIPE_MASTER_KEY_ID: 'k2' };
    const keyring = keyringFromConfig(parseEnv(env).secrets);
    expect(keyring?.activeKeyId).toBe('k2');
    expect([...(keyring?.keys.keys() ?? [])].sort()).toStrictEqual(['default', 'k2']);
  });

  it('needs RIPE_MASTER_KEY_ID when there are several keys', () => {
    const env = { RIPE_MASTER_KEYS: `k1:${b64(k1)},k2:${b64(k2)}` };
    expect(() => keyringFromConfig(parseEnv(env).secrets)).toThrow(
      expect.objectContaining({ code: 'invalid_keyring' }),
    );
  });
});
