import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { provisionOrg } from '../access/provision-org.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { withOrg } from '../store/org-scope.ts';
import { seedOrg, type SeededOrg } from '../access/testing/seed-orgs.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { apiRouter } from './api/api-router.ts';
import { definePublicRoute } from './api/api-route.ts';
import { routers } from './routers.ts';
import { createTestApp } from './testing/test-app.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describeOnEachBackend(process.env.DATABASE_URL, 'http access and org routes', ({ db }) => {
  let a: SeededOrg;
  beforeAll(async () => {
    a = await seedOrg(db(), 'acc');
  });

  describe('authentication', () => {
    it('answers 401 with WWW-Authenticate for a missing, malformed, unknown or wrong key', async () => {
      const { app } = createTestApp(db());
      const url = `/v1/orgs/${a.orgId}`;
      const wrongSecret = a.adminToken.slice(0, -4) + (a.adminToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const unknownId = a.adminToken.replace(/^ripe_[0-9a-f]{8}/, 'ripe_00000000');
      for (const headers of [
        {},
        bearer('nope'),
        { authorization: a.adminToken },
        bearer(wrongSecret),
        bearer(unknownId),
      ]) {
        const response = await request(app).get(url).set(headers).expect(401);
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.body.error.code).toBe('unauthenticated');
      }
      await request(app).get(url).set(bearer(a.adminToken)).expect(200);
    });

    it('never logs the bearer key, a cookie or a token in the query', async () => {
      const { app, logLines } = createTestApp(db());
      await request(app)
        .get(`/v1/orgs/${a.orgId}/runs?token=query-secret`)
        .set(bearer(a.adminToken))
        .set('cookie', 'session=cookie-secret')
        // `token` is not a parameter of the route: refused, and logged like any request.
        .expect(400);
      const secretPart = a.adminToken.split('_').slice(2).join('_');
      const logs = logLines().join('\n');
      expect(logs).toContain(`/v1/orgs/${a.orgId}/runs?token=[redacted]`);
      expect(logs).toContain(`"route":"/v1/orgs/:orgId/runs","orgId":"${a.orgId}"`);
      for (const leaked of [secretPart, 'query-secret', 'cookie-secret']) expect(logs).not.toContain(leaked);
    });

    it('answers 403 when the role or the key scope does not allow the route', async () => {
      const { app } = createTestApp(db());
      const asMember = await request(app)
        .get(`/v1/orgs/${a.orgId}/members`)
        .set(bearer(a.memberToken))
        .expect(403);
      expect(asMember.body.error).toStrictEqual({
        code: 'forbidden',
        message: 'This needs the admin role or above',
      });
      // The member's key is read-only: feedback needs `write`.
      const readOnly = await request(app)
        .post(`/v1/orgs/${a.orgId}/accounts/${a.accountId}/feedback`)
        .set(bearer(a.memberToken))
        .send({ kind: 'approve' })
        .expect(403);
      expect(readOnly.body.error.message).toBe('This needs an API key with the write scope');
      await request(app).get(`/v1/orgs/${a.orgId}/me`).set(bearer(a.memberToken)).expect(200);
    });

    it("answers 404 for another org's id, exactly as for an org that does not exist", async () => {
      const { app } = createTestApp(db());
      const other = await request(app)
        .get('/v1/orgs/org_elsewhere/runs')
        .set(bearer(a.adminToken))
        .expect(404);
      expect(other.body).toStrictEqual({ error: { code: 'not_found', message: 'Org not found' } });
    });
  });

  describe('members and API keys', () => {
    it('creates, changes and removes a member; the last admin stays', async () => {
      const { app } = createTestApp(db());
      // An org of its own, with a single admin.
      const solo = await provisionOrg(db(), {
        name: 'Solo',
        crm: 'sandbox',
        admin: { email: 'a@solo.example', name: 'A' },
      });
      const admin = { memberId: solo.admin.id, token: solo.token };
      const base = `/v1/orgs/${solo.org.id}/members`;
      const created = await request(app)
        .post(base)
        .set(bearer(admin.token))
        .send({ email: 'new@acc.example', name: 'New', role: 'manager' })
        .expect(201);
      expect(created.body).toMatchObject({ email: 'new@acc.example', role: 'manager' });
      const duplicate = await request(app)
        .post(base)
        .set(bearer(admin.token))
        .send({ email: 'NEW@acc.example', name: 'Again', role: 'member' })
        .expect(409);
      expect(duplicate.body.error.code).toBe('conflict');
      await request(app).post(base).set(bearer(admin.token)).send({ email: 'not-an-email' }).expect(400);
      const patched = await request(app)
        .patch(`${base}/${created.body.id}`)
        .set(bearer(admin.token))
        .send({ role: 'member' })
        .expect(200);
      expect(patched.body.role).toBe('member');
      const lastAdmin = await request(app)
        .patch(`${base}/${admin.memberId}`)
        .set(bearer(admin.token))
        .send({ role: 'member' })
        .expect(409);
      expect(lastAdmin.body.error.message).toContain('last admin');
      await request(app).delete(`${base}/${admin.memberId}`).set(bearer(admin.token)).expect(409);
      await request(app).delete(`${base}/${created.body.id}`).set(bearer(admin.token)).expect(204);
      await request(app).get(`${base}/${created.body.id}`).set(bearer(admin.token)).expect(404);
      await request(app).get(`${base}/not-a-uuid`).set(bearer(admin.token)).expect(400);
      const audit = await withOrg(db(), solo.org.id, (tx) => listAudit(tx));
      expect(audit.entries.map((entry) => [entry.action, entry.actor]).reverse()).toStrictEqual([
        ['member.added', admin.memberId],
        ['member.updated', admin.memberId],
        ['member.removed', admin.memberId],
      ]);
    });

    it('shows a new key once, lists keys without secrets, records use, and revokes at once', async () => {
      const { app } = createTestApp(db());
      const base = `/v1/orgs/${a.orgId}/api-keys`;
      const created = await request(app)
        .post(base)
        .set(bearer(a.adminToken))
        .send({ name: 'card', scopes: ['read', 'read'], memberId: a.memberId })
        .expect(201);
      const { key, apiKey } = created.body as { key: string; apiKey: { id: string; scopes: string[] } };
      expect(apiKey.scopes).toStrictEqual(['read']);
      await request(app).get(`/v1/orgs/${a.orgId}/me`).set(bearer(key)).expect(200);
      const listed = await request(app)
        .get(`${base}?memberId=${a.memberId}`)
        .set(bearer(a.adminToken))
        .expect(200);
      const secret = key.split('_').slice(2).join('_');
      expect(listed.text).not.toContain(secret);
      expect(listed.text).not.toContain('hash');
      const listedKey = (listed.body as Array<{ id: string; lastUsedAt: string | null }>).find(
        (k) => k.id === apiKey.id,
      );
      expect(listedKey?.lastUsedAt).toEqual(expect.any(String));
      const revoked = await request(app).delete(`${base}/${apiKey.id}`).set(bearer(a.adminToken)).expect(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      await request(app).get(`/v1/orgs/${a.orgId}/me`).set(bearer(key)).expect(401);
      await request(app)
        .post(base)
        .set(bearer(a.adminToken))
        .send({ name: 'x', scopes: ['read'], memberId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
    });
  });

  describe('runs, accounts and feedback', () => {
    it('lists runs, reads one with its errors, and answers 404 for an unknown run', async () => {
      const { app } = createTestApp(db());
      const runs = await request(app)
        .get(`/v1/orgs/${a.orgId}/runs?limit=10`)
        .set(bearer(a.memberToken))
        .expect(200);
      expect((runs.body as Array<{ id: string }>).map((run) => run.id)).toContain(a.runId);
      const run = await request(app)
        .get(`/v1/orgs/${a.orgId}/runs/${a.runId}`)
        .set(bearer(a.memberToken))
        .expect(200);
      expect(run.body).toMatchObject({
        id: a.runId,
        status: 'succeeded',
        counts: { scored: 2 },
        apiCalls: 12,
      });
      const errors = await request(app)
        .get(`/v1/orgs/${a.orgId}/runs/${a.runId}/errors`)
        .set(bearer(a.memberToken))
        .expect(200);
      expect(errors.body).toStrictEqual([
        {
          record: 'account',
          recordId: `acc-${a.marker}-9`,
          field: 'contract.arr',
          message: `bad arr ${a.marker}`,
        },
      ]);
      const unknown = '00000000-0000-4000-8000-000000000000';
      await request(app).get(`/v1/orgs/${a.orgId}/runs/${unknown}`).set(bearer(a.memberToken)).expect(404);
      await request(app).get(`/v1/orgs/${a.orgId}/runs?limit=0`).set(bearer(a.memberToken)).expect(400);
    });

    it('lists latest states by readiness, an account history, and records feedback by its member', async () => {
      const { app } = createTestApp(db());
      const ready = await request(app)
        .get(`/v1/orgs/${a.orgId}/accounts?readiness=ready`)
        .set(bearer(a.memberToken))
        .expect(200);
      const readyIds = (ready.body as Array<{ accountId: string; readiness: string }>).map(
        (s) => s.accountId,
      );
      expect(readyIds).toContain(a.accountId);
      expect(readyIds).not.toContain(`${a.accountId}-2`);
      await request(app)
        .get(`/v1/orgs/${a.orgId}/accounts?readiness=hot`)
        .set(bearer(a.memberToken))
        .expect(400);
      const history = await request(app)
        .get(`/v1/orgs/${a.orgId}/accounts/${a.accountId}/history`)
        .set(bearer(a.memberToken))
        .expect(200);
      expect(history.body).toMatchObject([
        { runId: a.runId, readiness: 'ready', verdict: { accountId: a.accountId } },
      ]);
      const feedback = await request(app)
        .post(`/v1/orgs/${a.orgId}/accounts/${a.accountId}/feedback`)
        .set(bearer(a.adminToken))
        .send({ kind: 'snooze', snoozedUntil: '2027-01-15' })
        .expect(201);
      expect(feedback.body).toMatchObject({
        kind: 'snooze',
        snoozedUntil: '2027-01-15',
        actor: `admin@${a.marker}.example`,
      });
      await request(app)
        .post(`/v1/orgs/${a.orgId}/accounts/${a.accountId}/feedback`)
        .set(bearer(a.adminToken))
        .send({ kind: 'reject' })
        .expect(400);
      const listed = await request(app)
        .get(`/v1/orgs/${a.orgId}/accounts/${a.accountId}/feedback`)
        .set(bearer(a.memberToken))
        .expect(200);
      expect((listed.body as Array<{ kind: string }>).map((f) => f.kind)).toStrictEqual(['snooze', 'reject']);
    });
  });

  it('answers a server error with its code-less message and never a stack', async () => {
    const failing = definePublicRoute({
      method: 'get',
      path: '/boom',
      summary: 'fails',
      tags: [],
      publicBecause: 'test',
      params: z.object({}),
      response: z.object({}),
      handler: async () => {
        throw new Error('database password is hunter2');
      },
    });
    const { app, logLines } = createTestApp(
      db(),
      {},
      { routers: [...routers, (deps) => apiRouter(deps, [failing])] },
    );
    const response = await request(app).get('/v1/boom').expect(500);
    expect(response.body).toStrictEqual({ error: { code: 'internal', message: 'Internal server error' } });
    expect(response.text).not.toContain('hunter2');
    expect(
      logLines().some(
        (line) => line.includes('"level":50') && line.includes(String(response.headers['x-request-id'])),
      ),
    ).toBe(true);
  });
});
