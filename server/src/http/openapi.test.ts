import { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from '../config/env.ts';
import type { Database } from '../store/database.ts';
import { ApiRegistry } from './api/api-registry.ts';
import { apiRouter } from './api/api-router.ts';
import { defineOrgRoute } from './api/api-route.ts';
import { openApiPath } from './api/openapi-document.ts';
import { createLogger } from '../logging/logger.ts';
import type { RouterDeps, RouterFactory } from './router-deps.ts';
import { routers } from './routers.ts';

interface StackLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: unknown[] };
}

/** `METHOD /v1/path` of every route an express router serves; a nested router cannot be checked. */
function mountedRoutes(router: Router): string[] {
  return (router.stack as StackLayer[]).flatMap((layer) => {
    if (layer.handle?.stack)
      throw new Error('A nested router hides its paths: declare routes with apiRouter');
    if (!layer.route) return [];
    const path = openApiPath(layer.route.path);
    return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
  });
}

function documentedRoutes(registry: ApiRegistry): string[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
  return Object.entries(registry.document().paths ?? {}).flatMap(([path, item]) =>
    methods.filter((method) => item?.[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function build(factories: readonly RouterFactory[]): { mounted: string[]; registry: ApiRegistry } {
  const registry = new ApiRegistry('test');
  const deps: RouterDeps = {
    // Building a router only captures the database; no route runs here.
    db: {} as Database,
    config: parseEnv({ NODE_ENV: 'test' }),
    logger: createLogger({ level: 'silent' }),
    registry,
  };
  const mounted = factories.flatMap((factory) => mountedRoutes(factory(deps)));
  return { mounted, registry };
}

describe('OpenAPI document', () => {
  it('describes every route mounted under /v1, and nothing else', () => {
    const { mounted, registry } = build(routers);
    expect(mounted.length).toBeGreaterThan(15);
    expect(documentedRoutes(registry).sort()).toStrictEqual([...mounted].sort());
  });

  it('notices a route mounted without its schemas', () => {
    const sneaky: RouterFactory = () => {
      const router = Router();
      router.get('/orgs/:orgId/secret-report', (_req, res) => {
        res.json({});
      });
      return router;
    };
    const { mounted, registry } = build([...routers, sneaky]);
    const undocumented = mounted.filter((route) => !documentedRoutes(registry).includes(route));
    expect(undocumented).toStrictEqual(['GET /v1/orgs/{orgId}/secret-report']);
  });

  it('documents access, parameters, body example and error responses of an org route', () => {
    const registry = new ApiRegistry('test');
    const route = defineOrgRoute({
      method: 'post',
      path: '/orgs/:orgId/things/:thingId',
      summary: 'Adds a thing',
      tags: ['things'],
      access: { role: 'manager', scope: 'write' },
      params: z.object({ orgId: z.string(), thingId: z.uuid() }),
      body: z.object({ name: z.string() }),
      bodyExample: { name: 'a thing' },
      status: 201,
      response: z.object({ id: z.uuid() }),
      handler: async () => ({ id: '00000000-0000-4000-8000-000000000000' }),
    });
    registry.add(route);
    const operation = registry.document().paths?.['/v1/orgs/{orgId}/things/{thingId}']?.post;
    expect(operation).toMatchObject({
      security: [{ apiKey: [] }],
      'x-ripe-access': { role: 'manager', scope: 'write' },
      requestBody: { content: { 'application/json': { example: { name: 'a thing' } } } },
    });
    expect(Object.keys(operation?.responses ?? {}).sort()).toStrictEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
    ]);
    expect(
      operation?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : '')),
    ).toStrictEqual(['orgId', 'thingId']);
  });

  it('refuses a route whose path parameter has no schema, or whose body has no example', () => {
    const deps = { registry: new ApiRegistry('test') } as RouterDeps;
    const base = {
      method: 'get' as const,
      summary: 'x',
      tags: [],
      access: { role: 'member' as const, scope: 'read' as const },
      response: z.object({}),
      handler: async () => ({}),
    };
    expect(() =>
      apiRouter(deps, [
        defineOrgRoute({ ...base, path: '/orgs/:orgId/x/:xId', params: z.object({ orgId: z.string() }) }),
      ]),
    ).toThrow('path parameter xId has no schema');
    expect(() =>
      apiRouter(deps, [
        defineOrgRoute({
          ...base,
          path: '/orgs/:orgId/y',
          params: z.object({ orgId: z.string() }),
          body: z.object({}),
        }),
      ]),
    ).toThrow('needs a bodyExample');
  });
});
