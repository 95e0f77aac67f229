import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { expect, it } from 'vitest';
import { createApiKey } from '../../access/api-keys.repository.ts';
import { addMember } from '../../access/members.repository.ts';
import { provisionOrg } from '../../access/provision-org.ts';
import { parseEnv } from '../../config/env.ts';
import { createOAuthState } from '../../connectors/connections/oauth-states.repository.ts';
import { createFakeConnectorAuth } from '../../connectors/connections/testing/fake-connector-auth.ts';
import { withOrg } from '../../store/index.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

const config = parseEnv({ NODE_ENV: 'test', RIPE_MASTER_KEY: randomBytes(32).toString('base64') });

describeOnEachBackend(process.env.DATABASE_URL, 'connections routes', ({ db }) => {
  async function setup(crm: 'hubspot' | 'salesforce' = 'hubspot') {
    const auth = createFakeConnectorAuth({ now: () => new Date() });
    const { app, logLines } = createTestApp(db(), {
      config,
      connectorAuth: (kind) => (kind === 'hubspot' || kind === 'salesforce' ? auth : undefined),
    });
    const marker = randomBytes(4).toString('hex');
    const { org, token, admin } = await provisionOrg(db(), {
      name: 'Acme',
      crm,
      externalId: `portal-${marker}`,
      admin: { email: `admin@${marker}.example`, name: 'Ann' },
    });
    return { app, logLines, auth, orgId: org.id, adminId: admin.id, bearer: `Bearer ${token}` };
  }

  /** The state the authorize URL carries. */
  const stateOf = (url: string) => new URL(url).searchParams.get('state') ?? '';

  it('connects: authorize, callback, connection; tokens never in a response or a log', async () => {
    const { app, logLines, auth, orgId, bearer } = await setup();
    const started = await request(app)
      .post(`/v1/orgs/${orgId}/connections/hubspot/authorize`)
      .set('authorization', bearer)
      .set('host', 'ripe.example')
      .expect(200);
    const url = new URL(started.body.url);
    expect(url.searchParams.get('redirect_uri')).toBe('http://ripe.example/v1/oauth/hubspot/callback');
    expect(stateOf(started.body.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const callback = await request(app)
      .get('/v1/oauth/hubspot/callback')
      .query({ code: 'good-code', state: stateOf(started.body.url) })
      .expect(200);
    expect(callback.text).toContain('HubSpot is connected to Ripe');
    expect(auth.exchanged).toStrictEqual(['good-code']);

    const connection = await request(app).get(`/v1/orgs/${orgId}/connection`).set('authorization', bearer);
    expect(connection.body).toStrictEqual({
      crm: 'hubspot',
      instance: 'https://acme.my.salesforce.example',
      status: 'connected',
      statusReason: null,
      scopes: ['api', 'refresh_token'],
      tokenExpiresAt: expect.any(String),
      connectedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const audit = await request(app).get(`/v1/orgs/${orgId}/audit`).set('authorization', bearer);
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toContain(
      'connection.connected',
    );

    const revoked = await request(app).delete(`/v1/orgs/${orgId}/connection`).set('authorization', bearer);
    expect(revoked.body).toMatchObject({ status: 'revoked', statusReason: expect.any(String) });
    const secrets = await request(app).get(`/v1/orgs/${orgId}/secrets`).set('authorization', bearer);
    expect(secrets.body).toStrictEqual([]);

    const everything = [started, callback, connection, audit, revoked].map((r) => r.text).join('\n');
    for (const text of [everything, logLines().join('\n')]) {
      expect(text).not.toContain('access-exchange');
      expect(text).not.toContain('refresh-exchange');
      expect(text).not.toContain('good-code');
    }
  });

  it('refuses a replayed, expired or other-CRM state, and a member who is not an admin', async () => {
    const { app, orgId, adminId, bearer } = await setup();
    const authorize = async () => {
      const response = await request(app)
        .post(`/v1/orgs/${orgId}/connections/hubspot/authorize`)
        .set('authorization', bearer)
        .expect(200);
      return stateOf(response.body.url);
    };
    const callback = (crm: string, state: string) =>
      request(app).get(`/v1/oauth/${crm}/callback`).query({ code: 'good-code', state });

    const replayed = await authorize();
    await callback('hubspot', replayed).expect(200);
    const replay = await callback('hubspot', replayed).expect(400);
    expect(replay.body.error.code).toBe('invalid_request');

    const refused = await request(app)
      .get('/v1/oauth/hubspot/callback')
      .query({ code: 'bad-code', state: await authorize() })
      .expect(400);
    expect(refused.body.error.message).toBe('HubSpot did not complete the connection: The code is invalid');

    const other = await authorize();
    expect((await callback('salesforce', other).expect(400)).body.error.message).toContain('HubSpot');
    // Consumed by the wrong callback: it cannot be used at the right one either.
    await callback('hubspot', other).expect(400);

    const expired = await withOrg(db(), orgId, (tx) =>
      createOAuthState(tx, {
        memberId: adminId,
        crm: 'hubspot',
        redirectUri: 'http://ripe.example/v1/oauth/hubspot/callback',
        now: new Date(Date.now() - 11 * 60_000),
      }),
    );
    expect((await callback('hubspot', expired.state).expect(400)).body.error.message).toContain('expired');
    await callback('hubspot', 'not-a-state').expect(400);
    // A declined consent comes back with the CRM's own description: the admin reads why, not an unknown key.
    const declined = await request(app)
      .get('/v1/oauth/hubspot/callback')
      .query({
        state: await authorize(),
        error: 'access_denied',
        error_description: 'end-user denied authorization',
      })
      .expect(400);
    expect(declined.body.error.message).toContain('access_denied');

    const member = await withOrg(db(), orgId, async (tx) => {
      const added = await addMember(tx, { email: 'mo@acme.example', name: 'Mo', role: 'member' });
      return createApiKey(tx, { memberId: added.id, name: 'mo', scopes: ['read', 'write', 'admin'] });
    });
    const asMember = `Bearer ${member.token}`;
    await request(app)
      .post(`/v1/orgs/${orgId}/connections/hubspot/authorize`)
      .set('authorization', asMember)
      .expect(403);
    await request(app).delete(`/v1/orgs/${orgId}/connection`).set('authorization', asMember).expect(403);
    await request(app).get(`/v1/orgs/${orgId}/connection`).set('authorization', asMember).expect(200);
  });

  it('answers 409 connector_unavailable for a CRM without a connector, and conflict for another CRM', async () => {
    const { app: withFake, orgId, bearer } = await setup('salesforce');
    const unregistered = createTestApp(db(), { config }).app;
    const response = await request(unregistered)
      .post(`/v1/orgs/${orgId}/connections/salesforce/authorize`)
      .set('authorization', bearer)
      .expect(409);
    expect(response.body.error.code).toBe('connector_unavailable');
    const other = await request(withFake)
      .post(`/v1/orgs/${orgId}/connections/hubspot/authorize`)
      .set('authorization', bearer)
      .expect(409);
    expect(other.body.error.code).toBe('conflict');
  });
});
