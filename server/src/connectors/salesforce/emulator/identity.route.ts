import express, { type Router } from 'express';
import type { EmulatorState } from './emulator-state.ts';
import type { OAuthSettings } from './oauth-token.route.ts';
import { sendRestError } from './salesforce-errors.ts';

/**
 * The identity service (`GET /id/{orgId}/{userId}`, the `id` URL of a token response; the token as a bearer
 * header or an `oauth_token` parameter) and the version's resource list (`GET /services/data/vXX.X`), which
 * names it — what jsforce's `identity()` reads.
 */
export function identityRouter(
  state: EmulatorState,
  settings: OAuthSettings,
  base: string,
  baseUrl: () => string,
): { identity: Router; resources: express.RequestHandler } {
  const identity = express.Router();
  const identityUrl = () => `${baseUrl()}/id/${settings.orgId}/${settings.userId}`;
  identity.get('/id/:orgId/:userId', (req, res) => {
    const header = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const token = header ?? (typeof req.query.oauth_token === 'string' ? req.query.oauth_token : undefined);
    const issued = token === undefined ? undefined : state.accessTokens.get(token);
    if (!issued || issued.expiresAt <= state.now()) {
      res.status(403).send('Bad_OAuth_Token');
      return;
    }
    if (req.params.orgId !== settings.orgId || req.params.userId !== settings.userId) {
      sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      return;
    }
    const data = `${baseUrl()}${base.replace(/v[\d.]+$/, 'v{version}')}`;
    res.json({
      id: identityUrl(),
      asserted_user: true,
      user_id: settings.userId,
      organization_id: settings.orgId,
      username: settings.jwt?.username ?? 'ripe-integration@emulator.example',
      nick_name: 'ripe-integration',
      display_name: 'Ripe Integration',
      email: 'ripe-integration@emulator.example',
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      urls: {
        rest: `${data}/`,
        sobjects: `${data}/sobjects/`,
        query: `${data}/query/`,
        limits: `${data}/limits/`,
      },
    });
  });
  const resources: express.RequestHandler = (_req, res) => {
    res.json({
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      composite: `${base}/composite`,
      limits: `${base}/limits`,
      identity: identityUrl(),
    });
  };
  return { identity, resources };
}
