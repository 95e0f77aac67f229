import { describe, expect, it } from 'vitest';
import { hubspotOAuthPaths } from '../provider.ts';
import { hubspotExternalInstallPath } from '../hubspot-uninstall.ts';
import { appUninstalls, uninstallApp } from './app-installs.routes.ts';
import { defaultEmulatorClient } from './hubspot-emulator.ts';
import { fakeClock, getJson, useEmulator } from './emulator-test-kit.ts';

const uninstall = (url: string, token: string) =>
  fetch(`${url}${hubspotExternalInstallPath}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });

async function refresh(url: string, refreshToken: string) {
  const response = await fetch(`${url}${hubspotOAuthPaths.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: defaultEmulatorClient.clientId,
      client_secret: defaultEmulatorClient.clientSecret,
      refresh_token: refreshToken,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HubSpot emulator app uninstalls', () => {
  const start = useEmulator();

  it('uninstalls with the portal token: 204 without a body, then every token of the portal is refused', async () => {
    const clock = fakeClock();
    const emulator = await start({ accounts: 1, now: clock.now });
    const { accessToken, refreshToken } = emulator.issueAccessToken();
    const other = emulator.issueAccessToken();
    expect((await getJson(emulator, '/crm/v3/owners', accessToken)).status).toBe(200);

    const response = await uninstall(emulator.url, accessToken);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(appUninstalls(emulator.state)).toStrictEqual([
      { hubId: emulator.state.hubId, at: '2026-06-30T06:00:00.000Z', by: 'api' },
    ]);

    for (const token of [accessToken, other.accessToken]) {
      const refused = await getJson(emulator, '/crm/v3/owners', token);
      expect(refused).toMatchObject({ status: 401, body: { category: 'INVALID_AUTHENTICATION' } });
    }
    const renewed = await refresh(emulator.url, refreshToken);
    expect(renewed.status).toBe(400);
    expect(renewed.body.message).toBe('missing or unknown refresh token');
    // The uninstall cannot be repeated with the token it revoked.
    expect((await uninstall(emulator.url, accessToken)).status).toBe(401);
    expect(appUninstalls(emulator.state)).toHaveLength(1);
  });

  it('refuses an unknown or expired token without uninstalling', async () => {
    const clock = fakeClock();
    const emulator = await start({ accounts: 0, now: clock.now, accessTokenLifetimeSeconds: 60 });
    const unknown = await uninstall(emulator.url, 'not-a-token');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    const { accessToken } = emulator.issueAccessToken();
    clock.advance(61_000);
    const expired = await uninstall(emulator.url, accessToken);
    expect(await expired.json()).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
    expect(appUninstalls(emulator.state)).toStrictEqual([]);
  });

  it('records an uninstall done in the portal by its admin', async () => {
    const emulator = await start({ accounts: 0 });
    const { refreshToken } = emulator.issueAccessToken();
    uninstallApp(emulator.state, '2026-07-01T09:00:00.000Z');
    expect(appUninstalls(emulator.state)).toStrictEqual([
      { hubId: emulator.state.hubId, at: '2026-07-01T09:00:00.000Z', by: 'portal' },
    ]);
    expect((await refresh(emulator.url, refreshToken)).status).toBe(400);
  });
});
