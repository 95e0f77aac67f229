import { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { hubspotProvider } from '../provider.ts';
import { fakeClock, getJson, postJson, useEmulator } from './emulator-test-kit.ts';

describe('HubSpot emulator rate limits', () => {
  const start = useEmulator();

  it('reports the rolling window in X-HubSpot-RateLimit-* and answers 429 TEN_SECONDLY_ROLLING at 111 requests', async () => {
    const clock = fakeClock();
    const emulator = await start({ accounts: 1, now: clock.now });
    const { accessToken } = emulator.issueAccessToken();
    const first = await getJson(emulator, '/crm/v3/owners', accessToken);
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    // Marketplace (OAuth) calls carry no daily headers.
    expect(first.headers.get('x-hubspot-ratelimit-daily')).toBeNull();
    for (let i = 1; i < 110; i += 1) await getJson(emulator, '/crm/v3/owners', accessToken);
    const limited = await getJson(emulator, '/crm/v3/owners', accessToken);
    expect(limited.status).toBe(429);
    expect(Object.keys(limited.body).sort()).toStrictEqual([
      'correlationId',
      'errorType',
      'message',
      'policyName',
      'status',
    ]);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    clock.advance(10_001);
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(200);
    expect(hubspotProvider.rateLimit).toStrictEqual({ requests: 110, intervalMs: 10_000 });
  });

  it('limits search to 5 requests per second', async () => {
    const clock = fakeClock();
    const emulator = await start({ accounts: 1, now: clock.now });
    const { accessToken } = emulator.issueAccessToken();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, {})).status);
    expect(statuses).toStrictEqual([200, 200, 200, 200, 200, 429]);
    clock.advance(1_000);
    expect((await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, {})).status).toBe(200);
  });

  it('sends the daily headers when a daily allowance is configured, and 429 DAILY once spent', async () => {
    const emulator = await start({ accounts: 0, rateLimits: { dailyLimit: 2 } });
    const { accessToken } = emulator.issueAccessToken();
    const first = await getJson(emulator, '/crm/v3/owners', accessToken);
    expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('2');
    expect(first.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('1');
    await getJson(emulator, '/crm/v3/owners', accessToken);
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).body).toMatchObject({
      policyName: 'DAILY',
    });
  });
});

describe('HubSpot emulator faults', () => {
  const start = useEmulator();

  it('expires the access token mid-night; a refresh gets a working one', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken, refreshToken } = emulator.issueAccessToken();
    emulator.faults.expireTokensAfterRequests = 1;
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(200);
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).body).toMatchObject({
      category: 'EXPIRED_AUTHENTICATION',
    });
    const client = new Client({ basePath: emulator.url, numberOfApiCallRetries: 0 });
    const { clientId, clientSecret } = {
      clientId: 'ripe-emulator-client',
      clientSecret: 'ripe-emulator-secret',
    };
    const fresh = await client.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      clientId,
      clientSecret,
      refreshToken,
    );
    expect((await getJson(emulator, '/crm/v3/owners', fresh.accessToken)).status).toBe(200);
  });

  it('answers 429 DAILY when switched on, and 502/503 for the next N calls', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken } = emulator.issueAccessToken();
    emulator.faults.dailyLimitReached = true;
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).body).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'DAILY',
    });
    emulator.faults.dailyLimitReached = false;
    emulator.faults.gateway = { status: 503, remaining: 2 };
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(503);
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(503);
    emulator.faults.gateway = { status: 502, remaining: 1 };
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(502);
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(200);
  });

  it('rejects a property on chosen records: the batch update answers 207 with a per-input error', async () => {
    const emulator = await start({ accounts: 2 });
    const { accessToken } = emulator.issueAccessToken();
    const [firstId = '', secondId = ''] = [...emulator.state.records.companies.keys()];
    emulator.faults.rejectedProperties.push({
      objectType: 'companies',
      property: 'annualrevenue',
      ids: [secondId],
    });
    const response = await postJson(emulator, '/crm/v3/objects/companies/batch/update', accessToken, {
      inputs: [
        { id: firstId, properties: { annualrevenue: '5' } },
        { id: secondId, properties: { annualrevenue: '6' } },
      ],
    });
    expect(response.status).toBe(207);
    expect((response.body.results as { id: string }[]).map((r) => r.id)).toStrictEqual([firstId]);
    expect(response.body).toMatchObject({
      numErrors: 1,
      errors: [{ category: 'VALIDATION_ERROR', context: { id: [secondId] } }],
    });
    expect(emulator.state.records.companies.get(secondId)?.properties.annualrevenue).not.toBe('6');
  });
});
