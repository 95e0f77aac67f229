import request from 'supertest';
import { expect, it } from 'vitest';
import { createApiKey } from '../../access/api-keys.repository.ts';
import { addMember } from '../../access/members.repository.ts';
import { provisionOrg } from '../../access/provision-org.ts';
import { listAudit } from '../../audit/index.ts';
import { getSandboxSettings } from '../../night/org-sandbox.repository.ts';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';
import type { CrmKind } from '../../store/orgs.repository.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

async function adminOf(db: Database, crm: CrmKind = 'sandbox') {
  const { org, token } = await provisionOrg(db, {
    name: `Sandbox ${crm}`,
    crm,
    ...(crm === 'sandbox' ? {} : { externalId: `ext-${crypto.randomUUID()}` }),
    admin: { email: 'admin@example.test', name: 'Admin' },
  });
  return { orgId: org.id, token };
}

describeOnEachBackend(process.env.DATABASE_URL, '/v1/orgs/:orgId/sandbox', ({ db }) => {
  it('sets the size and seed the night generates, keeping what is not sent, audited', async () => {
    const { orgId, token } = await adminOf(db());
    const { app } = createTestApp(db());
    const auth = `Bearer ${token}`;
    const set = await request(app)
      .patch(`/v1/orgs/${orgId}/sandbox`)
      .set('authorization', auth)
      .send({ accounts: 500, seed: 7 })
      .expect(200);
    expect(set.body).toStrictEqual({ accounts: 500, seed: 7, latencyMs: 0, inUse: true });
    const reseeded = await request(app)
      .patch(`/v1/orgs/${orgId}/sandbox`)
      .set('authorization', auth)
      .set('content-type', 'application/merge-patch+json')
      .send(JSON.stringify({ seed: 9 }))
      .expect(200);
    expect(reseeded.body).toStrictEqual({ accounts: 500, seed: 9, latencyMs: 0, inUse: true });
    const read = await request(app).get(`/v1/orgs/${orgId}/sandbox`).set('authorization', auth).expect(200);
    expect(read.body).toStrictEqual(reseeded.body);
    expect(await withOrg(db(), orgId, getSandboxSettings)).toStrictEqual({
      accounts: 500,
      seed: 9,
      latencyMs: 0,
    });
    const audit = await withOrg(db(), orgId, (tx) => listAudit(tx));
    expect(audit.entries.filter((e) => e.action === 'sandbox.updated')).toHaveLength(2);
  });

  it.each([
    [{ accounts: 0 }, 'accounts'],
    [{ accounts: 100_001 }, 'accounts'],
    [{ accounts: 2.5 }, 'accounts'],
    [{ accounts: '500' }, 'accounts'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 60 }, 'seed'],
    [{ accounts: 50, size: 50 }, 'size'],
    [{}, ''],
  ])('refuses %j with a 400 naming the field', async (body, field) => {
    const { orgId, token } = await adminOf(db());
    const { app } = createTestApp(db());
    const response = await request(app)
      .patch(`/v1/orgs/${orgId}/sandbox`)
      .set('authorization', `Bearer ${token}`)
      .send(body)
      .expect(400);
    expect(response.body.error.code).toBe('invalid_request');
    if (field) expect(JSON.stringify(response.body.error)).toContain(field);
    expect(await withOrg(db(), orgId, getSandboxSettings)).toMatchObject({ accounts: 200, seed: 1 });
  });

  it('lets members read it and only admins change it', async () => {
    const { orgId } = await adminOf(db());
    const token = await withOrg(db(), orgId, async (tx) => {
      const member = await addMember(tx, { email: 'm@example.test', name: 'M', role: 'member' });
      return (await createApiKey(tx, { memberId: member.id, name: 'm', scopes: ['read', 'write', 'admin'] }))
        .token;
    });
    const { app } = createTestApp(db());
    await request(app).get(`/v1/orgs/${orgId}/sandbox`).set('authorization', `Bearer ${token}`).expect(200);
    await request(app)
      .patch(`/v1/orgs/${orgId}/sandbox`)
      .set('authorization', `Bearer ${token}`)
      .send({ accounts: 5 })
      .expect(403);
  });

  it('shows the defaults of an org whose CRM is not the sandbox, and refuses to size it with 409', async () => {
    const { orgId, token } = await adminOf(db(), 'hubspot');
    const { app } = createTestApp(db());
    const read = await request(app).get(`/v1/orgs/${orgId}/sandbox`).set('authorization', `Bearer ${token}`);
    expect(read.body).toStrictEqual({ accounts: 200, seed: 1, latencyMs: 0, inUse: false });
    const response = await request(app)
      .patch(`/v1/orgs/${orgId}/sandbox`)
      .set('authorization', `Bearer ${token}`)
      .send({ accounts: 5 })
      .expect(409);
    expect(response.body.error.message).toMatch(/CRM is not the sandbox/);
  });
});
