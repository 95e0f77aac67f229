import { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { hubspotOAuthPaths, hubspotScopes } from '../provider.ts';
import { defaultEmulatorClient } from './hubspot-emulator.ts';
import { fakeClock, getJson, useEmulator } from './emulator-test-kit.ts';

const redirectUri = 'https://ripe.example/oauth/hubspot/callback';
const { clientId, clientSecret } = defaultEmulatorClient;

async function exchange(url: string, path: string, form: Record<string, string>) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HubSpot emulator OAuth', () => {
  const start = useEmulator();

  it('exchanges a code on the dated endpoint for the documented token response, once', async () => {
    const emulator = await start({ accounts: 0 });
    const code = emulator.authorize(redirectUri);
    const form = {
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uri: redirectUri,
      code,
    };
    const first = await exchange(emulator.url, hubspotOAuthPaths.token, form);
    expect(first.status).toBe(200);
    // Documented TokenResponse: required access_token, token_type ("bearer"), expires_in (1800), refresh_token.
    expect(Object.keys(first.body).sort()).toStrictEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'token_type',
    ]);
    expect(first.body).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
    const again = await exchange(emulator.url, hubspotOAuthPaths.token, form);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('refreshes through the deprecated v1 endpoint the official client calls, and introspects the portal', async () => {
    const emulator = await start({ accounts: 0 });
    const { refreshToken } = emulator.issueAccessToken();
    const client = new Client({ basePath: emulator.url, numberOfApiCallRetries: 0 });
    const tokens = await client.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      clientId,
      clientSecret,
      refreshToken,
    );
    expect(tokens.refreshToken).toBe(refreshToken);
    const info = await client.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBe(emulator.state.hubId);
    expect(info.scopes).toStrictEqual([...hubspotScopes]);
    expect(info.tokenType).toBe('access');
    const bad = await exchange(emulator.url, hubspotOAuthPaths.deprecatedToken, {
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: 'nope',
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token' },
    });
  });

  it('answers 401 without a bearer token and once the token has expired', async () => {
    const clock = fakeClock();
    const emulator = await start({ accounts: 1, now: clock.now, accessTokenLifetimeSeconds: 60 });
    const missing = await getJson(emulator, '/crm/v3/owners', '');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(typeof missing.body.correlationId).toBe('string');
    const { accessToken } = emulator.issueAccessToken();
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(200);
    clock.advance(61_000);
    const expired = await getJson(emulator, '/crm/v3/owners', accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      category: 'EXPIRED_AUTHENTICATION',
      message: 'The OAuth token used to make this call expired 1 second(s) ago.',
    });
  });
});
