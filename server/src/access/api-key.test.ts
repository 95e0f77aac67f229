import { describe, expect, it } from 'vitest';
import { hashSecret, issueApiKey, parseApiKey, secretMatches } from './api-key.ts';

describe('API keys', () => {
  it('issues ripe_<keyId>_<secret>, storing only the hash of 32 random bytes', () => {
    const issued = issueApiKey();
    expect(issued.token).toMatch(/^ripe_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    expect(issued.prefix).toBe(`ripe_${issued.keyId.slice(0, 8)}`);
    const parsed = parseApiKey(issued.token);
    expect(parsed?.keyId).toBe(issued.keyId);
    expect(parsed?.secret).toHaveLength(32);
    expect(hashSecret(parsed?.secret ?? Buffer.alloc(0))).toStrictEqual(issued.hash);
    expect(issued.hash.toString('hex')).not.toContain(parsed?.secret.toString('hex'));
    expect(issueApiKey().token).not.toBe(issued.token);
  });

  it('parses nothing but a well-formed key', () => {
    const { token, keyId } = issueApiKey();
    for (const bad of [
      '',
      'ripe_',
      token.slice(0, -1),
      `${token}x`,
      token.replace('ripe_', 'ripf_'),
      `ripe_${keyId}`,
    ]) {
      expect(parseApiKey(bad), bad).toBeUndefined();
    }
  });

  it('accepts only the canonical encoding of the secret', () => {
    // Every issued key ends in a character whose spare bits are zero; its neighbours decode the same bytes.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { token, keyId } = issueApiKey();
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(token.slice(-1));
      const sibling = alphabet[last ^ 1] ?? '';
      expect(parseApiKey(`${token.slice(0, -1)}${sibling}`), sibling).toBeUndefined();
      expect(parseApiKey(token)?.keyId).toBe(keyId);
    }
  });

  it('matches a secret against its hash only', () => {
    const issued = issueApiKey();
    const other = issueApiKey();
    const secret = parseApiKey(issued.token)?.secret ?? Buffer.alloc(0);
    expect(secretMatches(secret, issued.hash)).toBe(true);
    expect(secretMatches(secret, other.hash)).toBe(false);
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches(secret, Buffer.alloc(5))).toBe(false);
  });
});
