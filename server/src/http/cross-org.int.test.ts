import { hubspotTestEnv, signAsHubSpot } from './testing/hubspot-signing.ts';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprintsOf,
  leakedFingerprints,
  snapshotChanges,
  snapshotOrg,
} from '../access/testing/org-snapshot.ts';
import { seedKeyringEnv, seedOrg, type SeededOrg } from '../access/testing/seed-orgs.ts';
import { parseEnv } from '../config/env.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { apiOperations, attackApi, exampleIds, operationUrl } from './testing/api-attack.ts';
import { createTestApp } from './testing/test-app.ts';

// The seeded orgs' secrets are sealed with this keyring: the secrets routes must be able to open them.
const config = parseEnv({ NODE_ENV: 'test', ...seedKeyringEnv, ...hubspotTestEnv });

describeOnEachBackend(process.env.DATABASE_URL, 'cross-org: every API route', ({ db }) => {
  let a: SeededOrg;
  let b: SeededOrg;
  let fingerprints: string[];

  beforeAll(async () => {
    a = await seedOrg(db(), 'a');
    b = await seedOrg(db(), 'b');
    fingerprints = fingerprintsOf(await snapshotOrg(db(), a.orgId), a.orgId, a.marker);
  });

  it('aims at every org route of the API, with ids that reach org A data', async () => {
    const { app } = createTestApp(db(), { config });
    const operations = apiOperations(app);
    const orgRoutes = operations.filter((operation) => operation.access !== 'public');
    expect(orgRoutes.length).toBeGreaterThanOrEqual(16);
    // A route that needs a key either names its org first in the path, or acts on the key's own org.
    const misplaced = orgRoutes.filter((o) => o.access === 'org' && !o.path.startsWith('/v1/orgs/{orgId}'));
    expect(misplaced).toStrictEqual([]);
    // Control: as org A itself every read answers 2xx, so B's 404s come from the checks, not from bad ids.
    for (const operation of orgRoutes.filter((candidate) => candidate.method === 'get')) {
      const url = operationUrl(operation, exampleIds(a));
      expect(typeof url, `${operation.path} needs an example id`).toBe('string');
      const call = request(app).get(url as string);
      const response = await (operation.access === 'hubspot'
        ? signAsHubSpot(call, { method: 'get', url: url as string })
        : call.set('authorization', `Bearer ${a.adminToken}`));
      expect(response.status, `GET ${operation.path} as org A`).toBeLessThan(300);
    }
  });

  it("as org B, answers 404 on org A's paths and neither returns nor changes anything of A", async () => {
    const { app } = createTestApp(db(), { config });
    const before = await snapshotOrg(db(), a.orgId);
    const findings = [
      ...(await attackApi({ app, attacker: b, target: a, fingerprints, aim: 'target-org' })),
      ...(await attackApi({ app, attacker: b, target: a, fingerprints, aim: 'own-org' })),
    ];
    expect(findings).toStrictEqual([]);
    expect(snapshotChanges(before, await snapshotOrg(db(), a.orgId))).toStrictEqual([]);
  });

  it('serves no org data on public routes', async () => {
    const { app } = createTestApp(db(), { config });
    const publicRoutes = apiOperations(app).filter((operation) => operation.access === 'public');
    expect(publicRoutes.map((operation) => operation.path)).toContain('/v1/openapi.json');
    for (const operation of publicRoutes) {
      expect(operation.path).not.toContain('{orgId}');
      const url = operationUrl(operation, exampleIds(a));
      const response = await request(app)[operation.method](url as string);
      expect(leakedFingerprints(response.text, fingerprints)).toStrictEqual([]);
    }
  });

  describe('the suite notices a missing membership check', () => {
    it('fails when the server-side check is switched off', async () => {
      const { app } = createTestApp(db(), { config, insecureSkipMembershipCheck: true });
      const before = await snapshotOrg(db(), a.orgId);
      const findings = await attackApi({ app, attacker: b, target: a, fingerprints, aim: 'target-org' });
      expect(findings.map((finding) => finding.operation)).toContain('GET /v1/orgs/{orgId}');
      expect(findings.length).toBeGreaterThan(5);
      // Row-level security and the caller's own org scope still kept A's rows out of reach.
      expect(findings.filter((finding) => finding.problem.startsWith('returned'))).toStrictEqual([]);
      expect(snapshotChanges(before, await snapshotOrg(db(), a.orgId))).toStrictEqual([]);
    });
  });
});
