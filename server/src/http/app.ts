import express, { type Application } from 'express';
import { ApiRegistry } from './api/api-registry.ts';
import { apiPrefix } from './api/openapi-document.ts';
import { errorHandler, notFoundHandler } from './errors/error-handler.middleware.ts';
import { healthRouter } from './health/health.routes.ts';
import { httpLogger } from './logging/http-logger.middleware.ts';
import { createHttpMetrics } from './metrics/http-metrics.ts';
import { metricsAccess } from './metrics/metrics-access.ts';
import { requestId } from './request-id.middleware.ts';
import type { AppDeps, RouterFactory } from './router-deps.ts';
import { routers as registeredRouters } from './routers.ts';

export const apiVersion = '1.0.0';

export interface AppOptions {
  /** The routers to mount under /v1 (tests may pass their own); `routers.ts` by default. */
  routers?: readonly RouterFactory[];
}

/** The HTTP application: request ids, logs, metrics, health, the /v1 API and one error format. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Application & { registry: ApiRegistry } {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.http.trustProxyHops);
  const metrics = createHttpMetrics({ defaultMetrics: deps.defaultMetrics ?? true });
  const registry = new ApiRegistry(apiVersion);

  app.use(requestId());
  app.use(httpLogger(deps.logger));
  app.use(metrics.middleware);
  app.use(healthRouter(deps.db));
  app.get('/metrics', metricsAccess(deps.config.http.metricsToken), async (_req, res) => {
    res.locals.metricsRoute = '/metrics';
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Bodies are read by each route after its access checks (api-router), never before.
  for (const factory of options.routers ?? registeredRouters) {
    app.use(apiPrefix, factory({ ...deps, registry }));
  }
  for (const page of deps.pages ?? []) app.use(page.path, page.router);
  app.use(notFoundHandler());
  app.use(errorHandler());
  return Object.assign(app, { registry });
}
