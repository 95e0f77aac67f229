import request from 'supertest';
import { expect, it } from 'vitest';
import { provisionOrg } from '../access/provision-org.ts';
import { parseEnv } from '../config/env.ts';
import type { Database } from '../store/database.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { createTestApp } from './testing/test-app.ts';

const metricsToken = 'prometheus-scrape-token-0123456789';

async function adminOf(db: Database): Promise<{ orgId: string; token: string }> {
  const { org, token } = await provisionOrg(db, {
    name: 'App',
    crm: 'sandbox',
    admin: { email: 'admin@app.example', name: 'Admin' },
  });
  return { orgId: org.id, token };
}

describeOnEachBackend(process.env.DATABASE_URL, 'http app', ({ db, backend }) => {
  it('answers /healthz and /readyz once the schema is migrated', async () => {
    const { app } = createTestApp(db());
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app)
      .get('/readyz')
      .expect(200, { status: 'ready', checks: { database: 'up', migrations: 'up' } });
  });

  it('is not ready on a database whose migrations are not applied', async () => {
    const unmigrated = await backend.open();
    try {
      const { app } = createTestApp(unmigrated.db);
      await request(app).get('/healthz').expect(200);
      await request(app)
        .get('/readyz')
        .expect(503, { status: 'unavailable', checks: { database: 'up', migrations: 'pending' } });
    } finally {
      await unmigrated.dispose();
    }
  });

  it('answers 413 payload_too_large for a body over the limit', async () => {
    const config = parseEnv({ NODE_ENV: 'test', RIPE_BODY_LIMIT: '100b' });
    const { app } = createTestApp(db(), { config });
    const { orgId, token } = await adminOf(db());
    const response = await request(app)
      .post(`/v1/orgs/${orgId}/members`)
      .set('authorization', `Bearer ${token}`)
      .send({ name: 'x'.repeat(200) })
      .expect(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('keeps an acceptable caller request id and makes one up otherwise', async () => {
    const { app } = createTestApp(db());
    const kept = await request(app).get('/healthz').set('x-request-id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(app).get('/healthz').set('x-request-id', 'bad id {"forged": true}');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the JSON error format and no stack', async () => {
    const { app } = createTestApp(db());
    const response = await request(app).get('/v1/nowhere').expect(404);
    expect(response.body).toStrictEqual({
      error: { code: 'not_found', message: 'No route GET /v1/nowhere' },
    });
  });

  it('rejects malformed JSON with invalid_request', async () => {
    const { app } = createTestApp(db());
    const { orgId, token } = await adminOf(db());
    const response = await request(app)
      .post(`/v1/orgs/${orgId}/members`)
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    expect(response.body.error.code).toBe('invalid_request');
  });

  it('counts requests by route pattern and status at /metrics, for the holder of its token', async () => {
    const config = parseEnv({ NODE_ENV: 'test', RIPE_METRICS_TOKEN: metricsToken });
    const { app } = createTestApp(db(), { config });
    await request(app).get('/healthz');
    await request(app).get('/v1/openapi.json');
    const metrics = await request(app)
      .get('/metrics')
      .set('authorization', `Bearer ${metricsToken}`)
      .expect(200);
    expect(metrics.text).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(metrics.text).toContain('route="/v1/openapi.json",status="200"');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
  });

  it.each([
    ['no authorization', undefined],
    ['another token', `Bearer ${metricsToken.slice(1)}x`],
    ['the token under another scheme', `Basic ${metricsToken}`],
    ['an API key', 'Bearer ripe_0_0'],
  ])('answers /metrics with %s 401', async (_name, authorization) => {
    const config = parseEnv({ NODE_ENV: 'test', RIPE_METRICS_TOKEN: metricsToken });
    const { app } = createTestApp(db(), { config });
    const call = request(app).get('/metrics');
    const response = await (authorization ? call.set('authorization', authorization) : call).expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body.error.code).toBe('unauthenticated');
    expect(response.text).not.toContain('http_requests_total');
  });

  it('keeps /metrics closed to everyone when no token is configured', async () => {
    const { app } = createTestApp(db());
    const response = await request(app)
      .get('/metrics')
      .set('authorization', 'Bearer anything-at-all-here-0000')
      .expect(401);
    expect(response.body.error.message).toMatch(/set RIPE_METRICS_TOKEN/);
  });
});
