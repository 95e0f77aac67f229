import { findUnknownKeys, findUnsafeText, RipeError, toFieldIssues, type FieldIssue } from '@ripe/shared';
import { Router, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { withOrg, type OrgTransaction } from '../../store/org-scope.ts';
import { hubspotCallOf, hubspotSignedRequest } from '../hubspot/hubspot-request.middleware.ts';
import { authenticate, authOf, requireOrgAccess } from '../auth/auth.middleware.ts';
import { setMetricsRoute } from '../metrics/http-metrics.ts';
import type { RouterDeps } from '../router-deps.ts';
import type { ApiRoute } from './api-route.ts';
import { jsonBody, jsonContentType } from './json-body.ts';
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
    const access = route.access;
    const guards: RequestHandler[] =
      access.kind === 'public'
        ? []
        : access.kind === 'hubspot'
          ? [
              // Reads the body itself: the signature covers the raw bytes.
              hubspotSignedRequest(deps, {
                role: access.role,
                bodyLimit: route.bodyLimit ?? deps.config.http.bodyLimit,
              }),
            ]
          : [
              authenticate(deps),
              requireOrgAccess(access.role, access.scope, {
                // A key route's org is the key's own: there is no path org to check it against.
                skipMembershipCheck: access.kind === 'key' || deps.insecureSkipMembershipCheck,
              }),
            ];
    // The body is read only once the caller is known to be allowed.
    const body =
      route.body && access.kind !== 'hubspot'
        ? [
            jsonBody({
              limit: route.bodyLimit ?? deps.config.http.bodyLimit,
              contentTypes: route.bodyContentTypes ?? [jsonContentType],
            }),
          ]
        : [];
    router[route.method](route.path, labelRoute(route), ...guards, ...body, async (req, res) => {
      const params = parseInput(route.params, req.params, 'path');
      const query = route.query ? parseInput(route.query, req.query, 'query') : {};
      const body = route.body
        ? parseInput(route.body, req.body, 'body', route.itemsCheckedByHandler)
        : undefined;
      const base = { params, query, body, req, res, deps };
      const result =
        access.kind === 'hubspot'
          ? await route.handle({ ...base, ...hubspotContext(deps, res) })
          : access.kind !== 'public'
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

function hubspotContext(deps: RouterDeps, res: Response) {
  const { orgId, ...caller } = hubspotCallOf(res);
  return {
    caller,
    orgId,
    withOrg: <T>(fn: (tx: OrgTransaction) => Promise<T>) => withOrg(deps.db, orgId, fn),
  };
}

function labelRoute(route: ApiRoute): RequestHandler {
  const label = `${apiPrefix}${route.path}`;
  return (_req, res, next) => {
    setMetricsRoute(res.locals, label);
    next();
  };
}

/**
 * Every input of every route goes through here: strings that cannot be stored (NUL, lone
 * surrogates) and keys no schema names are refused with the fields at fault, like a schema error.
 */
function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  part: string,
  itemsCheckedByHandler?: string,
): z.output<Schema> {
  const given = input ?? {};
  const unsafe = findUnsafeText(withoutItems(given, itemsCheckedByHandler));
  if (unsafe.length > 0) {
    throw invalidRequest(
      part,
      unsafe.map((found) => issue(part, found.path, found.problem)),
    );
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw invalidRequest(part, toFieldIssues('request', part, parsed.error));
  const unknown = findUnknownKeys(given, parsed.data);
  if (unknown.length > 0) {
    throw invalidRequest(
      part,
      unknown.map((path) =>
        issue(part, path, `is not a field of this ${part === 'query' ? 'query' : 'request'}`),
      ),
    );
  }
  return parsed.data;
}

function invalidRequest(part: string, issues: FieldIssue[]): RipeError {
  return new RipeError(
    'invalid_request',
    `The request ${part} is invalid: ${issues.map((found) => `${found.field} ${found.message}`).join('; ')}`,
    { issues },
  );
}

function issue(part: string, field: string, message: string): FieldIssue {
  return { record: 'request', recordId: part, field, message };
}

/** The input without the items a handler validates one by one (their key is kept, emptied). */
function withoutItems(input: unknown, key: string | undefined): unknown {
  if (key === undefined || typeof input !== 'object' || input === null || !(key in input)) return input;
  return { ...input, [key]: [] };
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
