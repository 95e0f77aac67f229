import { hubspotTestEnv, signAsHubSpot } from './testing/hubspot-signing.ts';
import type { Server } from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedKeyringEnv, seedOrg, type SeededOrg } from '../access/testing/seed-orgs.ts';
import { parseEnv } from '../config/env.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { apiOperations, exampleIds, fillPath, type ApiOperation } from './testing/api-attack.ts';
import {
  badBody,
  badPathValue,
  badQueryValue,
  badToken,
  fuzzMarker,
  type BadRequest,
} from './testing/bad-requests.ts';
import { createTestApp, type TestApp } from './testing/test-app.ts';

// Nights are left to (absent) workers: a bad request that got through queues a run, never runs one.
const config = parseEnv({
  NODE_ENV: 'test',
  RIPE_SCHEDULER: 'pg-boss',
  ...seedKeyringEnv,
  ...hubspotTestEnv,
});
const generatedRequests = 2_400;

/**
 * Property: whatever bad input reaches whatever route of the OpenAPI document — in the path, the
 * query, the body, its media type or the API key — the answer is never a server error, and nothing
 * is logged at error level (a caller must not be able to flood the error log).
 */
describeOnEachBackend(process.env.DATABASE_URL, 'route fuzz: bad input on every route', ({ db }) => {
  let org: SeededOrg;
  let test: TestApp;
  let server: Server;

  beforeAll(async () => {
    org = await seedOrg(db(), 'fuzz');
    test = createTestApp(db(), { config });
    server = test.app.listen(0);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it(`answers ${generatedRequests.toLocaleString('en-US')} generated bad requests without a 5xx`, async () => {
    const operations = apiOperations(test.app);
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const queryNames = queryParameters(test.app);
    const ids = exampleIds(org);
    const statuses = new Map<number, number>();
    let sent = 0;

    const badRequest = fc
      .constantFrom(...operations)
      .chain((operation) =>
        fc.tuple(fc.constant(operation), mutation(operation, queryNames.get(key(operation)) ?? [])),
      );

    await fc.assert(
      fc.asyncProperty(badRequest, async ([operation, bad]) => {
        const path = fillPath(operation.path, { ...ids, ...bad.pathIds });
        if (typeof path !== 'string') throw new Error(`no example for ${path.missing}`);
        const rawPath = bad.rawSegment === undefined ? path : path.replace(fuzzMarker, bad.rawSegment);
        const url = `${rawPath}${bad.query ? bad.query(ids) : requiredQuery(operation, ids)}`;
        let call = request(server)[operation.method](url);
        const token = bad.token ? bad.token(org.adminToken) : org.adminToken;
        // The HubSpot app's routes take HubSpot's signature, not a key: a bad token is a bad signature.
        if (operation.access === 'hubspot') {
          const body = bad.body ?? operation.bodyExample;
          const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
          call = signAsHubSpot(call, {
            method: operation.method,
            url,
            body: text,
            ...(bad.token ? { secret: token ?? '' } : {}),
          });
          if (body !== undefined)
            call = call.set('content-type', bad.contentType ?? 'application/json').send(text);
        } else {
          if (token !== null) call = call.set('authorization', `Bearer ${token}`);
          if (bad.body !== undefined) {
            call = call.set('content-type', bad.contentType ?? 'application/json').send(bad.body);
          } else if (operation.bodyExample !== undefined) call = call.send(operation.bodyExample as object);
        }
        const response = await call;
        sent += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(
          response.status,
          `${operation.method.toUpperCase()} ${url} → ${(response.text ?? '').slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      { numRuns: generatedRequests, seed: Number(process.env.FUZZ_SEED ?? 20_261_201) },
    );

    expect(sent).toBeGreaterThanOrEqual(2_000);
    // The generators reach past the access checks: most answers are validation errors, not 401/404.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(sent / 3);
    const errors = test.logLines().filter((line) => /"level":(50|60)/.test(line));
    expect(errors.slice(0, 3)).toStrictEqual([]);
  });
});

function requiredQuery(operation: ApiOperation, ids: Record<string, string>): string {
  const parts = operation.requiredQuery.map((name) => `${name}=${encodeURIComponent(ids[name] ?? '')}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

const key = (operation: ApiOperation) => `${operation.method} ${operation.path}`;

/** One bad thing about a request: where it is depends on what the route takes. */
function mutation(operation: ApiOperation, queryNames: readonly string[]): fc.Arbitrary<BadRequest> {
  const pathNames = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const choices: fc.Arbitrary<BadRequest>[] = [
    badQueryValue(queryNames, operation.requiredQuery),
    badToken(),
  ];
  if (pathNames.length > 0) choices.push(badPathValue(pathNames), badPathValue(pathNames));
  if (operation.bodyExample !== undefined)
    choices.push(badBody(operation.bodyExample), badBody(operation.bodyExample));
  return fc.oneof(...choices);
}

/** The query parameters each operation declares, by `method path`. */
function queryParameters(app: TestApp['app']): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [path, item] of Object.entries(app.registry.document().paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const parameters = item?.[method]?.parameters ?? [];
      names.set(
        `${method} ${path}`,
        parameters.flatMap((parameter) =>
          'in' in parameter && parameter.in === 'query' ? [parameter.name] : [],
        ),
      );
    }
  }
  return names;
}
