import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { salesforceApiVersion, salesforceLimits } from '../provider.ts';
import { collectionsRouter } from './collections.route.ts';
import { compositeRouter } from './composite.route.ts';
import { bulk2Router } from './bulk2.route.ts';
import { identityRouter } from './identity.route.ts';
import { sobjectRowsRouter } from './sobject-rows.route.ts';
import { dataGate } from './data-gate.middleware.ts';
import { describeRouter } from './describe.route.ts';
import { createFaults, type SalesforceFaults } from './emulator-faults.ts';
import { createEmulatorState, type EmulatorState } from './emulator-state.ts';
import { limitsRouter } from './limits.route.ts';
import { oauthRouter, type OAuthSettings } from './oauth-token.route.ts';
import { queryRouter } from './query.route.ts';
import { sendRestError } from './salesforce-errors.ts';
import { seedRecords } from './seed-records.ts';
import { salesforceId } from './salesforce-id.ts';

export interface SalesforceEmulatorOptions {
  /** 0 picks a free port. The emulator listens on loopback only. */
  port?: number;
  /** Sandbox accounts to render as the org's records (0 for an empty org). */
  accounts: number;
  seed: number;
  /** The sandbox's last day, YYYY-MM-DD (default 2026-06-30). */
  endDate?: string;
  /** The day the org shows (default endDate). */
  asOf?: string;
  /** The org's clock (default Date.now): token expiry and the audit fields. */
  clock?: () => number;
  dailyApiRequests?: number;
  oauth?: Partial<OAuthSettings>;
  longRunningLimit?: number;
  longRunningThresholdMs?: number;
  latencyMs?: number;
  /** Days of daily usage records seeded per account (default 450). */
  usageDays?: number;
}

export interface SalesforceEmulator {
  /** The instance URL, e.g. `http://127.0.0.1:51234`. */
  url: string;
  state: EmulatorState;
  faults: SalesforceFaults;
  oauth: OAuthSettings;
  /** An access token issued as if through the web-server flow, for tests that start past the login. */
  issueAccessToken(): string;
  close(): Promise<void>;
}

const base = `/services/data/v${salesforceApiVersion}`;

export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions,
): Promise<SalesforceEmulator> {
  const state = createEmulatorState({ dailyApiRequests: options.dailyApiRequests, clock: options.clock });
  const faults = createFaults(state);
  const endDate = options.endDate ?? '2026-06-30';
  if (options.accounts > 0) {
    seedRecords(state, {
      accounts: options.accounts,
      seed: options.seed,
      endDate,
      asOf: options.asOf ?? endDate,
      ...(options.usageDays === undefined ? {} : { usageDays: options.usageDays }),
    });
  }
  const oauth: OAuthSettings = {
    clientId: 'ripe-emulator-client',
    clientSecret: 'ripe-emulator-secret',
    orgId: salesforceId('Organization', options.seed + 1),
    userId: salesforceId('User', 1),
    sessionTtlMs: 2 * 60 * 60_000,
    scope: 'api refresh_token',
    ...options.oauth,
  };
  state.apiUserId = oauth.userId;
  let url = '';
  const app = express();
  app.disable('x-powered-by');
  app.use(oauthRouter(state, oauth, () => url));
  const { identity, resources } = identityRouter(state, oauth, base, () => url);
  app.use(identity);
  const gate = dataGate(state, faults.settings, {
    longRunningLimit: options.longRunningLimit ?? salesforceLimits.longRunningConcurrentRequests,
    longRunningThresholdMs: options.longRunningThresholdMs ?? salesforceLimits.longRunningThresholdMs,
    latencyMs: options.latencyMs ?? 0,
  });
  app.use(base, gate, express.json({ limit: '50mb' }));
  app.get([base, `${base}/`], resources);
  app.use(base, queryRouter(state, faults.settings, base));
  app.use(base, limitsRouter(state));
  app.use(base, describeRouter(faults.settings, base));
  app.use(base, collectionsRouter(state, faults.settings));
  app.use(base, compositeRouter(state, faults.settings, base));
  app.use(base, sobjectRowsRouter(state, faults.settings, base));
  app.use(base, bulk2Router(state, faults.settings, base));
  app.use((_req, res) => sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist'));

  // Node refuses large headers itself (431 past 16 KB): a larger cap lets the gate answer as Salesforce does.
  const server = createServer({ maxHeaderSize: 65_536 }, app).listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    faults,
    oauth,
    issueAccessToken() {
      const token = `${oauth.orgId}!emulator${state.accessTokens.size + 1}`;
      state.accessTokens.set(token, { expiresAt: state.now() + oauth.sessionTtlMs });
      return token;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
