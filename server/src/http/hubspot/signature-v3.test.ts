import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { checkSignatureV3, signatureMaxAgeMs, signatureV3, signedUri } from './signature-v3.ts';

const clientSecret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const now = Date.parse('2026-12-01T08:00:00.000Z');
const request = {
  method: 'POST',
  uri: 'https://www.example.com/webhook_uri',
  body: '{"example_field":"example_value"}',
  timestamp: String(now - 1_000),
};

describe('HubSpot v3 request signatures', () => {
  it("computes the signature HubSpot's own Node client computes", () => {
    const theirs = Signature.getSignature('POST', 'v3', {
      signature: '',
      clientSecret,
      requestBody: request.body,
      url: request.uri,
      timestamp: Number(request.timestamp),
    });
    expect(signatureV3(request, clientSecret)).toBe(theirs);
  });

  it('decodes exactly the characters the documentation lists before hashing the URI', () => {
    expect(signedUri('https://x.example/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm')).toBe(
      "https://x.example/a:b/c?d@e!f$g'h(i)j*k,l;m",
    );
    expect(signedUri('https://x.example/card?userEmail=ann%40acme.example&q=%20%2B%26')).toBe(
      'https://x.example/card?userEmail=ann@acme.example&q=%20%2B%26',
    );
    // Lower-case escapes are the same characters.
    expect(signedUri('/a%3a%2f')).toBe('/a:/');
  });

  it('accepts a fresh, exact signature and refuses every other', () => {
    const signature = signatureV3(request, clientSecret);
    const check = (changes: Partial<typeof request> & { signature?: string | undefined }, at = now) =>
      checkSignatureV3({ ...request, signature, ...changes }, clientSecret, at);
    expect(check({})).toStrictEqual({ ok: true, timestampMs: now - 1_000 });
    expect(check({ signature: undefined })).toStrictEqual({ ok: false, reason: 'missing' });
    expect(check({ timestamp: '' })).toStrictEqual({ ok: false, reason: 'missing' });
    expect(check({ timestamp: '1e12' })).toStrictEqual({ ok: false, reason: 'malformed_timestamp' });
    expect(check({}, now + signatureMaxAgeMs)).toStrictEqual({ ok: false, reason: 'stale' });
    expect(check({}, now - 2 * 60_000)).toStrictEqual({ ok: false, reason: 'future' });
    expect(check({ body: '{"example_field":"other"}' })).toStrictEqual({ ok: false, reason: 'mismatch' });
    expect(check({ uri: `${request.uri}?portalId=2` })).toStrictEqual({ ok: false, reason: 'mismatch' });
    expect(check({ method: 'GET' })).toStrictEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signature: `${signature.slice(0, -2)}==` })).toStrictEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(check({ signature: 'short' })).toStrictEqual({ ok: false, reason: 'mismatch' });
    expect(checkSignatureV3({ ...request, signature }, 'another-secret', now)).toStrictEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('hashes the timestamp with the rest: a signature cannot be moved to a fresher timestamp', () => {
    const signature = signatureV3(request, clientSecret);
    const moved = { ...request, timestamp: String(now), signature };
    expect(checkSignatureV3(moved, clientSecret, now)).toStrictEqual({ ok: false, reason: 'mismatch' });
  });
});
