import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../access/api-keys.repository.ts';
import { getMember } from '../../access/members.repository.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { apiKeyScopes } from '../../access/roles.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute } from '../api/api-route.ts';
import { found } from '../api/found.ts';
import { orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const scopeSchema = z.enum(apiKeyScopes);
export const apiKeySchema = z
  .object({
    id: z.uuid(),
    memberId: z.uuid(),
    name: z.string(),
    prefix: z
      .string()
      .meta({ description: 'The start of the key, to tell keys apart', example: 'ripe_1b2c3d4e' }),
    scopes: z.array(scopeSchema),
    createdAt: timestamp(),
    lastUsedAt: timestamp().nullable(),
    revokedAt: timestamp().nullable(),
  })
  .meta({ id: 'ApiKey' });

const orgParams = z.object({ orgId: orgIdParam });
const tags = ['api keys'];

const list = defineOrgRoute({
  method: 'get',
  path: '/orgs/:orgId/api-keys',
  summary: "The org's API keys (never a secret, never a hash)",
  tags,
  access: { role: 'admin', scope: 'read' },
  params: orgParams,
  query: z.object({ memberId: z.uuid().optional() }),
  response: z.array(apiKeySchema),
  handler: ({ withOrg, query }) => withOrg((tx) => listApiKeys(tx, query)),
});

const create = defineOrgRoute({
  method: 'post',
  path: '/orgs/:orgId/api-keys',
  summary: 'Creates an API key; the key is in this response only',
  tags,
  access: { role: 'admin', scope: 'admin' },
  params: orgParams,
  body: z.object({
    name: z.string().min(1).max(200),
    scopes: z.array(scopeSchema).min(1),
    memberId: z.uuid().optional().meta({ description: 'The member the key acts as; the caller by default' }),
  }),
  bodyExample: { name: 'HubSpot card', scopes: ['read', 'write'] },
  status: 201,
  response: z.object({
    apiKey: apiKeySchema,
    key: z.string().meta({ description: 'ripe_<keyId>_<secret>: store it now, it is never shown again' }),
  }),
  handler: ({ withOrg, body, auth }) =>
    withOrg(async (tx) => {
      const memberId = body.memberId ?? auth.memberId;
      found(await getMember(tx, memberId), 'Member');
      const { apiKey, token } = await createApiKey(tx, {
        memberId,
        name: body.name,
        scopes: [...new Set(body.scopes)],
      });
      await recordAudit(tx, {
        actor: auth.memberId,
        action: 'api_key.created',
        target: apiKey.id,
        details: { name: apiKey.name, memberId, scopes: apiKey.scopes },
      });
      return { apiKey, key: token };
    }),
});

const revoke = defineOrgRoute({
  method: 'delete',
  path: '/orgs/:orgId/api-keys/:keyId',
  summary: 'Revokes an API key (at once, for good)',
  tags,
  access: { role: 'admin', scope: 'admin' },
  params: z.object({ orgId: orgIdParam, keyId: z.uuid() }),
  response: apiKeySchema,
  handler: ({ withOrg, params, auth }) =>
    withOrg(async (tx) => {
      const apiKey = found(await revokeApiKey(tx, params.keyId), 'API key');
      await recordAudit(tx, { actor: auth.memberId, action: 'api_key.revoked', target: apiKey.id });
      return apiKey;
    }),
});

export const apiKeysRouter: RouterFactory = (deps) => apiRouter(deps, [list, create, revoke]);
