import { randomBytes, randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { hubspotOAuthPaths, hubspotScopes } from '../provider.ts';
import type { EmulatorContext } from './emulator-context.ts';

/** v1 answers `{status: "BAD_REFRESH_TOKEN", message}`; the dated endpoint answers the standard body. */
type TokenErrorStatus =
  | 'BAD_GRANT_TYPE'
  | 'BAD_CLIENT_ID'
  | 'BAD_CLIENT_SECRET'
  | 'BAD_AUTH_CODE'
  | 'BAD_REDIRECT_URI'
  | 'BAD_REFRESH_TOKEN';

const field = (body: unknown, name: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

function tokenError(res: Response, dated: boolean, status: TokenErrorStatus, message: string): void {
  const correlationId = randomUUID();
  res
    .status(400)
    .json(
      dated
        ? { status: 'error', message, correlationId, category: 'VALIDATION_ERROR' }
        : { status, message, correlationId },
    );
}

/** Issues an access token (and keeps the refresh token) for the portal. */
export function issueTokens(
  ctx: EmulatorContext,
  scopes: readonly string[],
  userId: number,
  refreshToken?: string,
) {
  const accessToken = `emu-at-${randomBytes(18).toString('base64url')}`;
  const refresh = refreshToken ?? randomUUID();
  const { hubId } = ctx.portal;
  ctx.portal.accessTokens.set(accessToken, {
    token: accessToken,
    hubId,
    userId,
    scopes,
    expiresAt: ctx.now() + ctx.accessTokenLifetimeSeconds * 1000,
  });
  ctx.portal.refreshTokens.set(refresh, { hubId, userId, scopes });
  return {
    access_token: accessToken,
    refresh_token: refresh,
    expires_in: ctx.accessTokenLifetimeSeconds,
    token_type: 'bearer',
  };
}

function token(ctx: EmulatorContext, dated: boolean) {
  return (req: Request, res: Response): void => {
    const grantType = field(req.body, 'grant_type');
    if (field(req.body, 'client_id') !== ctx.client.clientId)
      return tokenError(res, dated, 'BAD_CLIENT_ID', 'missing or unknown client id');
    if (field(req.body, 'client_secret') !== ctx.client.clientSecret)
      return tokenError(res, dated, 'BAD_CLIENT_SECRET', 'missing or invalid client secret');
    if (grantType === 'authorization_code') {
      const code = ctx.portal.authorizationCodes.get(field(req.body, 'code') ?? '');
      if (!code) return tokenError(res, dated, 'BAD_AUTH_CODE', 'missing or unknown auth code');
      if (code.redirectUri !== field(req.body, 'redirect_uri'))
        return tokenError(res, dated, 'BAD_REDIRECT_URI', 'redirect_uri does not match');
      ctx.portal.authorizationCodes.delete(field(req.body, 'code') ?? ''); // single use
      res.json(issueTokens(ctx, code.scopes, 9_001));
      return;
    }
    if (grantType === 'refresh_token') {
      const refreshToken = field(req.body, 'refresh_token') ?? '';
      const grant = ctx.portal.refreshTokens.get(refreshToken);
      if (!grant) return tokenError(res, dated, 'BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
      res.json(issueTokens(ctx, grant.scopes, grant.userId, refreshToken));
      return;
    }
    tokenError(res, dated, 'BAD_GRANT_TYPE', `unsupported grant_type ${grantType ?? '(missing)'}`);
  };
}

/**
 * The consent page (`app.hubspot.com/oauth/authorize` in a real portal): the emulator's admin approves at once,
 * and the browser is sent back to the app's redirect URI with a single-use code and the app's state. An unknown
 * client or a scope the app does not know is refused on the page, as HubSpot does, without a redirect.
 */
function consent(ctx: EmulatorContext) {
  return (req: Request, res: Response): void => {
    const query = (name: string) => (typeof req.query[name] === 'string' ? req.query[name] : undefined);
    const redirectUri = query('redirect_uri');
    const scopes = (query('scope') ?? '').split(/[ +]/).filter(Boolean);
    const unknown = scopes.filter((scope) => !(hubspotScopes as readonly string[]).includes(scope));
    const refuse = (message: string) =>
      void res.status(400).json({ status: 'error', message, correlationId: randomUUID() });
    if (query('client_id') !== ctx.client.clientId) return refuse('Authorization failed: unknown client id');
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) return refuse('redirect_uri is required');
    if (scopes.length === 0 || unknown.length > 0)
      return refuse(`Authorization failed: unknown scopes ${unknown.join(' ') || '(none asked)'}`);
    const code = `emu-code-${randomBytes(12).toString('base64url')}`;
    ctx.portal.authorizationCodes.set(code, { redirectUri, scopes });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = query('state');
    if (state !== undefined) target.searchParams.set('state', state);
    res.redirect(302, target.toString());
  };
}

export function oauthRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false });
  router.get(hubspotOAuthPaths.authorize, consent(ctx));
  router.post(hubspotOAuthPaths.token, form, token(ctx, true));
  router.post(hubspotOAuthPaths.deprecatedToken, form, token(ctx, false));
  router.get(`${hubspotOAuthPaths.accessTokenInfo}/:token`, (req, res) => {
    const grant = ctx.portal.accessTokens.get(req.params.token ?? '');
    const expiresIn = grant ? Math.floor((grant.expiresAt - ctx.now()) / 1000) : -1;
    if (!grant || expiresIn <= 0) {
      res.status(404).json({
        status: 'error',
        message: 'access token not found or expired',
        correlationId: randomUUID(),
        category: 'OBJECT_NOT_FOUND',
      });
      return;
    }
    res.json({
      token: grant.token,
      user: `user-${grant.userId}@vendor.example`,
      hub_domain: ctx.portal.hubDomain,
      scopes: grant.scopes,
      hub_id: grant.hubId,
      app_id: 4_242,
      expires_in: expiresIn,
      user_id: grant.userId,
      token_type: 'access',
    });
  });
  return router;
}
