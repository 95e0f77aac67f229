import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import { afterEach, expect, it } from 'vitest';
import { provisionOrg } from '../src/access/provision-org.ts';
import { connectorAuthFromConfig, nightConnectors } from '../src/app/crm-connectors.ts';
import { parseEnv } from '../src/config/env.ts';
import { createTestApp } from '../src/http/testing/test-app.ts';
import { runOrgNight, type OrgNightOutcome } from '../src/night/org-night.ts';
import { sandboxPriceBook } from '../src/sandbox/sandbox-price-book.ts';
import { patchOrgSettings } from '../src/settings/settings.service.ts';
import { withOrg } from '../src/store/index.ts';
import { describeOnEachBackend } from '../src/store/testing/store-backends.ts';
import { appUninstalls, uninstallApp } from '../src/connectors/hubspot/emulator/app-installs.routes.ts';
import {
  defaultEmulatorClient,
  startHubSpotEmulator,
  type HubSpotEmulator,
} from '../src/connectors/hubspot/emulator/hubspot-emulator.ts';

const asOf = '2026-06-01';

function failed(outcome: OrgNightOutcome) {
  if (outcome.status !== 'failed') throw new Error(`expected a failed night, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

describeOnEachBackend(process.env.DATABASE_URL, 'HubSpot uninstall', ({ db }) => {
  const started: HubSpotEmulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.close()));
  });

  /** An org connected to an emulated portal through Ripe's install routes, as an admin does it. */
  async function connected() {
    const emulator = await startHubSpotEmulator({ accounts: 4, seed: 5, asOf, hubId: randomInt(1e6, 9e8) });
    started.push(emulator);
    const config = parseEnv({
      NODE_ENV: 'test',
      RIPE_MASTER_KEY: randomBytes(32).toString('base64'),
      HUBSPOT_API_BASE_URL: emulator.url,
      HUBSPOT_CLIENT_ID: defaultEmulatorClient.clientId,
      HUBSPOT_CLIENT_SECRET: defaultEmulatorClient.clientSecret,
    });
    const { app, logLines } = createTestApp(db(), { config, connectorAuth: connectorAuthFromConfig(config) });
    const portalId = String(emulator.state.hubId);
    const { org, token, admin } = await provisionOrg(db(), {
      name: 'Portal',
      crm: 'hubspot',
      externalId: portalId,
      admin: { email: `admin@${portalId}.example`, name: 'Ann' },
    });
    await withOrg(db(), org.id, (tx) =>
      patchOrgSettings(tx, { priceBook: sandboxPriceBook }, { actor: admin.id, secrets: undefined }),
    );
    const bearer = `Bearer ${token}`;
    const started_ = await request(app)
      .post(`/v1/orgs/${org.id}/connections/hubspot/authorize`)
      .set('authorization', bearer)
      .set('host', 'ripe.example')
      .expect(200);
    // The admin approves on the emulator's consent page, which sends the browser back to Ripe's callback.
    const consent = await fetch(started_.body.url as string, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    await request(app).get(back.pathname).query(Object.fromEntries(back.searchParams)).expect(200);
    const night = () =>
      runOrgNight({ db: db(), owner: 'test', resolveConnector: nightConnectors(db(), config) }, org.id, {
        asOf,
      });
    const connection = async () =>
      (await request(app).get(`/v1/orgs/${org.id}/connection`).set('authorization', bearer).expect(200)).body;
    return { emulator, app, logLines, orgId: org.id, portalId, bearer, night, connection };
  }

  it("disconnecting uninstalls Ripe's app from the portal, revokes the connection and stops the nights", async () => {
    const { emulator, app, logLines, orgId, portalId, bearer, night, connection } = await connected();
    expect(await connection()).toMatchObject({ status: 'connected', instance: portalId });

    const disconnected = await request(app)
      .delete(`/v1/orgs/${orgId}/connection`)
      .set('authorization', bearer)
      .expect(200);
    const reason = `Disconnected by an admin, and the Ripe app uninstalled from HubSpot portal ${portalId}: connect it again`;
    expect(disconnected.body).toMatchObject({ status: 'revoked', statusReason: reason });
    expect(appUninstalls(emulator.state)).toStrictEqual([
      { hubId: emulator.state.hubId, at: expect.any(String), by: 'api' },
    ]);
    // HubSpot forgot the portal's tokens; Ripe deleted its copies.
    expect(emulator.state.accessTokens.size + emulator.state.refreshTokens.size).toBe(0);
    const secrets = await request(app).get(`/v1/orgs/${orgId}/secrets`).set('authorization', bearer);
    expect(secrets.body).toStrictEqual([]);

    const calls = JSON.stringify(emulator.requests());
    expect(failed(await night()).failureReason).toBe(reason);
    expect(JSON.stringify(emulator.requests())).toBe(calls);

    // Disconnecting again does not call HubSpot again.
    await request(app).delete(`/v1/orgs/${orgId}/connection`).set('authorization', bearer).expect(200);
    expect(appUninstalls(emulator.state)).toHaveLength(1);
    expect(logLines().join('\n')).not.toMatch(/emu-at-|emu-code-/);
  });

  it('an admin uninstalling the app in HubSpot revokes the connection at the next night, and the nights stop', async () => {
    const { emulator, logLines, night, connection } = await connected();
    uninstallApp(emulator.state, '2026-06-01T09:00:00.000Z');

    const first = failed(await night());
    // HubSpot does not say why it refuses the token: the reason is the refused renewal, word for word the same
    // on the connection and on the nights.
    const reason =
      "HubSpot refused to renew Ripe's access (HubSpot refused the refresh token (missing or unknown refresh " +
      'token)): an admin connects it again';
    const after = await connection();
    expect(after).toMatchObject({ status: 'revoked', statusReason: reason });
    expect(first.failureReason).toContain(reason);

    const calls = JSON.stringify(emulator.requests());
    expect(failed(await night()).failureReason).toBe(after.statusReason);
    expect(JSON.stringify(emulator.requests())).toBe(calls);
    expect(logLines().join('\n')).not.toMatch(/emu-at-|emu-code-/);
  });

  it('a disconnect HubSpot does not confirm still revokes, and says so', async () => {
    const { emulator, app, orgId, portalId, bearer } = await connected();
    // The app is already gone from the portal: its tokens are refused, HubSpot cannot confirm the uninstall.
    uninstallApp(emulator.state, '2026-06-01T09:00:00.000Z');
    const disconnected = await request(app)
      .delete(`/v1/orgs/${orgId}/connection`)
      .set('authorization', bearer)
      .expect(200);
    expect(disconnected.body.status).toBe('revoked');
    expect(disconnected.body.statusReason).toContain(
      `HubSpot did not confirm that the Ripe app was uninstalled from HubSpot portal ${portalId}`,
    );
    expect(disconnected.body.statusReason).toContain('an admin of the portal can uninstall it in HubSpot');
  });
});
