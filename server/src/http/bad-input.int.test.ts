import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { provisionOrg } from '../access/provision-org.ts';
import { parseEnv } from '../config/env.ts';
import { listRecentRuns } from '../store/runs.repository.ts';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { createTestApp, type TestApp } from './testing/test-app.ts';

// Nights are left to (absent) workers: a request that got through would queue a run, never start one.
const config = parseEnv({ NODE_ENV: 'test', RIPE_SCHEDULER: 'pg-boss' });

/** Every finding of the bad-input probe, each answered 4xx with the field named, nothing stored. */
describeOnEachBackend(process.env.DATABASE_URL, 'bad input', ({ db }) => {
  let orgId: string;
  let auth: string;
  let test: TestApp;

  beforeAll(async () => {
    const provisioned = await provisionOrg(db(), {
      name: 'Probe',
      crm: 'sandbox',
      admin: { email: 'admin@probe.example', name: 'Admin' },
    });
    orgId = provisioned.org.id;
    auth = `Bearer ${provisioned.token}`;
    test = createTestApp(db(), { config });
  });

  const issuesOf = (body: { error?: { issues?: { field: string }[] } }) =>
    (body.error?.issues ?? []).map((issue) => issue.field);
  const errorLines = () => test.logLines().filter((line) => /"level":(50|60)/.test(line));

  describe('malformed percent-encoding in the path', () => {
    it('answers 400 before authentication and logs nothing at error level', async () => {
      const before = errorLines().length;
      for (const path of ['/v1/orgs/%zz', '/v1/orgs/%E0%A4%A/runs', '/v1/orgs/%/settings']) {
        const response = await request(test.app).get(path);
        expect(response.status, path).toBe(400);
        expect(response.body.error.code).toBe('invalid_request');
      }
      expect(errorLines().length).toBe(before);
    });
  });

  describe('strings that cannot be stored', () => {
    it.each([
      [
        'a NUL in a member name',
        'post',
        '/members',
        { email: 'n@probe.example', name: 'a\u0000b', role: 'member' },
        'name',
      ],
      [
        'a lone surrogate in a reason',
        'post',
        '/accounts/acc-1/feedback',
        { kind: 'reject', reason: 'no \ud800' },
        'reason',
      ],
      [
        'a NUL in a key',
        'post',
        '/members',
        { email: 'k@probe.example', name: 'K', role: 'member', ['x\u0000']: 1 },
        '(key)',
      ],
      [
        'a NUL in a price-book tier',
        'put',
        '/settings',
        { priceBook: { currency: 'USD', tiers: [{ id: 't\u0000', name: 'T', rank: 1, seatPrice: 1 }] } },
        'priceBook.tiers.0.id',
      ],
    ] as const)('refuses %s with 400 naming the field', async (_what, method, path, body, field) => {
      const agent = request(test.app);
      const call =
        method === 'put' ? agent.put(`/v1/orgs/${orgId}${path}`) : agent.post(`/v1/orgs/${orgId}${path}`);
      const response = await call.set('authorization', auth).send(body);
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toContain(field);
    });

    it('refuses a NUL in a path parameter and in a query parameter', async () => {
      const inPath = await request(test.app)
        .get(`/v1/orgs/${orgId}/accounts/acc%00x/history`)
        .set('authorization', auth);
      expect(inPath.status).toBe(400);
      expect(issuesOf(inPath.body)).toContain('accountId');
      const inQuery = await request(test.app)
        .get(`/v1/orgs/${orgId}/usage?accountId=a%00&since=2026-01-01`)
        .set('authorization', auth);
      expect(inQuery.status).toBe(400);
      expect(issuesOf(inQuery.body)).toContain('accountId');
    });
  });

  describe('dates', () => {
    it.each(['0000-01-01', '9999-12-31', '2026-02-30'])(
      'refuses %s as a run day, a snooze and a since',
      async (day) => {
        const run = await request(test.app)
          .post(`/v1/orgs/${orgId}/runs`)
          .set('authorization', auth)
          .send({ asOf: day });
        expect(run.status).toBe(400);
        expect(issuesOf(run.body)).toStrictEqual(['asOf']);
        const snooze = await request(test.app)
          .post(`/v1/orgs/${orgId}/accounts/acc-1/feedback`)
          .set('authorization', auth)
          .send({ kind: 'snooze', snoozedUntil: day });
        expect(snooze.status).toBe(400);
        const usage = await request(test.app)
          .get(`/v1/orgs/${orgId}/usage?accountId=acc-1&since=${day}`)
          .set('authorization', auth);
        expect(usage.status).toBe(400);
      },
    );
  });

  describe('unknown keys', () => {
    it('refuses {"dry_run": true} naming the key, and starts no run', async () => {
      const response = await request(test.app)
        .post(`/v1/orgs/${orgId}/runs`)
        .set('authorization', auth)
        .send({ dry_run: true });
      expect(response.status).toBe(400);
      expect(response.body.error.issues).toStrictEqual([
        { record: 'request', recordId: 'body', field: 'dry_run', message: 'is not a field of this request' },
      ]);
      expect(await withOrg(db(), orgId, (tx) => listRecentRuns(tx))).toStrictEqual([]);
    });

    it('refuses a typo inside a settings section, naming it, and changes nothing', async () => {
      const response = await request(test.app)
        .patch(`/v1/orgs/${orgId}/settings`)
        .set('authorization', auth)
        .send({ rules: { composite: { readyScor: 70 } } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_config');
      expect(issuesOf(response.body)).toStrictEqual(['rules.composite.readyScor']);
      const settings = await request(test.app).get(`/v1/orgs/${orgId}/settings`).set('authorization', auth);
      expect(settings.body.updatedAt).toBeNull();
    });

    it('refuses a query parameter the route does not take', async () => {
      const response = await request(test.app)
        .get(`/v1/orgs/${orgId}/runs?limti=5`)
        .set('authorization', auth);
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toStrictEqual(['limti']);
    });
  });

  describe('bodies', () => {
    it('refuses a 50,000-deep merge patch with 400, before parsing it', async () => {
      const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
      const response = await request(test.app)
        .patch(`/v1/orgs/${orgId}/settings`)
        .set('authorization', auth)
        .set('content-type', 'application/merge-patch+json')
        .send(deep);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/nests deeper than 32 levels/);
    });

    it('reads no body before authentication: an anonymous caller gets 401 whatever it sends', async () => {
      const broken = await request(test.app)
        .post(`/v1/orgs/${orgId}/runs`)
        .set('content-type', 'application/json')
        .send('{"broken":');
      expect(broken.status).toBe(401);
      const huge = await request(test.app)
        .post(`/v1/orgs/${orgId}/runs`)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ asOf: 'x'.repeat(5_000_000) }));
      expect(huge.status).toBe(401);
    });

    it('answers 415 for a body type the route does not take', async () => {
      const response = await request(test.app)
        .post(`/v1/orgs/${orgId}/runs`)
        .set('authorization', auth)
        .set('content-type', 'text/plain')
        .send('dryRun=true');
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
    });

    it('applies a settings PATCH sent as application/merge-patch+json', async () => {
      const response = await request(test.app)
        .patch(`/v1/orgs/${orgId}/settings`)
        .set('authorization', auth)
        .set('content-type', 'application/merge-patch+json')
        .send(JSON.stringify({ rules: { composite: { readyScore: 66 } } }));
      expect(response.status).toBe(200);
      expect(response.body.changed).toStrictEqual(['rules.composite.readyScore']);
      expect(response.body.settings.rules.composite.readyScore).toBe(66);
    });
  });

  describe('usage ingest', () => {
    it('rejects a point with a NUL, a year-0000 day or an unknown key alone, and keeps the valid ones', async () => {
      const good = (day: string) => ({ accountId: 'acc-1', metric: 'seats_used', day, value: 3 });
      const response = await request(test.app)
        .post('/v1/usage')
        .set('authorization', auth)
        .send({
          points: [
            good('2026-03-01'),
            { ...good('2026-03-02'), accountId: 'acc\u0000' },
            good('0000-01-01'),
            { ...good('2026-03-03'), vlaue: 4 },
            good('2026-03-04'),
          ],
        });
      expect(response.status).toBe(207);
      expect(response.body).toStrictEqual({
        accepted: 2,
        changed: 2,
        rejected: [
          { index: 1, field: 'accountId', message: 'must not contain a NUL character' },
          { index: 2, field: 'day', message: 'must be between 1970-01-01 and 2099-12-31' },
          { index: 3, field: 'vlaue', message: 'is not a field of a usage point' },
        ],
      });
    });
  });
});
