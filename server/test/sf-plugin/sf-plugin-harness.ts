// The `sf ripe` commands run as the plugin template runs them (@salesforce/core's TestContext, an sf CLI org
// from MockTestOrgData, the command's UX stubbed) against a real in-process Ripe backend, whose Salesforce
// org is the emulator — the very org the sf CLI is "logged into": its instance URL and an access token it issued.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { stubSfCommandUx, stubSpinner } from '@salesforce/sf-plugins-core';
import { provisionOrg } from '../../src/access/provision-org.ts';
import { parseEnv } from '../../src/config/env.ts';
import { secret } from '../../src/config/secret.ts';
import { salesforceAuth } from '../../src/connectors/salesforce/salesforce-auth.ts';
import {
  emulatorFieldMapping,
  startEmulatorOrg,
  type EmulatorOrg,
} from '../../src/connectors/salesforce/emulator/emulator-org.ts';
import { recordInstance, upsertConnection } from '../../src/connectors/connections/connections.repository.ts';
import { createTestApp } from '../../src/http/testing/test-app.ts';
import type { Database } from '../../src/store/database.ts';
import { withOrg } from '../../src/store/org-scope.ts';

/** The plugin's root: oclif reads its package.json (`oclif` section, topics) from there. */
export const pluginRoot = fileURLToPath(new URL('../../../sf-plugin/', import.meta.url));
export const AS_OF = '2026-06-30';

export interface RipeBackend {
  url: string;
  orgId: string;
  apiKey: string;
  emulator: EmulatorOrg;
  close(): Promise<void>;
}

/**
 * A Salesforce emulator org of `accounts` accounts, a Ripe org connected to it (its instance, the emulator's
 * field mapping in its settings) and the backend serving the API on loopback, its nights through the emulator.
 * `connected: false` leaves the connecting to the OAuth install, against the emulator's consent screen.
 */
export async function startRipeBackend(
  db: Database,
  accounts = 24,
  { connected = true }: { connected?: boolean } = {},
): Promise<RipeBackend> {
  const emulator = await startEmulatorOrg({ port: 0, accounts, seed: 11, asOf: AS_OF });
  const provisioned = await provisionOrg(db, {
    name: 'Acme (Salesforce)',
    crm: 'salesforce',
    externalId: emulator.emulator.oauth.orgId,
    admin: { email: 'admin@acme.example', name: 'Admin' },
  });
  const orgId = provisioned.org.id;
  if (connected) {
    await withOrg(db, orgId, async (tx) => {
      await upsertConnection(tx, { crm: 'salesforce' });
      await recordInstance(tx, {
        instance: emulator.session.granted.instance,
        scopes: ['api', 'refresh_token'],
      });
    });
  }
  const sfAuth = salesforceAuth({
    loginUrl: emulator.emulator.url,
    clientId: emulator.emulator.oauth.clientId,
    clientSecret: secret(emulator.emulator.oauth.clientSecret),
  });
  const { app } = createTestApp(db, {
    config: parseEnv({ NODE_ENV: 'test', RIPE_MASTER_KEY: randomBytes(32).toString('base64') }),
    connectorAuth: (crm) => (crm === 'salesforce' ? sfAuth : undefined),
    resolveConnector: () => emulator.connector(),
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const patched = await fetch(`${url}/v1/orgs/${orgId}/settings`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${provisioned.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ fieldMapping: emulatorFieldMapping }),
  });
  if (!patched.ok) throw new Error(`The field mapping was refused: ${await patched.text()}`);
  return {
    url,
    orgId,
    apiKey: provisioned.token,
    emulator,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}

export interface SfSession {
  $$: TestContext;
  org: MockTestOrgData;
  ux: ReturnType<typeof stubSfCommandUx>;
  /** What the command printed with `--json`: the sf CLI's envelope. */
  json(): { status: number; result: unknown; warnings: unknown[] };
  logged(): string;
  end(): void;
}

/** The sf CLI logged into the emulator's org, as `sf org login` would leave it; requests really go out. */
export async function sfLoggedInto(
  backend: RipeBackend,
  login: { instanceUrl?: string } = {},
): Promise<SfSession> {
  const $$ = new TestContext({ setup: false });
  $$.init();
  const org = new MockTestOrgData();
  org.instanceUrl = login.instanceUrl ?? backend.emulator.session.granted.instance;
  org.loginUrl = backend.emulator.emulator.url;
  org.orgId = backend.emulator.emulator.oauth.orgId;
  org.accessToken = backend.emulator.emulator.issueAccessToken();
  org.refreshToken = '';
  await $$.stubAuths(org);
  // TestContext fakes every HTTP request of a Connection; these tests talk to the emulator for real.
  $$.SANDBOXES.CONNECTION.restore();
  const ux = stubSfCommandUx($$.SANDBOX);
  stubSpinner($$.SANDBOX);
  process.env.RIPE_API_KEY = backend.apiKey;
  return {
    $$,
    org,
    ux,
    json: () => ux.logJson.lastCall.args[0] as { status: number; result: unknown; warnings: unknown[] },
    logged: () =>
      [...ux.log.getCalls(), ...ux.logSuccess.getCalls(), ...ux.warn.getCalls()]
        .flatMap((call) => call.args)
        .map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)))
        .join('\n'),
    end: () => {
      delete process.env.RIPE_API_KEY;
      process.exitCode = undefined;
      $$.restore();
    },
  };
}

/** The flags naming the target org and Ripe's backend. */
export const ripeArgs = (backend: RipeBackend, session: SfSession) => [
  '--target-org',
  session.org.username,
  '--api-url',
  backend.url,
  '--ripe-org',
  backend.orgId,
];
