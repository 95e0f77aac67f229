import { randomInt } from 'node:crypto';
import request from 'supertest';
import { afterAll, expect, it } from 'vitest';
import { addMember } from '../../access/members.repository.ts';
import { parseEnv } from '../../config/env.ts';
import { defaultEmulatorClient } from '../../connectors/hubspot/emulator/hubspot-emulator.ts';
import { companyIds, humanValues, touchCompany } from '../../connectors/hubspot/emulator/portal-edits.ts';
import { startHubSpotDemoOrg, type HubSpotDemoOrg } from '../../demo/hubspot-demo-org.ts';
import { listFeedback } from '../../store/feedback.repository.ts';
import { withOrg } from '../../store/org-scope.ts';
import { latestStates } from '../../store/verdicts.repository.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { signatureV3 } from '../hubspot/signature-v3.ts';
import { apiOperations } from '../testing/api-attack.ts';
import { createTestApp } from '../testing/test-app.ts';

const asOf = '2026-06-30';
const secret = defaultEmulatorClient.clientSecret;
const config = parseEnv({
  NODE_ENV: 'test',
  HUBSPOT_CLIENT_ID: defaultEmulatorClient.clientId,
  HUBSPOT_CLIENT_SECRET: secret,
  // HubSpot signs the URL it called: the server's public one, not the host a proxy forwards to.
  RIPE_PUBLIC_URL: 'https://ripe.example',
});
const origin = 'https://ripe.example';

describeOnEachBackend(process.env.DATABASE_URL, 'the HubSpot app routes', ({ db }) => {
  const started: HubSpotDemoOrg[] = [];
  afterAll(async () => {
    await Promise.all(started.map((demo) => demo.close()));
  });

  async function setup() {
    // A portal of its own per test: a PostgreSQL test database keeps earlier runs' orgs.
    const demo = await startHubSpotDemoOrg(db(), {
      accounts: 24,
      seed: 5,
      asOf,
      portalId: randomInt(10_000_000, 99_999_999),
    });
    started.push(demo);
    await demo.runNight(asOf);
    const { app, logLines } = createTestApp(db(), {
      config,
      resolveConnector: demo.resolverOver(undefined),
    });
    const caller = (email = 'csm@acme.example') =>
      new URLSearchParams({
        portalId: demo.portalId,
        userId: '4242',
        userEmail: email,
        appId: '77',
      }).toString();
    /** A request as HubSpot sends it: the caller in the query, signed `ageMs` ago with `key`. */
    const signed = (
      method: 'get' | 'post' | 'patch',
      path: string,
      options: { body?: unknown; ageMs?: number; key?: string; email?: string } = {},
    ) => {
      const url = `${path}${path.includes('?') ? '&' : '?'}${caller(options.email)}`;
      const body = options.body === undefined ? '' : JSON.stringify(options.body);
      const timestamp = String(Date.now() - (options.ageMs ?? 0));
      const signature = signatureV3(
        { method: method.toUpperCase(), uri: `${origin}${url}`, body, timestamp },
        options.key ?? secret,
      );
      const agent = request(app);
      const call = agent[method](url)
        .set('x-hubspot-signature-v3', signature)
        .set('x-hubspot-request-timestamp', timestamp);
      return body ? call.set('content-type', 'application/json').send(body) : call;
    };
    const scored = await withOrg(db(), demo.orgId, (tx) => latestStates(tx, { limit: 1_000 }));
    return { demo, app, logLines, signed, caller, scored };
  }

  it('answers every GET route 401 unsigned or signed six minutes ago, and 200 signed', async () => {
    const { app, signed, caller, scored } = await setup();
    const companyId = scored[0]?.accountId ?? '';
    const routes = apiOperations(app).filter(
      (operation) => operation.method === 'get' && operation.path.startsWith('/v1/hubspot/'),
    );
    expect(routes.map((route) => route.path).sort()).toStrictEqual([
      '/v1/hubspot/card',
      '/v1/hubspot/runs',
      '/v1/hubspot/runs/{runId}/preview',
      '/v1/hubspot/settings',
    ]);
    const runId = (await signed('get', '/v1/hubspot/runs').expect(200)).body[0].id as string;
    for (const route of routes) {
      const filled = route.path.replace('{runId}', runId);
      const path = route.path === '/v1/hubspot/card' ? `${filled}?objectId=${companyId}` : filled;
      const unsigned = await request(app).get(`${path}${path.includes('?') ? '&' : '?'}${caller()}`);
      expect(unsigned.status, `${path} unsigned`).toBe(401);
      expect((await signed('get', path, { ageMs: 6 * 60_000 })).status, `${path} stale`).toBe(401);
      expect((await signed('get', path)).status, `${path} signed`).toBe(200);
    }
  });

  it('refuses a replayed, a wrongly keyed or a tampered request, and logs why without the body', async () => {
    const { app, logLines, signed, scored } = await setup();
    const companyId = scored[0]?.accountId ?? '';
    const first = signed('get', `/v1/hubspot/card?objectId=${companyId}`);
    expect((await first).status).toBe(200);
    // The very same request again: same URL, same timestamp, same signature.
    const timestamp = String(Date.now());
    const url = `/v1/hubspot/card?objectId=${companyId}&portalId=1&userId=1&userEmail=a%40b.example`;
    const signature = signatureV3({ method: 'GET', uri: `${origin}${url}`, body: '', timestamp }, secret);
    const send = () =>
      request(app)
        .get(url)
        .set('x-hubspot-signature-v3', signature)
        .set('x-hubspot-request-timestamp', timestamp);
    expect((await send()).status).not.toBe(401);
    expect((await send()).status).toBe(401);

    expect((await signed('get', '/v1/hubspot/settings', { key: 'not-the-secret' })).status).toBe(401);
    const body = { kind: 'reject', reason: 'secret-reason-in-body' };
    const tampered = signed('post', `/v1/hubspot/card/feedback?objectId=${companyId}`, { body }).send({
      kind: 'approve',
    });
    expect((await tampered).status).toBe(401);
    const refusals = logLines().filter((line) => line.includes('HubSpot request refused'));
    expect(refusals.map((line) => JSON.parse(line).reason)).toStrictEqual(
      expect.arrayContaining(['replayed', 'mismatch']),
    );
    expect(logLines().join('\n')).not.toContain('secret-reason-in-body');
  });

  it('shows a scored company, and says never scored for one the night has not seen', async () => {
    const { signed, scored } = await setup();
    const state = scored[0];
    const card = await signed('get', `/v1/hubspot/card?objectId=${state?.accountId}`).expect(200);
    expect(card.body).toMatchObject({
      state: 'scored',
      companyId: state?.accountId,
      stale: false,
      verdict: { readiness: state?.readiness, score: state?.score, asOf },
      decision: { status: 'new' },
    });
    expect(card.body.verdict.probabilityInterval).toHaveLength(2);
    // The usage chart stored with the verdict: weekly points, oldest first, against the licence.
    const charts = await Promise.all(
      scored.slice(0, 5).map(async (item) => {
        const answer = await signed('get', `/v1/hubspot/card?objectId=${item.accountId}`).expect(200);
        return answer.body.usage;
      }),
    );
    const chart = charts.find((usage) => usage !== null);
    expect(chart?.points.length).toBeGreaterThan(4);
    const dates = chart.points.map((point: { date: string }) => point.date);
    expect(dates).toStrictEqual([...dates].sort());
    const unknown = await signed('get', '/v1/hubspot/card?objectId=999999999').expect(200);
    expect(unknown.body).toStrictEqual({ state: 'never_scored', companyId: '999999999' });
    const bad = await signed('get', '/v1/hubspot/card?objectId=abc').expect(400);
    expect(bad.body.error.issues[0]).toMatchObject({ field: 'objectId' });
  });

  it('approve sets the status in HubSpot and records feedback once; a later night keeps it', async () => {
    const { demo, signed, scored } = await setup();
    const companyId = scored[0]?.accountId ?? '';
    expect(companyIds(demo.portal.emulator.state)).toContain(companyId);
    const approved = await signed('post', `/v1/hubspot/card/feedback?objectId=${companyId}`, {
      body: { kind: 'approve', reason: 'Seats are full and the VP asked' },
    }).expect(201);
    expect(approved.body).toMatchObject({
      feedback: { kind: 'approve', actor: 'csm@acme.example' },
      decision: { status: 'approved' },
    });
    expect(humanValues(demo.portal.emulator.state, companyId).status).toBe('approved');

    await demo.runNight(asOf);
    expect(humanValues(demo.portal.emulator.state, companyId).status).toBe('approved');
    const feedback = await withOrg(db(), demo.orgId, (tx) => listFeedback(tx, companyId));
    expect(feedback.map((item) => [item.kind, item.actor])).toStrictEqual([['approve', 'csm@acme.example']]);
    const card = await signed('get', `/v1/hubspot/card?objectId=${companyId}`).expect(200);
    expect(card.body.decision.status).toBe('approved');
  });

  it('adjusts and rejects with what each needs, refusing what is missing', async () => {
    const { demo, signed, scored } = await setup();
    const companyId = scored[1]?.accountId ?? '';
    const path = `/v1/hubspot/card/feedback?objectId=${companyId}`;
    const missing = await signed('post', path, { body: { kind: 'reject' } }).expect(400);
    expect(missing.body.error.issues.map((issue: { field: string }) => issue.field)).toContain('reason');
    await signed('post', path, { body: { kind: 'adjust', adjustedPotential: 18_000 } }).expect(201);
    expect(humanValues(demo.portal.emulator.state, companyId)).toMatchObject({
      status: 'adjusted',
      adjustedPotential: 18_000,
    });
    await signed('post', path, { body: { kind: 'reject', reason: 'Budget frozen' } }).expect(201);
    expect(humanValues(demo.portal.emulator.state, companyId)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Budget frozen',
    });
    await signed('post', '/v1/hubspot/card/feedback?objectId=999999999', {
      body: { kind: 'approve' },
    }).expect(404);
  });

  it('serves the settings page: members read, admins change, each error names its field', async () => {
    const { demo, signed } = await setup();
    const page = await signed('get', '/v1/hubspot/settings').expect(200);
    expect(page.body.connection).toMatchObject({ status: 'connected', portalId: demo.portalId });
    expect(page.body.connection.scopes.length).toBeGreaterThan(0);
    expect(page.body.settings.rules.composite.readyScore).toEqual(expect.any(Number));

    const patch = { rules: { composite: { readyScore: 66 } } };
    await signed('patch', '/v1/hubspot/settings', { body: patch }).expect(403);
    await withOrg(db(), demo.orgId, (tx) =>
      addMember(tx, { email: 'admin@acme.example', name: 'Ann', role: 'admin' }),
    );
    const admin = { email: 'admin@acme.example' };
    const bad = await signed('patch', '/v1/hubspot/settings', {
      ...admin,
      body: { schedule: { timeOfDay: '25:00', timeZone: 'Mars/Olympus' } },
    }).expect(400);
    expect(bad.body.error.issues.map((issue: { field: string }) => issue.field).sort()).toStrictEqual([
      'schedule.timeOfDay',
      'schedule.timeZone',
    ]);
    const good = await signed('patch', '/v1/hubspot/settings', { ...admin, body: patch }).expect(200);
    expect(good.body.changed).toContain('rules.composite.readyScore');
  });

  it('starts a dry run for an admin and lists it with its API usage when it is done', async () => {
    const { demo, signed } = await setup();
    // Tonight pulls what people changed since the last night: two companies edited in the portal.
    const edited = companyIds(demo.portal.emulator.state).slice(0, 2);
    for (const id of edited) touchCompany(demo.portal.emulator.state, id, new Date().toISOString());
    await signed('post', '/v1/hubspot/dry-run').expect(403);
    await withOrg(db(), demo.orgId, (tx) =>
      addMember(tx, { email: 'admin@acme.example', name: 'Ann', role: 'admin' }),
    );
    const queued = await signed('post', '/v1/hubspot/dry-run', { email: 'admin@acme.example' }).expect(202);
    let run: { id: string; status: string; dryRun: boolean; apiCalls: number } | undefined;
    for (let attempt = 0; attempt < 200 && run?.status !== 'succeeded'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const runs = await signed('get', '/v1/hubspot/runs').expect(200);
      run = runs.body.find((item: { id: string }) => item.id === queued.body.runId);
    }
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(run?.apiCalls).toBeGreaterThan(0);
    // What it would change: the two edited companies, scored again; nothing else is pulled.
    const preview = await signed('get', `/v1/hubspot/runs/${queued.body.runId}/preview`).expect(200);
    expect(preview.body).toMatchObject({ runId: queued.body.runId, scored: 2 });
    const { changed, examples } = preview.body as {
      changed: number;
      examples: { companyId: string; readiness: string; previousReadiness: string | null }[];
    };
    expect(examples).toHaveLength(Math.min(changed, 20));
    for (const example of examples) expect(edited).toContain(example.companyId);
    // Newly ready companies (a task each) come first.
    const newly = examples.map((e) => e.readiness === 'ready' && e.previousReadiness !== 'ready');
    expect(newly).toStrictEqual([...newly].sort((a, b) => Number(b) - Number(a)));
  });
});
