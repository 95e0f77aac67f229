import { describe, expect, it } from 'vitest';
import { secret } from '../../config/secret.ts';
import type { TokenSet } from '../connector-auth.ts';
import type { StatusChange, StoredTokens } from './connections.repository.ts';
import { createFakeConnectorAuth } from './testing/fake-connector-auth.ts';
import { createSingleFlightTokenStore } from './token-store.ts';
import type { TokenVault, VaultContents } from './token-vault.ts';

const start = new Date('2026-10-01T02:00:00Z');

/** A vault in memory: what the store would seal, and every status it set. */
function memoryVault(tokens: StoredTokens | undefined) {
  const saved: TokenSet[] = [];
  const statuses: StatusChange[] = [];
  let contents: VaultContents = { crm: 'salesforce', status: 'connected', statusReason: null, tokens };
  const vault: TokenVault = {
    load: async () => contents,
    save: async (set) => {
      saved.push(set);
      const refreshToken = set.refreshToken ?? contents.tokens?.refreshToken ?? null;
      contents = {
        ...contents,
        tokens: { accessToken: set.accessToken, refreshToken, expiresAt: set.expiresAt },
      };
    },
    markStatus: async (change) => {
      statuses.push(change);
      const statusReason = change.status === 'connected' ? null : change.reason;
      contents = { ...contents, status: change.status, statusReason };
    },
  };
  return { vault, saved, statuses };
}

function setup(expiresInMs: number | null) {
  let clock = start;
  const now = () => clock;
  const auth = createFakeConnectorAuth({ now });
  const stored: StoredTokens = {
    accessToken: secret('access-0'),
    refreshToken: secret('refresh-0'),
    expiresAt: expiresInMs === null ? null : new Date(start.getTime() + expiresInMs),
  };
  const memory = memoryVault(stored);
  const store = createSingleFlightTokenStore({ vault: memory.vault, auth, now });
  return { ...memory, auth, store, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

const revealed = (result: Awaited<ReturnType<ReturnType<typeof setup>['store']['accessToken']>>) =>
  result.ok ? result.value.reveal() : result.error.code;

describe('token store', () => {
  it('lets 10 concurrent callers share one refresh of an expired token', async () => {
    const { store, auth, saved } = setup(-1_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.accessToken()));
    expect(auth.refreshedWith).toStrictEqual(['refresh-0']);
    expect(saved).toHaveLength(1);
    expect(new Set(results.map(revealed))).toStrictEqual(new Set(['access-refresh-1-7f3e9a']));
  });

  it('serves a token until a minute before its expiry, then refreshes it', async () => {
    const { store, auth, advance } = setup(5 * 60_000);
    expect(revealed(await store.accessToken())).toBe('access-0');
    advance(4 * 60_000 + 1);
    expect(revealed(await store.accessToken())).toBe('access-refresh-1-7f3e9a');
    expect(auth.refreshedWith).toStrictEqual(['refresh-0']);
  });

  it('never refreshes a token whose expiry the CRM did not announce, until it is refused', async () => {
    const { store, auth } = setup(null);
    expect(revealed(await store.accessToken())).toBe('access-0');
    expect(auth.refreshedWith).toStrictEqual([]);
    store.invalidate();
    const after401 = await Promise.all(Array.from({ length: 10 }, () => store.refreshNow()));
    expect(after401.map(revealed)).toStrictEqual(Array(10).fill('access-refresh-1-7f3e9a'));
    // The CRM gave no new refresh token: the old one is kept for the next refresh.
    store.invalidate();
    await store.refreshNow();
    expect(auth.refreshedWith).toStrictEqual(['refresh-0', 'refresh-0']);
  });

  it('marks the connection revoked when the refresh token no longer works, and stops calling the CRM', async () => {
    const { store, auth, statuses } = setup(-1_000);
    auth.refreshAnswers = { code: 'auth_revoked', message: 'expired access/refresh token' };
    const [first, second] = await Promise.all([store.accessToken(), store.accessToken()]);
    expect(first).toStrictEqual(second);
    expect(first).toMatchObject({ ok: false, error: { code: 'auth_revoked' } });
    expect(statuses).toStrictEqual([
      {
        status: 'revoked',
        reason:
          "Salesforce refused to renew Ripe's access (expired access/refresh token): an admin connects it again",
      },
    ]);
    expect(revealed(await store.accessToken())).toBe('auth_revoked');
    expect(auth.refreshedWith).toHaveLength(1);
  });

  it('keeps serving a token that has not expired yet while the CRM is unavailable', async () => {
    const { store, auth, statuses, advance } = setup(30_000);
    auth.refreshAnswers = { code: 'unavailable', message: 'HTTP 503', retryAfterMs: 1_000 };
    expect(revealed(await store.accessToken())).toBe('access-0');
    advance(31_000);
    expect(revealed(await store.accessToken())).toBe('unavailable');
    expect(statuses).toStrictEqual([]);
  });

  it('answers not_installed when the org never authorised its CRM', async () => {
    const auth = createFakeConnectorAuth({ now: () => start });
    const { vault } = memoryVault(undefined);
    const store = createSingleFlightTokenStore({ vault, auth, now: () => start });
    expect(revealed(await store.accessToken())).toBe('not_installed');
  });
});
