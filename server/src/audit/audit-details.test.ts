import { describe, expect, it } from 'vitest';
import { isSecretKey, redactDetails, redacted } from './audit-details.ts';

describe('audit details', () => {
  it.each([
    ['refresh_token', true],
    ['accessToken', true],
    ['client_secret', true],
    ['X-Api-Key', true],
    ['password', true],
    ['ciphertext', true],
    ['apiKeyId', false],
    ['tokens', false],
    ['secretName', false],
    ['threshold', false],
  ])('%s names a secret: %s', (key, expected) => {
    expect(isSecretKey(key)).toBe(expected);
  });

  it('redacts secret values at any depth and keeps the rest', () => {
    const details = {
      field: 'seat_threshold',
      from: 0.8,
      to: 0.85,
      connection: { instanceUrl: 'https://acme.my.salesforce.com', refresh_token: '5Aep861' },
      headers: [{ authorization: 'Bearer abc' }],
    };
    expect(redactDetails(details)).toStrictEqual({
      field: 'seat_threshold',
      from: 0.8,
      to: 0.85,
      connection: { instanceUrl: 'https://acme.my.salesforce.com', refresh_token: redacted },
      headers: [{ authorization: redacted }],
    });
  });

  it('cuts a structure deeper than eight levels', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 12; level += 1) deep = { next: deep };
    expect(JSON.stringify(redactDetails(deep))).toContain('"truncated":true');
  });
});
