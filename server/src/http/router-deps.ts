import type { Router } from 'express';
import type { AppConfig } from '../config/env.ts';
import type { Database } from '../store/database.ts';
import type { ApiRegistry } from './api/api-registry.ts';
import type { Logger } from './logging/logger.ts';

/** What the app is built from. Engineers adding a service add an optional field here. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  logger: Logger;
  /**
   * Tests only: turns the server-side membership check off, to prove the cross-org suite notices.
   * Nothing in the environment can set it.
   */
  insecureSkipMembershipCheck?: boolean;
  /** Node's default process metrics at /metrics (off in tests that build many apps). */
  defaultMetrics?: boolean;
}

/** What each router receives: the app's deps and the registry its routes declare themselves in. */
export interface RouterDeps extends AppDeps {
  registry: ApiRegistry;
}

/** One entry of `routers.ts`: builds a router whose paths are relative to `/v1`. */
export type RouterFactory = (deps: RouterDeps) => Router;
