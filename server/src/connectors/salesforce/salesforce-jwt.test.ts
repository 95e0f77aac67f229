import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret } from '../../config/secret.ts';
import { startSalesforceEmulator, type SalesforceEmulator } from './emulator/salesforce-emulator.ts';
import { salesforceConnector } from './salesforce.connector.ts';
import { salesforceJwtTokens } from './salesforce-jwt.ts';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const app = pair();
const username = 'ripe-integration@acme.example';
let emulator: SalesforceEmulator;

beforeAll(async () => {
  emulator = await startSalesforceEmulator({
    port: 0,
    accounts: 5,
    seed: 3,
    oauth: { jwt: { publicKeyPem: app.publicKey, username } },
  });
});
afterAll(() => emulator.close());

const tokens = (overrides: { privateKeyPem?: string; username?: string } = {}) =>
  salesforceJwtTokens({
    loginUrl: emulator.url,
    clientId: emulator.oauth.clientId,
    username: overrides.username ?? username,
    privateKeyPem: secret(overrides.privateKeyPem ?? app.privateKey),
  });

describe('the JWT bearer flow', () => {
  it('gets a session with an assertion signed by the app certificate, and the connector reads with it', async () => {
    const store = tokens();
    const session = await store.session();
    expect(session).toMatchObject({
      ok: true,
      value: { instanceUrl: emulator.url, userId: emulator.oauth.userId },
    });
    const connector = salesforceConnector({ instanceUrl: emulator.url, tokens: store, priceBook: null });
    expect(await connector.countChanged(null, '2026-06-30')).toStrictEqual({ ok: true, value: 5 });
  });

  it('mints a new assertion when the session expires, once for callers arriving together', async () => {
    const store = tokens();
    const first = await store.accessToken();
    emulator.faults.expireSessions();
    const [a, b] = await Promise.all([store.refreshNow(), store.refreshNow()]);
    expect(a.ok && b.ok && a.value.reveal() === b.value.reveal()).toBe(true);
    expect(first.ok && a.ok && first.value.reveal() !== a.value.reveal()).toBe(true);
  });

  it('a key the app does not know, or a user it has not approved, is refused as a revoked access', async () => {
    const stranger = await tokens({ privateKeyPem: pair().privateKey }).accessToken();
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'auth_revoked', message: expect.stringMatching(/invalid assertion/) },
    });
    const unknown = await tokens({ username: 'someone@acme.example' }).accessToken();
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'auth_revoked', message: expect.stringMatching(/approved/) },
    });
    expect(JSON.stringify(stranger)).not.toContain('PRIVATE KEY');
  });
});
