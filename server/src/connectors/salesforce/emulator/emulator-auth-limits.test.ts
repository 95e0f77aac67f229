import jsforce from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce-emulator.ts';

const v = '/services/data/v68.0';
let emulator: SalesforceEmulator;
let now: number;

beforeEach(async () => {
  now = Date.parse('2026-06-30T08:00:00Z');
  emulator = await startSalesforceEmulator({
    port: 0,
    accounts: 2,
    seed: 7,
    clock: () => now,
    dailyApiRequests: 5,
    oauth: { sessionTtlMs: 60_000 },
  });
});
afterEach(() => emulator.close());

const token = (form: Record<string, string>) =>
  fetch(`${emulator.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: emulator.oauth.clientId,
      client_secret: emulator.oauth.clientSecret,
      ...form,
    }),
  });
const limits = (accessToken: string) =>
  fetch(`${emulator.url}${v}/limits`, { headers: { Authorization: `Bearer ${accessToken}` } });

async function authorizationCode(): Promise<string> {
  const authorize = new URL(`${emulator.url}/services/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: emulator.oauth.clientId,
    redirect_uri: 'http://localhost/callback',
    state: 'xyz',
  }).toString();
  const response = await fetch(authorize, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code') ?? '';
}

describe('OAuth token endpoint', () => {
  it('exchanges a code once for the documented token response, then refreshes', async () => {
    const code = await authorizationCode();
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost/callback',
    });
    // Documented keys: access_token, refresh_token, signature, scope, instance_url, id, token_type, issued_at.
    const body = (await first.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toStrictEqual(
      [
        'access_token',
        'id',
        'instance_url',
        'issued_at',
        'refresh_token',
        'scope',
        'signature',
        'token_type',
      ].sort(),
    );
    expect(body).toMatchObject({
      token_type: 'Bearer',
      instance_url: emulator.url,
      scope: 'api refresh_token',
    });
    expect(body.id).toBe(`${emulator.url}/id/${emulator.oauth.orgId}/${emulator.oauth.userId}`);
    expect(body.issued_at).toBe(String(now));
    const again = await token({ grant_type: 'authorization_code', code });
    expect(again.status).toBe(400);
    expect(await again.json()).toStrictEqual({
      error: 'invalid_grant',
      error_description: 'invalid authorization code',
    });
    const refreshed = (await (
      await token({ grant_type: 'refresh_token', refresh_token: body.refresh_token ?? '' })
    ).json()) as Record<string, string>;
    expect(refreshed.access_token).not.toBe(body.access_token);
    expect(refreshed.refresh_token).toBeUndefined();
    expect((await limits(refreshed.access_token ?? '')).status).toBe(200);
  });

  it('refuses an unknown refresh token with invalid_grant', async () => {
    const response = await token({ grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('sessions', () => {
  it('answers 401 INVALID_SESSION_ID without a token, with an expired one, and after expireSessions()', async () => {
    const expected = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
    const missing = await fetch(`${emulator.url}${v}/limits`);
    expect([missing.status, await missing.json()]).toStrictEqual([401, expected]);
    const accessToken = emulator.issueAccessToken();
    now += 60_000;
    const expired = await limits(accessToken);
    expect([expired.status, await expired.json()]).toStrictEqual([401, expected]);
    const fresh = emulator.issueAccessToken();
    emulator.faults.expireSessions();
    expect((await limits(fresh)).status).toBe(401);
    expect(emulator.state.apiUsage.used).toBe(0);
  });

  it('jsforce sees INVALID_SESSION_ID as its error code', async () => {
    const conn = new jsforce.Connection({ instanceUrl: emulator.url, accessToken: 'stale', version: '68.0' });
    await expect(conn.query('SELECT Id FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
  });
});

describe('daily allowance', () => {
  it('decrements DailyApiRequests, reports Sforce-Limit-Info on every response, then refuses with 403', async () => {
    const accessToken = emulator.issueAccessToken();
    const conn = new jsforce.Connection({ instanceUrl: emulator.url, accessToken, version: '68.0' });
    // Documented example: "DailyApiRequests": {"Max": 15000, "Remaining": 14998}.
    expect((await conn.limits()).DailyApiRequests).toStrictEqual({ Max: 5, Remaining: 4 });
    const headers: (string | null)[] = [];
    for (let call = 0; call < 4; call += 1)
      headers.push((await limits(accessToken)).headers.get('sforce-limit-info'));
    // Documented example: "Sforce-Limit-Info: api-usage=18/5000".
    expect(headers).toStrictEqual(['api-usage=2/5', 'api-usage=3/5', 'api-usage=4/5', 'api-usage=5/5']);
    const refused = await limits(accessToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('sforce-limit-info')).toBe('api-usage=5/5');
    expect(await refused.json()).toStrictEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
  });

  it('exhaustDailyLimit() and serviceUnavailable() switch the faults on', async () => {
    const accessToken = emulator.issueAccessToken();
    emulator.faults.serviceUnavailable(1);
    const unavailable = await limits(accessToken);
    expect([unavailable.status, await unavailable.json()]).toStrictEqual([
      503,
      [{ message: 'Server unavailable. Try again later.', errorCode: 'SERVER_UNAVAILABLE' }],
    ]);
    expect((await limits(accessToken)).status).toBe(200);
    emulator.faults.exhaustDailyLimit();
    expect((await limits(accessToken)).status).toBe(403);
  });
});

describe('long-running concurrency', () => {
  it('refuses a request with REQUEST_LIMIT_EXCEEDED while the limit of long-running requests runs', async () => {
    await emulator.close();
    emulator = await startSalesforceEmulator({
      port: 0,
      accounts: 0,
      seed: 7,
      latencyMs: 150,
      longRunningLimit: 2,
      longRunningThresholdMs: 50,
    });
    const accessToken = emulator.issueAccessToken();
    const slow = [limits(accessToken), limits(accessToken)];
    await new Promise((resolve) => setTimeout(resolve, 80));
    const refused = await limits(accessToken);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toStrictEqual([
      {
        message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
      },
    ]);
    expect((await Promise.all(slow)).map((r) => r.status)).toStrictEqual([200, 200]);
    expect((await limits(accessToken)).status).toBe(200);
  });
});
