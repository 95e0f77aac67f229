import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createMasterKeyring, createSecretsRepository } from '../../secrets/index.ts';
import { loadMigrations, migrate } from '../../store/migrator.ts';
import { withOrg } from '../../store/org-scope.ts';
import { createOrg } from '../../store/orgs.repository.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import {
  getConnection,
  getSyncCursor,
  readTokens,
  recordTokens,
  revokeConnection,
  setConnectionStatus,
  setSyncCursor,
  upsertConnection,
} from './connections.repository.ts';
import { fakeTokens } from './testing/fake-connector-auth.ts';

const secrets = createSecretsRepository(createMasterKeyring({ test: randomBytes(32) }, 'test'));

describeOnEachBackend(process.env.DATABASE_URL, 'connections repository', ({ db, newOrg, backend }) => {
  async function crmOrg(crm: 'salesforce' | 'hubspot'): Promise<string> {
    const orgId = `org-${randomUUID()}`;
    await withOrg(db(), orgId, (tx) => createOrg(tx, { name: 'Acme', crm, externalId: orgId }));
    return orgId;
  }

  it('creates the connection with the org: a sandbox is connected, a CRM waits for its admin', async () => {
    const sandbox = await withOrg(db(), await newOrg(), getConnection);
    expect(sandbox).toMatchObject({
      crm: 'sandbox',
      settings: { accounts: 200, seed: 1, latencyMs: 0 },
      status: 'connected',
      statusReason: null,
    });
    const hubspot = await withOrg(db(), await crmOrg('hubspot'), getConnection);
    expect(hubspot).toMatchObject({
      crm: 'hubspot',
      settings: {},
      instance: null,
      status: 'error',
      statusReason: 'Not connected yet: an admin authorises Ripe in HubSpot',
    });
  });

  it('replaces settings, refuses invalid ones and another CRM kind', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, async (tx) => {
      await upsertConnection(tx, { crm: 'sandbox', settings: { accounts: 12 } });
      expect(await upsertConnection(tx, { crm: 'sandbox' })).toMatchObject({
        settings: { accounts: 12, seed: 1, latencyMs: 0 },
      });
      await expect(upsertConnection(tx, { crm: 'sandbox', settings: { accounts: 0 } })).rejects.toMatchObject(
        {
          code: 'invalid_config',
          issues: [expect.objectContaining({ field: 'settings.accounts' })],
        },
      );
      await expect(upsertConnection(tx, { crm: 'hubspot' })).rejects.toMatchObject({ code: 'conflict' });
    });
  });

  it('seals the tokens, records instance, scopes and expiry, and revokes', async () => {
    const orgId = await crmOrg('salesforce');
    const expiresAt = new Date('2026-10-01T03:00:00.000Z');
    const granted = fakeTokens('one', expiresAt);
    await withOrg(db(), orgId, async (tx) => {
      expect(await recordTokens(tx, secrets, granted)).toMatchObject({
        status: 'connected',
        statusReason: null,
        instance: 'https://acme.my.salesforce.example',
        scopes: ['api', 'refresh_token'],
        tokenExpiresAt: expiresAt,
        connectedAt: expect.any(Date),
      });
      // A refresh may answer neither a refresh token nor scopes: the stored ones stay.
      const refreshed = { ...fakeTokens('two', null), refreshToken: null, scopes: [] };
      await recordTokens(tx, secrets, refreshed);
      const tokens = await readTokens(tx, secrets);
      expect(tokens?.accessToken.reveal()).toBe('access-two-7f3e9a');
      expect(tokens?.refreshToken?.reveal()).toBe('refresh-one-c81d44');
      expect(tokens?.expiresAt).toBeNull();
      expect((await getConnection(tx))?.scopes).toStrictEqual(['api', 'refresh_token']);
    });
    // Sealed: no table holds a token in clear.
    const { rows } = await db().query<{ text: string }>(
      `select string_agg(t::text, ' ') as text from (
         select * from secrets where org_id = $1) t`,
      [orgId],
    );
    expect(rows[0]?.text).not.toContain('access-two');
    expect(JSON.stringify(await withOrg(db(), orgId, getConnection))).not.toContain('access-');

    await withOrg(db(), orgId, async (tx) => {
      expect(await setConnectionStatus(tx, { status: 'error', reason: 'The CRM said no' })).toMatchObject({
        status: 'error',
        statusReason: 'The CRM said no',
      });
      expect(await revokeConnection(tx, secrets, 'Disconnected')).toMatchObject({
        status: 'revoked',
        statusReason: 'Disconnected',
        tokenExpiresAt: null,
      });
      expect(await readTokens(tx, secrets)).toBeUndefined();
      expect(await secrets.listSecretNames(tx)).toStrictEqual([]);
    });
  });

  it('keeps a sync cursor per object', async () => {
    await withOrg(db(), await newOrg(), async (tx) => {
      expect(await getSyncCursor(tx, 'accounts')).toBeNull();
      const cursor = { modifiedAt: '2026-10-01T00:00:00.000Z', id: '001A' };
      await setSyncCursor(tx, 'accounts', cursor);
      await setSyncCursor(tx, 'contacts', null);
      expect(await getSyncCursor(tx, 'accounts')).toStrictEqual(cursor);
      expect(await getSyncCursor(tx, 'contacts')).toBeNull();
      await setSyncCursor(tx, 'accounts', { ...cursor, id: '001B' });
      expect(await getSyncCursor(tx, 'accounts')).toStrictEqual({ ...cursor, id: '001B' });
    });
  });

  it('moves every existing org to a connection, with its sandbox settings (migration 0007)', async () => {
    const opened = await backend.open();
    try {
      const all = await loadMigrations();
      await migrate(
        opened.db,
        all.filter((migration) => migration.version < '0007'),
      );
      for (const [id, crm, sandbox] of [
        ['org-s', 'sandbox', { accounts: 40, seed: 3 }],
        ['org-h', 'hubspot', {}],
      ] as const) {
        await withOrg(opened.db, id, (tx) =>
          tx.query(`insert into orgs (id, name, crm, sandbox) values ($1, 'Old', $2, $3::jsonb)`, [
            id,
            crm,
            JSON.stringify(sandbox),
          ]),
        );
      }
      await migrate(opened.db, all);
      expect(await withOrg(opened.db, 'org-s', getConnection)).toMatchObject({
        crm: 'sandbox',
        status: 'connected',
        settings: { accounts: 40, seed: 3, latencyMs: 0 },
      });
      expect(await withOrg(opened.db, 'org-h', getConnection)).toMatchObject({
        crm: 'hubspot',
        status: 'error',
      });
      const { rows } = await opened.db.query(
        `select 1 from information_schema.columns where table_name = 'orgs' and column_name = 'sandbox'`,
      );
      expect(rows).toStrictEqual([]);
    } finally {
      await opened.dispose();
    }
  });
});
