import { z } from 'zod';
import { apiRouter } from '../api/api-router.ts';
import { definePublicRoute } from '../api/api-route.ts';
import type { RouterFactory } from '../router-deps.ts';

const getOpenApiDocument = definePublicRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'The OpenAPI document of this API',
  tags: ['meta'],
  publicBecause: 'the description of the API holds no data',
  params: z.object({}),
  response: z.record(z.string(), z.unknown()),
  handler: async ({ deps }) => ({ ...deps.registry.document() }),
});

export const openApiRouter: RouterFactory = (deps) => apiRouter(deps, [getOpenApiDocument]);
