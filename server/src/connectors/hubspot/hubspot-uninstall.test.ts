import { describe, expect, it } from 'vitest';
import { secret } from '../../config/secret.ts';
import { err, ok } from '../../resilience/result.ts';
import type { TokenStore } from '../connections/token-store.ts';
import { hubspotExternalInstallPath, uninstallHubSpotApp } from './hubspot-uninstall.ts';

/** Tokens `at-1`, then `at-2` after a refresh; a refused refresh when `refreshRefused`. */
function tokens(refreshRefused = false) {
  let current = 'at-1';
  const store: TokenStore & { refreshes: number } = {
    refreshes: 0,
    accessToken: async () => ok(secret(current)),
    invalidate: () => undefined,
    refreshNow: async () => {
      store.refreshes += 1;
      if (refreshRefused) return err({ code: 'auth_revoked', message: 'HubSpot refused to renew' });
      current = 'at-2';
      return ok(secret(current));
    },
  };
  return store;
}

/** A fetch answering the statuses in turn, recording the calls. */
function answering(...statuses: (number | Error)[]) {
  const calls: { url: string; method?: string; authorization?: string }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({
      url,
      method: init?.method,
      authorization: (init?.headers as Record<string, string>).authorization,
    });
    const next = statuses.shift() ?? 500;
    if (next instanceof Error) throw next;
    return next === 204
      ? new Response(null, { status: 204 })
      : Response.json({ status: 'error', message: `said ${next}`, category: 'X' }, { status: next });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const baseUrl = 'https://api.hubapi.example/';

describe('uninstallHubSpotApp', () => {
  it("sends DELETE to the documented path with the portal's token; 204 is done", async () => {
    const { fetch, calls } = answering(204);
    expect(await uninstallHubSpotApp({ baseUrl, tokens: tokens(), fetch })).toStrictEqual(ok(undefined));
    expect(calls).toStrictEqual([
      {
        url: `https://api.hubapi.example${hubspotExternalInstallPath}`,
        method: 'DELETE',
        authorization: 'Bearer at-1',
      },
    ]);
    expect(hubspotExternalInstallPath).toBe('/appinstalls/2026-03/external-install');
  });

  it('renews a refused access token once', async () => {
    const store = tokens();
    const { fetch, calls } = answering(401, 204);
    expect((await uninstallHubSpotApp({ baseUrl, tokens: store, fetch })).ok).toBe(true);
    expect(calls.map((call) => call.authorization)).toStrictEqual(['Bearer at-1', 'Bearer at-2']);
    expect(store.refreshes).toBe(1);

    const again = answering(401, 401);
    const refused = await uninstallHubSpotApp({ baseUrl, tokens: tokens(), fetch: again.fetch });
    expect(refused).toStrictEqual(
      err({ code: 'auth_revoked', message: 'HubSpot refused to uninstall the app (401): said 401' }),
    );
    const noRefresh = answering(401);
    const unrenewed = await uninstallHubSpotApp({ baseUrl, tokens: tokens(true), fetch: noRefresh.fetch });
    expect(unrenewed).toStrictEqual(err({ code: 'auth_revoked', message: 'HubSpot refused to renew' }));
  });

  it('answers what HubSpot said, never the token', async () => {
    const cases = [
      [503, 'unavailable'],
      [429, 'rate_limited'],
      [400, 'invalid_request'],
    ] as const;
    for (const [status, code] of cases) {
      const answer = await uninstallHubSpotApp({ baseUrl, tokens: tokens(), ...answering(status) });
      expect(answer).toStrictEqual(
        err({ code, message: `HubSpot refused to uninstall the app (${status}): said ${status}` }),
      );
    }
    const down = await uninstallHubSpotApp({
      baseUrl,
      tokens: tokens(),
      ...answering(new TypeError('fetch')),
    });
    expect(down).toStrictEqual(
      err({ code: 'unavailable', message: "HubSpot's app uninstalls API could not be reached" }),
    );
    expect(JSON.stringify(down)).not.toContain('at-1');
  });
});
