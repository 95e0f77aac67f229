import request from 'supertest';
import { expect, it } from 'vitest';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { createTestApp } from './testing/test-app.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'http app', ({ db }) => {
  it('answers /healthz and /readyz once the schema is migrated', async () => {
    const { app } = createTestApp(db());
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app)
      .get('/readyz')
      .expect(200, { status: 'ready', checks: { database: 'up', migrations: 'up' } });
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
    const response = await request(app)
      .post('/v1/orgs/x/members')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    expect(response.body.error.code).toBe('invalid_request');
  });

  it('counts requests by route pattern and status at /metrics', async () => {
    const { app } = createTestApp(db());
    await request(app).get('/healthz');
    await request(app).get('/v1/openapi.json');
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(metrics.text).toContain('route="/v1/openapi.json",status="200"');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
  });
});
