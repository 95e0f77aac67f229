import type { Router } from 'express';
import type { AppConfig } from '../config/env.ts';
import type { ConnectorAuthRegistry } from '../connectors/connections/oauth-install.ts';
import type { Logger } from '../logging/logger.ts';
import type { Database } from '../store/database.ts';
import type { ConnectorResolver } from '../night/connector-resolver.ts';

/** What the app and its background services are built from. Engineers adding a service add an optional field here. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  logger: Logger;
  /**
   * Tests only: turns the server-side membership check off, to prove the cross-org suite notices.
   * Nothing in the environment can set it.
   */
  insecureSkipMembershipCheck?: boolean;
  /**
   * The OAuth half of each CRM connector, for the install routes; a CRM without one answers
   * `connector_unavailable` when an admin tries to connect it.
   */
  connectorAuth?: ConnectorAuthRegistry;
  /** The connectors the nights of this process use; the sandbox only when absent. */
  resolveConnector?: ConnectorResolver;
  /** Pages served beside the API (`ripe serve --demo`: the Salesforce card's preview), by their base path. */
  pages?: readonly { path: string; router: Router }[];
  /** Node's default process metrics at /metrics (off in tests that build many apps). */
  defaultMetrics?: boolean;
}

/** Something that runs beside the HTTP server (a scheduler, a worker) and stops before the database closes. */
export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export type BackgroundService = (deps: AppDeps) => Promise<RunningService>;
