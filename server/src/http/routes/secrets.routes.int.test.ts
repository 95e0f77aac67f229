import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { expect, it } from 'vitest';
import { provisionOrg } from '../../access/provision-org.ts';
import { parseEnv } from '../../config/env.ts';
import { createSecretsRepository, keyringFromConfig } from '../../secrets/index.ts';
import { withOrg } from '../../store/index.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

const config = parseEnv({ NODE_ENV: 'test', RIPE_MASTER_KEY: randomBytes(32).toString('base64') });

describeOnEachBackend(process.env.DATABASE_URL, 'secrets routes', ({ db }) => {
  it('sets, lists without values, rotates and deletes secrets, each audited', async () => {
    const { app, logLines } = createTestApp(db(), { config });
    const { org, token } = await provisionOrg(db(), {
      name: 'Acme',
      crm: 'sandbox',
      admin: { email: 'admin@acme.example', name: 'Ann' },
    });
    const auth = `Bearer ${token}`;
    const base = `/v1/orgs/${org.id}/secrets`;
    const value = `whsec_${randomBytes(24).toString('base64url')}`;
    await request(app)
      .put(`${base}/webhooks.signing_secret`)
      .set('authorization', auth)
      .send({ value })
      .expect(204);
    await request(app).put(`${base}/Not A Name`).set('authorization', auth).send({ value }).expect(400);

    const listed = await request(app).get(base).set('authorization', auth).expect(200);
    expect(listed.body).toStrictEqual([
      { name: 'webhooks.signing_secret', dataKeyVersion: 1, updatedAt: expect.any(String) },
    ]);
    const rotated = await request(app).post(`${base}/rotate`).set('authorization', auth).expect(200);
    expect(rotated.body).toStrictEqual({
      dataKeyVersion: 2,
      newVersion: true,
      reEncrypted: 1,
      retiredVersions: [1],
    });
    const stored = await withOrg(db(), org.id, (tx) =>
      createSecretsRepository(keyringFromConfig(config.secrets)!).getSecret(tx, 'webhooks.signing_secret'),
    );
    expect(stored).toBe(value);

    await request(app).delete(`${base}/webhooks.signing_secret`).set('authorization', auth).expect(204);
    await request(app).delete(`${base}/webhooks.signing_secret`).set('authorization', auth).expect(404);
    const audit = await request(app).get(`/v1/orgs/${org.id}/audit`).set('authorization', auth).expect(200);
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toStrictEqual([
      'secret.deleted',
      'data_key.rotated',
      'secret.updated',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(value);
    expect(logLines().join('\n')).not.toContain(value);
  });

  it('answers a server error, without detail, when no master key is configured', async () => {
    const { app } = createTestApp(db(), { config: parseEnv({ NODE_ENV: 'test' }) });
    const { org, token } = await provisionOrg(db(), {
      name: 'Keyless',
      crm: 'sandbox',
      admin: { email: 'admin@keyless.example', name: 'Ann' },
    });
    const response = await request(app)
      .put(`/v1/orgs/${org.id}/secrets/slack.signing_secret`)
      .set('authorization', `Bearer ${token}`)
      .send({ value: 'x' })
      .expect(500);
    expect(response.body).toStrictEqual({
      error: { code: 'invalid_keyring', message: 'Internal server error' },
    });
  });
});
