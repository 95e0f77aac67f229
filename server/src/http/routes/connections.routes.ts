import { RipeError } from '@ripe/shared';
import type { Request } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../audit/index.ts';
import {
  crmLabels,
  getConnection,
  revokeConnection,
  type Connection,
} from '../../connectors/connections/connections.repository.ts';
import { finishInstall, startInstall } from '../../connectors/connections/oauth-install.ts';
import { uninstallOnDisconnect } from '../../connectors/hubspot/hubspot-uninstall.ts';
import { createSecretsRepository, keyringFromConfig, requireKeyring } from '../../secrets/index.ts';
import { apiRouter } from '../api/api-router.ts';
import { defineOrgRoute, definePublicRoute } from '../api/api-route.ts';
import { apiPrefix } from '../api/openapi-document.ts';
import { orgIdParam, timestamp } from '../api/schemas.ts';
import type { RouterFactory } from '../router-deps.ts';

const tags = ['connections'];
const orgParams = z.object({ orgId: orgIdParam });
const oauthCrm = z.enum(['salesforce', 'hubspot']).meta({ description: 'The CRM', example: 'hubspot' });

const connectionSchema = z
  .object({
    crm: z.enum(['salesforce', 'hubspot', 'sandbox']),
    instance: z.string().nullable().meta({ description: 'Salesforce instance URL, HubSpot portal id' }),
    status: z.enum(['connected', 'expired', 'revoked', 'error']),
    statusReason: z.string().nullable().meta({ description: 'Why it does not work, and what to do' }),
    scopes: z.array(z.string()),
    tokenExpiresAt: timestamp().nullable(),
    connectedAt: timestamp().nullable(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Connection' });

/** The connection as members see it: no token, no settings. */
const view = (connection: Connection): z.input<typeof connectionSchema> => ({
  crm: connection.crm,
  instance: connection.instance,
  status: connection.status,
  statusReason: connection.statusReason,
  scopes: connection.scopes,
  tokenExpiresAt: connection.tokenExpiresAt,
  connectedAt: connection.connectedAt,
  updatedAt: connection.updatedAt,
});

/**
 * The callback URL of this server: under its public URL when set (it must equal the redirect URL registered
 * with the CRM's app, e.g. the HubSpot app's `${RIPE_PUBLIC_URL}/v1/oauth/hubspot/callback`), else as the
 * admin's browser reached it (behind trusted proxies).
 */
const callbackUrl = (req: Request, crm: string, publicUrl: string | undefined) =>
  `${publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`}${apiPrefix}/oauth/${crm}/callback`;

/** Connecting the org's CRM: the OAuth install flow, the connection's state, and its revocation. */
export const connectionsRouter: RouterFactory = (deps) => {
  const keyring = keyringFromConfig(deps.config.secrets);
  const secrets = () => createSecretsRepository(requireKeyring(keyring));

  const authorize = defineOrgRoute({
    method: 'post',
    path: '/orgs/:orgId/connections/:crm/authorize',
    summary: "Starts connecting the org's CRM: the URL of its consent screen",
    description:
      'The URL carries a single-use state bound to the org and the calling admin, valid 10 minutes. ' +
      'A CRM whose connector is not available answers 409 `connector_unavailable`.',
    tags,
    access: { role: 'admin', scope: 'admin' },
    params: orgParams.extend({ crm: oauthCrm }),
    response: z.object({ url: z.url(), expiresAt: timestamp() }).meta({ id: 'AuthorizeUrl' }),
    handler: ({ withOrg, params, auth, req }) =>
      withOrg((tx) =>
        startInstall(tx, deps.connectorAuth, {
          crm: params.crm,
          memberId: auth.memberId,
          redirectUri: callbackUrl(req, params.crm, deps.config.http.publicUrl),
          now: new Date(),
        }),
      ),
  });

  const callback = definePublicRoute({
    method: 'get',
    path: '/oauth/:crm/callback',
    summary: 'Where the CRM sends the admin back: finishes the connection',
    description: 'Answers a small HTML page; an unknown, used, expired or mismatched state answers 400.',
    tags,
    publicBecause: 'the single-use state, bound to an org and an admin, authenticates the callback',
    params: z.object({ crm: oauthCrm }),
    query: z.object({
      state: z.string().min(1).max(200),
      code: z.string().min(1).max(4096).optional(),
      error: z.string().max(200).optional(),
      // What the CRMs add to the redirect: a declined consent's description, a Salesforce community's URL and id.
      error_description: z.string().max(2000).optional(),
      sfdc_community_url: z.string().max(2000).optional(),
      sfdc_community_id: z.string().max(100).optional(),
    }),
    response: z.string(),
    rawResponse: { contentType: 'text/html' },
    handler: async ({ params, query, res }) => {
      await finishInstall(
        { db: deps.db, secrets: secrets(), authFor: deps.connectorAuth },
        { crm: params.crm, state: query.state, code: query.code, error: query.error, now: new Date() },
      );
      const label = crmLabels[params.crm];
      res.status(200);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-security-policy', "default-src 'none'");
      res
        .type('html')
        .send(
          `<!doctype html><meta charset="utf-8"><title>${label} connected</title>` +
            `<p>${label} is connected to Ripe. You can close this tab.</p>`,
        );
      return '';
    },
  });

  const get = defineOrgRoute({
    method: 'get',
    path: '/orgs/:orgId/connection',
    summary: "The org's CRM connection: status, instance, scopes, expiry (never a token)",
    tags,
    access: { role: 'member', scope: 'read' },
    params: orgParams,
    response: connectionSchema,
    handler: ({ withOrg }) =>
      withOrg(async (tx) => {
        const connection = await getConnection(tx);
        if (!connection) throw new RipeError('not_found', 'The org has no connection');
        return view(connection);
      }),
  });

  const revoke = defineOrgRoute({
    method: 'delete',
    path: '/orgs/:orgId/connection',
    summary: "Disconnects the org's CRM: its tokens are deleted, the connection is revoked",
    description:
      "A HubSpot org's app is first uninstalled from the portal (HubSpot's `DELETE /appinstalls/2026-03/external-install`); " +
      'the status reason says whether HubSpot confirmed it.',
    tags,
    access: { role: 'admin', scope: 'admin' },
    params: orgParams,
    response: connectionSchema,
    handler: async ({ withOrg, auth, params }) => {
      const connection = await withOrg((tx) => getConnection(tx));
      if (!connection) throw new RipeError('not_found', 'The org has no connection');
      if (connection.crm === 'sandbox') {
        throw new RipeError('conflict', 'The sandbox has no authorisation to revoke');
      }
      // Outside the transaction: HubSpot is called, and the token store keeps its own short transactions.
      const reason = await uninstallOnDisconnect(
        {
          db: deps.db,
          orgId: params.orgId,
          secrets: secrets(),
          auth: deps.connectorAuth?.('hubspot'),
          baseUrl: deps.config.crm.hubspot?.apiBaseUrl,
        },
        connection,
      );
      return withOrg(async (tx) => {
        const revoked = await revokeConnection(tx, secrets(), reason);
        await recordAudit(tx, {
          actor: auth.memberId,
          action: 'connection.disconnected',
          target: revoked.crm,
        });
        return view(revoked);
      });
    },
  });

  return apiRouter(deps, [authorize, callback, get, revoke]);
};
