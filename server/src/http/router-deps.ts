import type { Router } from 'express';
import type { AppDeps } from '../runtime/app-deps.ts';
import type { ApiRegistry } from './api/api-registry.ts';

export type { AppDeps };

/** What each router receives: the app's deps and the registry its routes declare themselves in. */
export interface RouterDeps extends AppDeps {
  registry: ApiRegistry;
}

/** One entry of `routers.ts`: builds a router whose paths are relative to `/v1`. */
export type RouterFactory = (deps: RouterDeps) => Router;
