import { expect, it } from 'vitest';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.repository.ts';
import { authenticateApiKey } from './authenticate.ts';
import { findOrgByExternalId, listOrgs } from './org-directory.ts';
import { provisionOrg } from './provision-org.ts';

// SQLSTATE of a missing privilege.
const insufficientPrivilege = '42501';

describeOnEachBackend(
  process.env.DATABASE_URL,
  'access: keys, authentication and the org directory',
  ({ db }) => {
    const provision = (externalId?: string) =>
      provisionOrg(db(), {
        name: 'Acme',
        crm: 'salesforce',
        ...(externalId ? { externalId } : {}),
        admin: { email: 'admin@acme.example', name: 'Ann' },
      });

    it('authenticates a key to its org, member, role and scopes, and records its use', async () => {
      const { org, admin, apiKey, token } = await provision();
      expect(await authenticateApiKey(db(), token)).toStrictEqual({
        orgId: org.id,
        memberId: admin.id,
        role: 'admin',
        scopes: ['read', 'write', 'admin'],
        keyId: apiKey.id,
      });
      const [listed] = await withOrg(db(), org.id, (tx) => listApiKeys(tx));
      expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    });

    it('refuses a revoked key, a wrong secret and a key of nobody', async () => {
      const { org, admin } = await provision();
      const { apiKey, token } = await withOrg(db(), org.id, (tx) =>
        createApiKey(tx, { memberId: admin.id, name: 'ci', scopes: ['read'] }),
      );
      expect(await authenticateApiKey(db(), token)).toMatchObject({ scopes: ['read'] });
      const [head = '', secret = ''] = [token.slice(0, 42), token.slice(42)];
      expect(await authenticateApiKey(db(), `${head}${secret.split('').reverse().join('')}`)).toBeUndefined();
      await withOrg(db(), org.id, (tx) => revokeApiKey(tx, apiKey.id));
      expect(await authenticateApiKey(db(), token)).toBeUndefined();
      expect(await authenticateApiKey(db(), 'ripe_not-a-key')).toBeUndefined();
    });

    it('never lets the application role read a key hash or list every org', async () => {
      const { org } = await provision();
      await expect(
        withOrg(db(), org.id, (tx) => tx.query('select hash from api_keys')),
      ).rejects.toMatchObject({
        code: insufficientPrivilege,
      });
      await expect(
        withOrg(db(), org.id, (tx) => tx.query('select * from ripe_list_orgs()')),
      ).rejects.toMatchObject({
        code: insufficientPrivilege,
      });
    });

    it('finds the org of a CRM instance, and lists every org for operators', async () => {
      const externalId = `00D${Date.now()}`;
      const { org } = await provision(externalId);
      expect(await findOrgByExternalId(db(), 'salesforce', externalId)).toBe(org.id);
      expect(await findOrgByExternalId(db(), 'hubspot', externalId)).toBeUndefined();
      await expect(provision(externalId)).rejects.toMatchObject({ code: 'conflict' });
      const listed = await listOrgs(db());
      expect(listed.find((entry) => entry.id === org.id)).toStrictEqual({
        id: org.id,
        name: 'Acme',
        crm: 'salesforce',
        externalId,
        createdAt: expect.any(Date),
      });
    });
  },
);
