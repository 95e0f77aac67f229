import type { AppConfig } from '../config/env.ts';
import { startServer, type RunningServer, type StartOptions } from '../http/server.ts';
import type { AppDeps } from '../runtime/app-deps.ts';
import { backgroundServices } from './background-services.ts';
import { connectorAuthFromConfig, nightConnectors } from './crm-connectors.ts';

/** The composition root of `ripe serve`: the HTTP app and the background services beside it. */
export function serveRipe(
  config: AppConfig,
  options: StartOptions & { pages?: AppDeps['pages'] } = {},
): Promise<RunningServer> {
  const { pages, ...start } = options;
  return startServer(config, {
    services: backgroundServices,
    extend: ({ db }) => ({
      connectorAuth: connectorAuthFromConfig(config),
      resolveConnector: nightConnectors(db, config),
      ...(pages ? { pages } : {}),
    }),
    ...start,
  });
}
