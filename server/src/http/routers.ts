import type { RouterFactory } from './router-deps.ts';
import { openApiRouter } from './routes/openapi.routes.ts';

/**
 * Every router of the API, mounted under `/v1` in this order. Add yours here: one line, a factory
 * building its routes with `apiRouter(deps, [...])` so they appear in /v1/openapi.json and are
 * covered by the cross-org suite.
 */
export const routers: RouterFactory[] = [openApiRouter];
