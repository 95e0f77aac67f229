import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorBodySchema } from '../errors/error-handler.middleware.ts';
import type { ApiRoute } from './api-route.ts';
import { jsonContentType } from './json-body.ts';

export const apiPrefix = '/v1';

/** `/orgs/:orgId/runs` → `/v1/orgs/{orgId}/runs`. */
export function openApiPath(expressPath: string): string {
  return `${apiPrefix}${expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

function operationOf(route: ApiRoute): ZodOpenApiOperationObject {
  const status = route.status ?? 200;
  const access = route.access;
  const isOrg = access.kind !== 'public';
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    ...(access.kind === 'hubspot'
      ? {
          security: [{ hubspotSignature: [] }],
          'x-ripe-access': { role: access.role, org: "the HubSpot portal's", member: "the HubSpot user's" },
        }
      : access.kind !== 'public'
        ? {
            security: [{ apiKey: [] }],
            'x-ripe-access': {
              role: access.role,
              scope: access.scope,
              ...(access.kind === 'key' ? { org: "the API key's" } : {}),
            },
          }
        : { security: [], 'x-ripe-public': access.reason }),
    requestParams: { path: route.params, ...(route.query ? { query: route.query } : {}) },
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (route.bodyContentTypes ?? [jsonContentType]).map((type) => [
                type,
                {
                  schema: route.body,
                  ...(route.bodyExample !== undefined ? { example: route.bodyExample } : {}),
                },
              ]),
            ),
          },
        }
      : {}),
    responses: {
      [status]: {
        description: route.summary,
        ...(status === 204
          ? {}
          : {
              content: { [route.rawResponse?.contentType ?? 'application/json']: { schema: route.response } },
            }),
      },
      400: errorResponse('The request is invalid: a field at fault, an unknown key, a string with NUL'),
      ...(route.body
        ? {
            413: errorResponse('The body is too large'),
            415: errorResponse(
              `The body is not sent as ${(route.bodyContentTypes ?? [jsonContentType]).join(' or ')}`,
            ),
          }
        : {}),
      ...(access.kind === 'hubspot'
        ? {
            401: errorResponse(
              'No valid HubSpot signature: missing, wrong, older than five minutes or replayed',
            ),
            403: errorResponse("The HubSpot user's role in Ripe does not allow this"),
            404: errorResponse('The HubSpot account is not connected to Ripe, or the record is not found'),
          }
        : isOrg
          ? {
              401: errorResponse('No valid API key'),
              403: errorResponse("The key's role or scopes do not allow this"),
              404: errorResponse('Not found, or not an org of the caller'),
            }
          : {}),
    },
  };
}

/** The OpenAPI 3.1 document of the routes, generated from their zod schemas. */
export function createOpenApiDocument(routes: readonly ApiRoute[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const item = (paths[path] ??= {});
    if (item[route.method]) throw new Error(`Two routes declare ${route.method.toUpperCase()} ${path}`);
    item[route.method] = operationOf(route);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ripe API',
      version,
      description: 'Expansion readiness of CRM accounts. Every org route needs an API key of that org.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `ripe_<keyId>_<secret>`' },
        hubspotSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'X-HubSpot-Signature-v3',
          description:
            "HubSpot's v3 request signature (with X-HubSpot-Request-Timestamp): base64 HMAC-SHA256 of method, URL, " +
            "body and timestamp keyed with the app's client secret; five minutes valid, used once. The routes under " +
            '/v1/hubspot are called by the HubSpot app with hubspot.fetch, which signs them.',
        },
      },
    },
    paths,
  });
}
