import request from 'supertest';
import { expect, it } from 'vitest';
import { createApiKey } from '../../access/api-keys.repository.ts';
import { addMember } from '../../access/members.repository.ts';
import { provisionOrg } from '../../access/provision-org.ts';
import { withOrg } from '../../store/index.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

const points = [
  { accountId: 'acc-1', metric: 'seats_used', day: '2025-06-01', value: 40 },
  { accountId: 'acc-1', metric: 'seats_used', day: '2025-06-02', value: 42 },
  { accountId: 'acc-1', metric: 'api_calls', kind: 'consumption', day: '2025-06-02', value: 1_250 },
];

describeOnEachBackend(process.env.DATABASE_URL, 'usage routes', ({ db }) => {
  async function orgWithKey(name: string, scopes: ('read' | 'write')[] = ['read', 'write']) {
    const { org } = await provisionOrg(db(), {
      name,
      crm: 'sandbox',
      admin: { email: `admin@${name}.example`, name: 'Ann' },
    });
    const token = await withOrg(db(), org.id, async (tx) => {
      const member = await addMember(tx, { email: `etl@${name}.example`, name: 'ETL', role: 'member' });
      return (await createApiKey(tx, { memberId: member.id, name: 'etl', scopes })).token;
    });
    return { orgId: org.id, auth: `Bearer ${token}` };
  }

  it("stores a batch in the key's org; posting it again changes nothing; a later value replaces", async () => {
    const { app } = createTestApp(db());
    const { orgId, auth } = await orgWithKey('ingest');
    const first = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points })
      .expect(200);
    expect(first.body).toStrictEqual({ accepted: 3, changed: 3, rejected: [] });
    const again = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points })
      .expect(200);
    expect(again.body).toStrictEqual({ accepted: 3, changed: 0, rejected: [] });
    await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points: [{ ...points[1], value: 45 }] })
      .expect(200);

    const read = await request(app)
      .get(`/v1/orgs/${orgId}/usage`)
      .query({ accountId: 'acc-1', since: '2025-01-01' })
      .set('authorization', auth)
      .expect(200);
    expect(read.body).toStrictEqual({
      'acc-1': [
        { metric: 'api_calls', kind: 'consumption', start: '2025-06-02', values: [1_250] },
        { metric: 'seats_used', kind: 'seats_used', start: '2025-06-01', values: [40, 45] },
      ],
    });
  });

  it('keeps the valid points and reports the others by index and field (207; 422 when none is valid)', async () => {
    const { app } = createTestApp(db());
    const { auth } = await orgWithKey('partial');
    const partial = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points: [points[0], { ...points[1], value: -3 }, { ...points[2], day: '2025-06-31' }] })
      .expect(207);
    expect(partial.body).toStrictEqual({
      accepted: 1,
      changed: 1,
      rejected: [
        { index: 1, field: 'value', message: 'must be zero or more' },
        { index: 2, field: 'day', message: 'must be a real calendar day' },
      ],
    });
    const none = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points: [{ accountId: 'acc-1' }] })
      .expect(422);
    expect(none.body.accepted).toBe(0);
    expect(none.body.rejected.map((r: { field: string }) => r.field)).toStrictEqual([
      'metric',
      'day',
      'value',
    ]);
  });

  it('takes a full batch of 10,000 points, refuses a larger one, and a body without points', async () => {
    const { app } = createTestApp(db());
    const { auth } = await orgWithKey('large');
    const batch = Array.from({ length: 10_000 }, (_, i) => ({
      accountId: `0015g00000XyZ${String(i).padStart(5, '0')}`,
      metric: 'feature_sso',
      kind: 'feature_adoption',
      feature: 'single_sign_on',
      premium: true,
      day: '2025-06-01',
      value: i,
    }));
    const full = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points: batch })
      .expect(200);
    expect(full.body.accepted).toBe(10_000);
    const tooMany = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ points: [...batch, batch[0]] })
      .expect(413);
    expect(tooMany.body.error.code).toBe('payload_too_large');
    const noPoints = await request(app)
      .post('/v1/usage')
      .set('authorization', auth)
      .send({ rows: [] })
      .expect(400);
    expect(noPoints.body.error.code).toBe('invalid_request');
  });

  it('needs a key with the write scope, and writes only to its own org', async () => {
    const { app } = createTestApp(db());
    const reader = await orgWithKey('reader', ['read']);
    const refused = await request(app)
      .post('/v1/usage')
      .set('authorization', reader.auth)
      .send({ points })
      .expect(403);
    expect(refused.body.error.code).toBe('forbidden');
    await request(app).post('/v1/usage').send({ points }).expect(401);

    const a = await orgWithKey('orga');
    const b = await orgWithKey('orgb');
    await request(app).post('/v1/usage').set('authorization', b.auth).send({ points }).expect(200);
    const seenByA = await request(app)
      .get(`/v1/orgs/${a.orgId}/usage`)
      .query({ accountId: 'acc-1', since: '2025-01-01' })
      .set('authorization', a.auth)
      .expect(200);
    expect(seenByA.body).toStrictEqual({});
    await request(app)
      .get(`/v1/orgs/${a.orgId}/usage`)
      .query({ accountId: 'acc-1', since: '2025-01-01' })
      .set('authorization', b.auth)
      .expect(404);
  });
});
