import { signAsHubSpot } from './hubspot-signing.ts';
import type { Application } from 'express';
import request from 'supertest';
import { leakedFingerprints } from '../../access/testing/org-snapshot.ts';
import type { SeededOrg } from '../../access/testing/seed-orgs.ts';
import type { ApiRegistry } from '../api/api-registry.ts';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. `/v1/orgs/{orgId}/runs/{runId}`. */
  path: string;
  /** `org`: the path names the org; `key`: the org is the API key's own; `public`: no key. */
  access: 'org' | 'key' | 'public' | 'hubspot';
  /** Query parameters the route cannot do without. */
  requiredQuery: string[];
  bodyExample: unknown;
}

export interface ApiFinding {
  operation: string;
  problem: string;
}

/**
 * The id to put in each path parameter when aiming at an org. A route with a parameter missing here
 * is reported, not skipped: add the parameter with an id of the seeded org's data.
 */
export function exampleIds(org: SeededOrg): Record<string, string> {
  return {
    orgId: org.orgId,
    runId: org.runId,
    memberId: org.memberId,
    keyId: org.keyId,
    accountId: org.accountId,
    name: org.secretName,
    crm: 'hubspot',
    // Query parameters that are not ids.
    since: '2026-01-01',
    // Not a state of any org: the OAuth callback must answer 400 and nothing else.
    state: 'not-a-state',
    // What HubSpot appends to the app's calls: the org's portal, its admin as the HubSpot user.
    portalId: org.portalId,
    userId: '4242',
    userEmail: org.adminEmail,
    objectId: org.accountId,
  };
}

/** The path with its ids, and a query string for the required query parameters. */
export function operationUrl(
  operation: ApiOperation,
  ids: Record<string, string>,
): string | { missing: string } {
  const path = fillPath(operation.path, ids);
  if (typeof path !== 'string') return path;
  const query = new URLSearchParams();
  for (const name of operation.requiredQuery) {
    const value = ids[name];
    if (value === undefined) return { missing: name };
    query.set(name, value);
  }
  return query.size > 0 ? `${path}?${query.toString()}` : path;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the app's OpenAPI document (which a test proves lists every mounted route). */
export function apiOperations(app: { registry: ApiRegistry }): ApiOperation[] {
  const document = app.registry.document();
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item?.[method];
      if (!operation) return [];
      const body =
        operation.requestBody && 'content' in operation.requestBody ? operation.requestBody : undefined;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const hubspot = operation.security?.some((scheme) => 'hubspotSignature' in scheme) ?? false;
      const access = isPublic ? 'public' : hubspot ? 'hubspot' : path.includes('{orgId}') ? 'org' : 'key';
      const requiredQuery = (operation.parameters ?? []).flatMap((parameter) =>
        'in' in parameter && parameter.in === 'query' && parameter.required ? [parameter.name] : [],
      );
      const bodyExample: unknown = body?.content['application/json']?.example;
      return [{ method, path, access, requiredQuery, bodyExample } as const];
    }),
  );
}

export function fillPath(path: string, ids: Record<string, string>): string | { missing: string } {
  let missing: string | undefined;
  const filled = path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const id = ids[name];
    if (id === undefined) missing ??= name;
    return encodeURIComponent(id ?? '');
  });
  return missing === undefined ? filled : { missing };
}

export interface ApiAttack {
  app: Application & { registry: ApiRegistry };
  attacker: SeededOrg;
  target: SeededOrg;
  fingerprints: readonly string[];
  /**
   * `target-org`: the target's org id in the path — every org route must answer 404 not_found.
   * `own-org`: the attacker's own org in the path, the target's ids elsewhere — whatever the status,
   * nothing of the target may come back.
   */
  aim: 'target-org' | 'own-org';
}

/**
 * One call of the attack: with the attacker's admin key, or on a HubSpot app route, signed as HubSpot signs
 * the attacker's own portal's calls (the target's ids in the rest of the request).
 */
async function callAs(attack: ApiAttack, operation: ApiOperation, ids: Record<string, string>) {
  const agent = request(attack.app);
  const body = operation.bodyExample === undefined ? undefined : JSON.stringify(operation.bodyExample);
  if (operation.access === 'hubspot') {
    const url = operationUrl(operation, {
      ...ids,
      portalId: attack.attacker.portalId,
      userEmail: attack.attacker.adminEmail,
    }) as string;
    const call = signAsHubSpot(agent[operation.method](url), { method: operation.method, url, body });
    return body === undefined ? call : call.set('content-type', 'application/json').send(body);
  }
  const call = agent[operation.method](operationUrl(operation, ids) as string).set(
    'authorization',
    `Bearer ${attack.attacker.adminToken}`,
  );
  return body === undefined ? call : call.set('content-type', 'application/json').send(body);
}

/** Calls every org route as the attacker (an admin key with every scope) and reports what went wrong. */
export async function attackApi(attack: ApiAttack): Promise<ApiFinding[]> {
  const findings: ApiFinding[] = [];
  const ids = {
    ...exampleIds(attack.target),
    ...(attack.aim === 'own-org' ? { orgId: attack.attacker.orgId } : {}),
  };
  for (const operation of apiOperations(attack.app)) {
    if (operation.access === 'public') continue;
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    const url = operationUrl(operation, ids);
    if (typeof url !== 'string') {
      findings.push({ operation: name, problem: `no example for ${url.missing}: add it to exampleIds` });
      continue;
    }
    const response = await callAs(attack, operation, ids);
    const leaked = leakedFingerprints(response.text, attack.fingerprints);
    if (leaked.length > 0)
      findings.push({ operation: name, problem: `returned the target's ${leaked.join(', ')}` });
    if (response.status >= 500) findings.push({ operation: name, problem: `answered ${response.status}` });
    const body = response.body as { error?: { code?: string } };
    // A key route names no org: the target's ids can only reach it through the body.
    const mustBe404 = attack.aim === 'target-org' && operation.access === 'org';
    if (mustBe404 && (response.status !== 404 || body.error?.code !== 'not_found')) {
      findings.push({ operation: name, problem: `answered ${response.status} instead of 404 not_found` });
    }
  }
  return findings;
}
