import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createMasterKeyring, createSecretsRepository } from '../../secrets/index.ts';
import { withOrg } from '../../store/org-scope.ts';
import { createOrg } from '../../store/orgs.repository.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { getConnection, readTokens, recordTokens } from './connections.repository.ts';
import { createFakeConnectorAuth, fakeTokens } from './testing/fake-connector-auth.ts';
import { createTokenStore } from './token-store.ts';

const secrets = createSecretsRepository(createMasterKeyring({ test: randomBytes(32) }, 'test'));

describeOnEachBackend(process.env.DATABASE_URL, 'token store over the database', ({ db }) => {
  async function connectedOrg(now: Date): Promise<string> {
    const orgId = `org-${randomUUID()}`;
    await withOrg(db(), orgId, async (tx) => {
      await createOrg(tx, { name: 'Acme', crm: 'salesforce', externalId: orgId });
      // Expired a second ago.
      await recordTokens(tx, secrets, fakeTokens('install', new Date(now.getTime() - 1_000)));
    });
    return orgId;
  }

  it('refreshes an expired token once for concurrent callers and stores the new one sealed', async () => {
    const now = () => new Date('2026-10-01T02:00:00Z');
    const orgId = await connectedOrg(now());
    const auth = createFakeConnectorAuth({ now });
    const store = createTokenStore({ db: db(), orgId, auth, secrets, now });
    const results = await Promise.all(Array.from({ length: 10 }, () => store.accessToken()));
    expect(auth.refreshedWith).toStrictEqual(['refresh-install-c81d44']);
    expect(new Set(results.map((result) => result.ok && result.value.reveal()))).toStrictEqual(
      new Set(['access-refresh-1-7f3e9a']),
    );
    const stored = await withOrg(db(), orgId, (tx) => readTokens(tx, secrets));
    expect(stored?.accessToken.reveal()).toBe('access-refresh-1-7f3e9a');
    expect(stored?.refreshToken?.reveal()).toBe('refresh-install-c81d44');
    expect(stored?.expiresAt).toStrictEqual(new Date('2026-10-01T03:00:00Z'));
  });

  it('marks the connection revoked, with a reason, when the CRM refuses the refresh token', async () => {
    const now = () => new Date('2026-10-01T02:00:00Z');
    const orgId = await connectedOrg(now());
    const auth = createFakeConnectorAuth({ now });
    auth.refreshAnswers = { code: 'auth_revoked', message: 'expired access/refresh token' };
    const store = createTokenStore({ db: db(), orgId, auth, secrets, now });
    expect(await store.accessToken()).toMatchObject({ ok: false, error: { code: 'auth_revoked' } });
    expect(await withOrg(db(), orgId, getConnection)).toMatchObject({
      status: 'revoked',
      statusReason: expect.stringContaining('an admin connects it again'),
    });
  });
});
