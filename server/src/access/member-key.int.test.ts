import { expect, it } from 'vitest';
import { listAudit } from '../audit/index.ts';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { authenticateApiKey } from './authenticate.ts';
import { createMemberKey } from './member-key.ts';
import { provisionOrg } from './provision-org.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'createMemberKey', ({ db }) => {
  it("issues a working key for the org's admin, audited, and shows it once", async () => {
    const {
      org,
      admin,
      token: first,
    } = await provisionOrg(db(), {
      name: 'Keys',
      crm: 'sandbox',
      admin: { email: 'admin@keys.example', name: 'Ada' },
    });
    const created = await createMemberKey(db(), org.id, { role: 'admin', name: 'quickstart' });
    expect(created).toMatchObject({ orgId: org.id, memberId: admin.id, memberName: 'Ada', role: 'admin' });
    expect(created.token).not.toBe(first);
    expect(created.apiKey).toMatchObject({ name: 'quickstart', scopes: ['read', 'write', 'admin'] });
    expect(await authenticateApiKey(db(), created.token)).toMatchObject({
      orgId: org.id,
      memberId: admin.id,
      role: 'admin',
      keyId: created.apiKey.id,
    });
    const audit = await withOrg(db(), org.id, (tx) => listAudit(tx));
    expect(audit.entries[0]).toMatchObject({
      actor: 'cli',
      action: 'api_key.created',
      target: created.apiKey.id,
    });
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('names what is missing: an org that does not exist, a role nobody holds', async () => {
    await expect(createMemberKey(db(), 'org_missing', { role: 'admin', name: 'k' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('Org org_missing does not exist'),
    });
    const { org } = await provisionOrg(db(), {
      name: 'Solo',
      crm: 'sandbox',
      admin: { email: 'solo@keys.example', name: 'Solo' },
    });
    await expect(createMemberKey(db(), org.id, { role: 'manager', name: 'k' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(`has no manager: add one with POST /v1/orgs/${org.id}/members`),
    });
  });
});
