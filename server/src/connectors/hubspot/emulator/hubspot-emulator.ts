import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import express from 'express';
import { createSandbox } from '../../../sandbox/sandbox.ts';
import { hubspotLimits, hubspotScopes } from '../provider.ts';
import { appInstallsRoutes } from './app-installs.routes.ts';
import { crmGuard } from './crm-guard.ts';
import { isoAt, type EmulatorClient, type EmulatorContext } from './emulator-context.ts';
import { noFaults, type EmulatorFaults } from './emulator-faults.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import { issueTokens, oauthRoutes } from './oauth.routes.ts';
import { ownersPipelinesRoutes } from './owners-pipelines.routes.ts';
import { defaultDealPipelines } from './pipelines.data.ts';
import { seedSchema } from './portal-schema.ts';
import { emptyPortal, type PortalState } from './portal-state.ts';
import {
  createRateLimiter,
  marketplaceRateLimits,
  type RateLimitOptions,
  type RateLimiter,
} from './rate-limiter.ts';
import { crmRoutes } from './crm.routes.ts';
import { seedFromSandbox } from './seed-portal.ts';
import type { SeededUsage } from './usage-object.seed.ts';

export interface HubSpotEmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Sandbox accounts rendered as companies (0: an empty portal). */
  accounts: number;
  seed: number;
  /** The sandbox day the portal shows, YYYY-MM-DD. */
  asOf: string;
  hubId?: number;
  client?: EmulatorClient;
  accessTokenLifetimeSeconds?: number;
  rateLimits?: Partial<RateLimitOptions>;
  /** Days of daily usage values kept in the usage properties' history (default 120). */
  usageHistoryDays?: number;
  /** Where the seeded usage lives: company property history (default) or `product_usage` custom-object records. */
  usage?: SeededUsage;
  /** The clock the token expiry and the rate limits read (tests pass a fake one). */
  now?: () => number;
}

export interface HubSpotEmulator {
  url: string;
  state: PortalState;
  faults: EmulatorFaults;
  limiter: RateLimiter;
  /** Requests the portal received, by method and route (`POST /crm/v3/objects/companies/batch/update`). */
  requests(): Record<string, number>;
  /** The install step a browser would do: returns the code HubSpot appends to the redirect URL. */
  authorize(redirectUri: string, scopes?: readonly string[]): string;
  /** Skips the install: a fresh access token (and refresh token) for the portal. */
  issueAccessToken(scopes?: readonly string[]): { accessToken: string; refreshToken: string };
  close(): Promise<void>;
}

/** A request's route: ids and tokens in the path replaced by a placeholder. */
function routeOf(path: string): string {
  return path.replace(/^(\/oauth\/v1\/access-tokens\/).+$/, '$1{token}').replace(/\/\d+(?=\/|$)/g, '/{id}');
}

export const defaultEmulatorClient: EmulatorClient = {
  clientId: 'ripe-emulator-client',
  clientSecret: 'ripe-emulator-secret',
};

/** The seeded portal alone, synchronously (a test can hold it before the server listens). */
export function createPortal(
  options: Pick<
    HubSpotEmulatorOptions,
    'accounts' | 'seed' | 'asOf' | 'hubId' | 'usageHistoryDays' | 'usage'
  >,
): PortalState {
  const portal = emptyPortal(options.hubId ?? 24_681_357);
  const at = `${options.asOf}T06:00:00.000Z`;
  seedSchema(portal, at);
  portal.pipelines = defaultDealPipelines(at);
  if (options.accounts > 0) {
    const sandbox = createSandbox({ accounts: options.accounts, seed: options.seed, endDate: options.asOf });
    seedFromSandbox(portal, sandbox, options.accounts, options.asOf, options.usageHistoryDays, options.usage);
  }
  return portal;
}

export async function startHubSpotEmulator(
  options: HubSpotEmulatorOptions & { portal?: PortalState },
): Promise<HubSpotEmulator> {
  const now = options.now ?? Date.now;
  const portal = options.portal ?? createPortal(options);
  const ctx: EmulatorContext = {
    portal,
    now,
    client: options.client ?? defaultEmulatorClient,
    accessTokenLifetimeSeconds:
      options.accessTokenLifetimeSeconds ?? hubspotLimits.accessTokenLifetimeSeconds,
    faults: noFaults(),
    limiter: createRateLimiter({ ...marketplaceRateLimits, ...options.rateLimits }),
  };
  const app = express();
  const requests = new Map<string, number>();
  app.use((req, _res, next) => {
    const route = routeOf(req.path);
    requests.set(`${req.method} ${route}`, (requests.get(`${req.method} ${route}`) ?? 0) + 1);
    next();
  });
  app.use(oauthRoutes(ctx));
  app.use(appInstallsRoutes(ctx));
  app.use('/crm', crmGuard(ctx), express.json({ limit: '10mb' }));
  app.use(ownersPipelinesRoutes(ctx));
  app.use(crmRoutes(ctx));
  app.use((req, res) =>
    sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No route for ${req.method} ${req.path}`),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state: portal,
    faults: ctx.faults,
    limiter: ctx.limiter,
    requests: () => Object.fromEntries(requests),
    authorize(redirectUri, scopes = hubspotScopes) {
      const code = `emu-code-${portal.authorizationCodes.size + 1}-${isoAt(now()).replace(/\D/g, '')}`;
      portal.authorizationCodes.set(code, { redirectUri, scopes });
      return code;
    },
    issueAccessToken(scopes = hubspotScopes) {
      const tokens = issueTokens(ctx, scopes, 9_001);
      return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
