import { RipeError, toFieldIssues } from '@ripe/shared';
import { Router, type RequestHandler } from 'express';
import type { z } from 'zod';
import { withOrg } from '../../store/org-scope.ts';
import { authenticate, authOf, requireOrgAccess } from '../auth/auth.middleware.ts';
import { setMetricsRoute } from '../metrics/http-metrics.ts';
import type { RouterDeps } from '../router-deps.ts';
import type { ApiRoute } from './api-route.ts';
import { apiPrefix } from './openapi-document.ts';

/**
 * A router of declared routes: each is registered for the OpenAPI document, guarded by its access
 * rule, given validated input, and its result checked against its response schema (which also
 * drops any field the schema does not name).
 */
export function apiRouter(deps: RouterDeps, routes: readonly ApiRoute[]): Router {
  const router = Router();
  for (const route of routes) {
    assertParamsDeclared(route);
    deps.registry.add(route);
    const guards: RequestHandler[] =
      route.access.kind === 'public'
        ? []
        : [
            authenticate(deps),
            requireOrgAccess(route.access.role, route.access.scope, {
              // A key route's org is the key's own: there is no path org to check it against.
              skipMembershipCheck: route.access.kind === 'key' || deps.insecureSkipMembershipCheck,
            }),
          ];
    router[route.method](route.path, labelRoute(route), ...guards, async (req, res) => {
      const params = parseInput(route.params, req.params, 'path');
      const query = route.query ? parseInput(route.query, req.query, 'query') : {};
      const body = route.body ? parseInput(route.body, req.body, 'body') : undefined;
      const base = { params, query, body, req, res, deps };
      const result =
        route.access.kind !== 'public'
          ? await route.handle({
              ...base,
              auth: authOf(res),
              orgId: authOf(res).orgId,
              withOrg: (fn) => withOrg(deps.db, authOf(res).orgId, fn),
            })
          : await route.handle(base);
      if (route.rawResponse) return;
      const status = route.status ?? 200;
      if (status === 204) {
        res.status(204).end();
        return;
      }
      res.status(status).json(route.response.parse(result));
    });
  }
  return router;
}

function labelRoute(route: ApiRoute): RequestHandler {
  const label = `${apiPrefix}${route.path}`;
  return (_req, res, next) => {
    setMetricsRoute(res.locals, label);
    next();
  };
}

function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  part: string,
): z.output<Schema> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new RipeError('invalid_request', `The request ${part} is invalid`, {
      issues: toFieldIssues('request', part, parsed.error),
    });
  }
  return parsed.data;
}

function assertParamsDeclared(route: ApiRoute): void {
  const inPath = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);
  const declared = Object.keys(route.params.shape);
  for (const name of inPath) {
    if (name && !declared.includes(name)) {
      throw new Error(`${route.method.toUpperCase()} ${route.path}: path parameter ${name} has no schema`);
    }
  }
  if (route.body && route.bodyExample === undefined) {
    throw new Error(`${route.method.toUpperCase()} ${route.path}: a route with a body needs a bodyExample`);
  }
}
