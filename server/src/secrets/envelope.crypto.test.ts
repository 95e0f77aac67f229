import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, readSealedHeader, seal } from './envelope.crypto.ts';

const key = randomBytes(32);
const plaintext = Buffer.from('00Dxx0000001gPL!AR8AQP0jITN80ESEsj5EbaZTFG0R', 'utf8');

describe('envelope crypto', () => {
  it('opens what it sealed, with the key id in the header', () => {
    const sealed = seal(key, '7', plaintext, 'secret:org-a:salesforce.refresh_token');
    expect(sealed).toMatch(/^v1:7:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(readSealedHeader(sealed)).toStrictEqual({ version: 'v1', keyId: '7' });
    expect(open(key, sealed, 'secret:org-a:salesforce.refresh_token')).toStrictEqual(plaintext);
  });

  it('never seals the same plaintext twice to the same text (random iv)', () => {
    expect(seal(key, 'k', plaintext, 'c')).not.toBe(seal(key, 'k', plaintext, 'c'));
  });

  it.each([
    ['another context (org or name)', (s: string) => s, 'secret:org-b:salesforce.refresh_token'],
    ['a flipped ciphertext byte', (s: string) => flipLastPart(s), 'ctx'],
    ['a relabelled key id', (s: string) => s.replace(/^v1:k1:/, 'v1:k2:'), 'ctx'],
    ['a swapped tag', (s: string) => swapTag(s), 'ctx'],
  ])('refuses %s with decryption_failed', (_label, tamper, context) => {
    const sealed = seal(key, 'k1', plaintext, 'ctx');
    expect(() => open(key, tamper(sealed), context)).toThrow(
      expect.objectContaining({ code: 'decryption_failed' }),
    );
  });

  it('refuses another key and malformed text', () => {
    const sealed = seal(key, 'k1', plaintext, 'ctx');
    expect(() => open(randomBytes(32), sealed, 'ctx')).toThrow(
      expect.objectContaining({ code: 'decryption_failed' }),
    );
    for (const bad of ['', 'v2:k1:a:b:c', 'v1:k1:short:tag:ct', `${sealed}:extra`]) {
      expect(() => open(key, bad, 'ctx')).toThrow(expect.objectContaining({ code: 'decryption_failed' }));
    }
  });

  it('keeps the plaintext out of the error', () => {
    const sealed = seal(key, 'k1', plaintext, 'ctx');
    try {
      open(key, flipLastPart(sealed), 'ctx');
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(plaintext.toString('utf8'));
    }
  });
});

function flipLastPart(sealed: string): string {
  const parts = sealed.split(':');
  const ciphertext = Buffer.from(parts[4] ?? '', 'base64url');
  ciphertext[0] = (ciphertext[0] ?? 0) ^ 0x01;
  parts[4] = ciphertext.toString('base64url');
  return parts.join(':');
}

function swapTag(sealed: string): string {
  const parts = sealed.split(':');
  parts[3] = randomBytes(16).toString('base64url');
  return parts.join(':');
}
