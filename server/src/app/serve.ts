import type { AppConfig } from '../config/env.ts';
import type { ConnectorResolver } from '../night/connector-resolver.ts';
import type { Database } from '../store/database.ts';
import { startServer, type RunningServer, type StartOptions } from '../http/server.ts';
import type { AppDeps } from '../runtime/app-deps.ts';
import { backgroundServices } from './background-services.ts';
import { connectorAuthFromConfig, nightConnectors } from './crm-connectors.ts';

/** The composition root of `ripe serve`: the HTTP app and the background services beside it. */
export async function serveRipe(
  config: AppConfig,
  options: StartOptions & { pages?: AppDeps['pages']; demo?: DemoOrgs } = {},
): Promise<RunningServer> {
  const { pages, demo, ...start } = options;
  let closeDemo: (() => Promise<void>) | undefined;
  const server = await startServer(config, {
    services: backgroundServices,
    extend: async ({ db }) => {
      const resolve = nightConnectors(db, config);
      const demoOrgs = demo ? await demo(db, resolve) : undefined;
      closeDemo = demoOrgs?.close;
      return {
        connectorAuth: connectorAuthFromConfig(config),
        resolveConnector: demoOrgs?.resolveConnector ?? resolve,
        ...(pages ? { pages } : {}),
      };
    },
    ...start,
  });
  return {
    ...server,
    close: async () => {
      await server.close();
      await closeDemo?.();
    },
  };
}

/** Demo orgs set up in the server's database at start (`ripe serve --demo`), with their connectors. */
export type DemoOrgs = (
  db: Database,
  resolve: ConnectorResolver,
) => Promise<{ resolveConnector: ConnectorResolver; close(): Promise<void> }>;
