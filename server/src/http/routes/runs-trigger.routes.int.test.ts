import request from 'supertest';
import { expect, it } from 'vitest';
import { provisionOrg } from '../../access/provision-org.ts';
import { parseEnv } from '../../config/env.ts';
import { setSandboxSettings } from '../../night/org-sandbox.repository.ts';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';
import type { CrmKind } from '../../store/orgs.repository.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

async function adminOf(db: Database, crm: CrmKind): Promise<{ orgId: string; token: string }> {
  const provisioned = await provisionOrg(db, {
    name: `Trigger ${crm}`,
    crm,
    ...(crm === 'sandbox' ? {} : { externalId: `ext-${crypto.randomUUID()}` }),
    admin: { email: 'admin@example.test', name: 'Admin' },
  });
  await withOrg(db, provisioned.org.id, (tx) => setSandboxSettings(tx, { accounts: 20, seed: 4 }));
  return { orgId: provisioned.org.id, token: provisioned.token };
}

async function finishedRun(app: Parameters<typeof request>[0], orgId: string, runId: string, token: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await request(app)
      .get(`/v1/orgs/${orgId}/runs/${runId}`)
      .set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    if (response.body.status !== 'running') return response.body as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`run ${runId} still running`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeOnEachBackend(process.env.DATABASE_URL, 'POST /v1/orgs/:orgId/runs', ({ db }) => {
  it('runs a dry run now: 202 with the run id, then the run succeeds in the history', async () => {
    const { orgId, token } = await adminOf(db(), 'sandbox');
    const { app } = createTestApp(db());
    const response = await request(app)
      .post(`/v1/orgs/${orgId}/runs`)
      .set('authorization', `Bearer ${token}`)
      .send({ dryRun: true, asOf: '2026-06-01' });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ orgId, status: 'running', dryRun: true, asOf: '2026-06-01' });
    const run = await finishedRun(app, orgId, response.body.runId, token);
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true, counts: { accounts: 20, scored: 20 } });
  });

  it('reports a run that cannot pull its CRM as failed, with the reason', async () => {
    const { orgId, token } = await adminOf(db(), 'hubspot');
    const { app } = createTestApp(db());
    const response = await request(app)
      .post(`/v1/orgs/${orgId}/runs`)
      .set('authorization', `Bearer ${token}`)
      .send({});
    expect(response.status).toBe(202);
    expect(await finishedRun(app, orgId, response.body.runId, token)).toMatchObject({
      status: 'failed',
      dryRun: false,
      failureReason:
        "The HubSpot connector needs the app's OAuth client: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET",
    });
  });

  it('with pg-boss workers, queues the run for them; a second one waits for the first (409)', async () => {
    const { orgId, token } = await adminOf(db(), 'sandbox');
    const { app } = createTestApp(db(), {
      config: parseEnv({ NODE_ENV: 'test', RIPE_SCHEDULER: 'pg-boss' }),
    });
    const first = await request(app)
      .post(`/v1/orgs/${orgId}/runs`)
      .set('authorization', `Bearer ${token}`)
      .send({});
    expect(first.status).toBe(202);
    const second = await request(app)
      .post(`/v1/orgs/${orgId}/runs`)
      .set('authorization', `Bearer ${token}`)
      .send({});
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'conflict' });
    const { rows } = await withOrg(db(), orgId, (tx) =>
      tx.query<{ lease_owner: string; expired: boolean }>(
        'select lease_owner, lease_expires_at < now() as expired from night_checkpoints',
      ),
    );
    // Waiting for a worker: its lease is expired, so the next planning round resumes it.
    expect(rows).toStrictEqual([{ lease_owner: 'queued', expired: true }]);
  });
});
