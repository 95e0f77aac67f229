import { hubspotSettingsSchema } from '../connectors/connections/connection-settings.schema.ts';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { getConnection } from '../connectors/connections/connections.repository.ts';
import { withOrg } from '../store/org-scope.ts';
import { createOrg } from '../store/orgs.repository.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { getSandboxSettings, setSandboxSettings } from './org-sandbox.repository.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'sandbox settings', ({ db, newOrg }) => {
  it("keeps a sandbox org's generator settings on its connection", async () => {
    await withOrg(db(), await newOrg(), async (tx) => {
      expect(await setSandboxSettings(tx, { accounts: 30, seed: 7 })).toStrictEqual({
        accounts: 30,
        seed: 7,
        latencyMs: 0,
      });
      expect(await getSandboxSettings(tx)).toStrictEqual({ accounts: 30, seed: 7, latencyMs: 0 });
      expect((await getConnection(tx))?.settings).toStrictEqual({ accounts: 30, seed: 7, latencyMs: 0 });
      await expect(setSandboxSettings(tx, { accounts: 0 })).rejects.toMatchObject({ code: 'invalid_config' });
    });
  });

  it('gives an org on another CRM the defaults, and an unknown org nothing', async () => {
    const orgId = `org-${randomUUID()}`;
    await withOrg(db(), orgId, async (tx) => {
      await createOrg(tx, { name: 'Acme', crm: 'hubspot', externalId: orgId });
      await setSandboxSettings(tx, { accounts: 5 });
      expect(await getSandboxSettings(tx)).toStrictEqual({ accounts: 200, seed: 1, latencyMs: 0 });
      expect((await getConnection(tx))?.settings).toStrictEqual(hubspotSettingsSchema.parse({}));
    });
    await withOrg(db(), `org-${randomUUID()}`, async (tx) => {
      expect(await getSandboxSettings(tx)).toBeUndefined();
      await expect(setSandboxSettings(tx, {})).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
