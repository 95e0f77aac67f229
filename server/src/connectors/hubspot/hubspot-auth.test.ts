import { describe, expect, it } from 'vitest';
import { secret } from '../../config/secret.ts';
import { defaultEmulatorClient } from './emulator/hubspot-emulator.ts';
import { useEmulator } from './emulator/emulator-test-kit.ts';
import { hubspotAuth } from './hubspot-auth.ts';
import { hubspotScopes } from './provider.ts';
import { ripeProperties } from './schema/ripe-properties.ts';

const redirectUri = 'https://ripe.example/oauth/hubspot/callback';

describe('hubspotAuth', () => {
  const start = useEmulator();

  async function setUp(clientSecret = defaultEmulatorClient.clientSecret) {
    const emulator = await start({ accounts: 0 });
    const calls: string[] = [];
    const recording: typeof fetch = (input, init) => {
      calls.push(
        `${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/').slice(0, 4).join('/')}`,
      );
      return fetch(input, init);
    };
    const auth = hubspotAuth({
      baseUrl: emulator.url,
      clientId: defaultEmulatorClient.clientId,
      clientSecret: secret(clientSecret),
      fetch: recording,
      now: () => new Date('2026-06-30T06:00:00.000Z'),
    });
    return { emulator, auth, calls };
  }

  it('sends the admin to HubSpot with the least scopes, the state and the redirect URI', async () => {
    const auth = hubspotAuth({
      baseUrl: 'https://api.hubapi.com',
      clientId: defaultEmulatorClient.clientId,
      clientSecret: secret(defaultEmulatorClient.clientSecret),
    });
    const url = new URL(auth.authorizeUrl({ state: 'st-1', redirectUri }));
    expect(`${url.origin}${url.pathname}`).toBe('https://app.hubspot.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toStrictEqual({
      client_id: defaultEmulatorClient.clientId,
      redirect_uri: redirectUri,
      scope: hubspotScopes.join(' '),
      state: 'st-1',
    });
  });

  it("sends the admin to an emulator's own consent page, which redirects back with a code and the state", async () => {
    const { emulator, auth } = await setUp();
    const url = new URL(auth.authorizeUrl({ state: 'st-2', redirectUri }));
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/oauth/authorize`);
    const approval = await fetch(url, { redirect: 'manual' });
    expect(approval.status).toBe(302);
    const back = new URL(approval.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-2');
    const code = back.searchParams.get('code') ?? '';
    const exchanged = await auth.exchangeCode({ code, redirectUri });
    expect(exchanged.ok && exchanged.value.scopes).toStrictEqual([...hubspotScopes]);
    const stranger = new URL(url);
    stranger.searchParams.set('client_id', 'someone-else');
    expect((await fetch(stranger, { redirect: 'manual' })).status).toBe(400);
  });

  it('exchanges a code on the dated endpoint and learns the portal and scopes by introspection', async () => {
    const { emulator, auth, calls } = await setUp();
    const answer = await auth.exchangeCode({ code: emulator.authorize(redirectUri), redirectUri });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.instance).toBe(String(emulator.state.hubId));
    expect(answer.value.scopes).toStrictEqual([...hubspotScopes]);
    expect(answer.value.expiresAt).toStrictEqual(new Date('2026-06-30T06:30:00.000Z'));
    expect(emulator.state.accessTokens.has(answer.value.accessToken.reveal())).toBe(true);
    expect(calls).toStrictEqual(['POST /oauth/2026-03/token', 'GET /oauth/v1/access-tokens']);
    // The exchange is the install: every property of Ripe is in the portal, created once.
    for (const property of ripeProperties())
      expect(emulator.state.properties[property.objectType].has(property.name)).toBe(true);
    expect(emulator.state.groups.companies.has('ripe')).toBe(true);
    const again = await auth.exchangeCode({ code: 'emu-code-unknown', redirectUri });
    expect(again).toStrictEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'HubSpot refused the authorization code: missing or unknown auth code',
      },
    });
  });

  it('refreshes, and answers auth_revoked when HubSpot no longer knows the refresh token', async () => {
    const { emulator, auth } = await setUp();
    const { refreshToken } = emulator.issueAccessToken();
    const refreshed = await auth.refresh(secret(refreshToken));
    expect(refreshed.ok && refreshed.value.refreshToken?.reveal()).toBe(refreshToken);
    emulator.state.refreshTokens.clear();
    const revoked = await auth.refresh(secret(refreshToken));
    expect(revoked.ok ? null : revoked.error.code).toBe('auth_revoked');
    // No `token:` in the message: the night's failure reason would redact the words after it.
    expect(revoked.ok ? null : revoked.error.message).toBe(
      'HubSpot refused the refresh token (missing or unknown refresh token)',
    );
    expect(JSON.stringify(revoked)).not.toContain(refreshToken);
  });

  it('a wrong client secret is a request error that does not print the secret', async () => {
    const { emulator, auth } = await setUp('not-the-secret-5d1');
    const { refreshToken } = emulator.issueAccessToken();
    const answer = await auth.refresh(secret(refreshToken));
    expect(answer.ok ? null : answer.error.code).toBe('invalid_request');
    expect(JSON.stringify(answer)).not.toContain('not-the-secret-5d1');
  });
});
