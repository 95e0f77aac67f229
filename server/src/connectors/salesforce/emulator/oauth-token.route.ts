import { createHmac, randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { errors as joseErrors, importSPKI, jwtVerify } from 'jose';
import type { EmulatorState } from './emulator-state.ts';
import { sendOAuthError } from './salesforce-errors.ts';

/** The connected app the emulator trusts, and the org and user its tokens belong to. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  orgId: string;
  userId: string;
  /** How long an access token works, in ms (a session timeout). */
  sessionTtlMs: number;
  scope: string;
  /**
   * The certificate's public key the connected app verifies JWT bearer assertions with (PEM, SPKI), and the
   * username it has pre-authorised (the integration user); undefined: the JWT flow is not set up.
   */
  jwt?: { publicKeyPem: string; username: string };
}

/** The documented token response of the web-server and refresh-token flows. */
export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: 'Bearer';
  issued_at: string;
}

const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

function issue(state: EmulatorState, settings: OAuthSettings, baseUrl: () => string, withRefresh: boolean) {
  const issuedAt = state.now();
  const accessToken = `${settings.orgId}!${secret(48)}`;
  state.accessTokens.set(accessToken, { expiresAt: issuedAt + settings.sessionTtlMs });
  const id = `${baseUrl()}/id/${settings.orgId}/${settings.userId}`;
  // Documented: a Base64 HMAC-SHA256 of the id and issued_at, keyed with the consumer secret.
  const signature = createHmac('sha256', settings.clientSecret).update(`${id}${issuedAt}`).digest('base64');
  const response: TokenResponse = {
    access_token: accessToken,
    signature,
    scope: settings.scope,
    instance_url: baseUrl(),
    id,
    token_type: 'Bearer',
    issued_at: String(issuedAt),
  };
  if (withRefresh) {
    const refreshToken = secret(48);
    state.refreshTokens.add(refreshToken);
    response.refresh_token = refreshToken;
  }
  return response;
}

export const jwtBearerGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * The documented checks of a JWT bearer assertion: RS256 signed with the connected app's certificate, `iss` the
 * consumer key, `sub` a pre-authorised user, `aud` the login URL, `exp` not passed. Salesforce answers each
 * failure `invalid_grant`; the description says which.
 */
async function checkAssertion(
  assertion: unknown,
  settings: OAuthSettings,
  loginUrl: string,
): Promise<string | null> {
  if (!settings.jwt) return 'invalid assertion';
  if (typeof assertion !== 'string') return 'invalid assertion';
  try {
    const key = await importSPKI(settings.jwt.publicKeyPem, 'RS256');
    const { payload } = await jwtVerify(assertion, key, { algorithms: ['RS256'], audience: loginUrl });
    if (payload.iss !== settings.clientId) return 'invalid_client_id';
    if (payload.sub !== settings.jwt.username) return "user hasn't approved this consumer";
    if (payload.exp === undefined) return 'expired authorization code';
    return null;
  } catch (error) {
    return error instanceof joseErrors.JWTExpired ? 'expired authorization code' : 'invalid assertion';
  }
}

/** `GET /services/oauth2/authorize` (approves at once) and `POST /services/oauth2/token`. */
export function oauthRouter(state: EmulatorState, settings: OAuthSettings, baseUrl: () => string): Router {
  const router = express.Router();
  router.get('/services/oauth2/authorize', (req, res) => {
    const { client_id: clientId, redirect_uri: redirectUri, state: relayState } = req.query;
    if (clientId !== settings.clientId || typeof redirectUri !== 'string') {
      sendOAuthError(res, 400, 'invalid_client_id', 'client identifier invalid');
      return;
    }
    const code = secret(24);
    state.authorizationCodes.add(code);
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (typeof relayState === 'string') target.searchParams.set('state', relayState);
    res.redirect(302, target.toString());
  });
  router.post('/services/oauth2/token', express.urlencoded({ extended: false }), async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    // The JWT bearer flow carries no client secret: the assertion, signed with the app's certificate, is the proof.
    if (form.grant_type === jwtBearerGrant) {
      const refusal = await checkAssertion(form.assertion, settings, baseUrl());
      if (refusal) {
        sendOAuthError(res, 400, 'invalid_grant', refusal);
        return;
      }
      res.json(issue(state, settings, baseUrl, false));
      return;
    }
    if (form.client_id !== settings.clientId || form.client_secret !== settings.clientSecret) {
      sendOAuthError(res, 400, 'invalid_client_id', 'client identifier invalid');
      return;
    }
    if (form.grant_type === 'authorization_code') {
      const code = typeof form.code === 'string' ? form.code : '';
      // A code works once.
      if (!state.authorizationCodes.delete(code)) {
        sendOAuthError(res, 400, 'invalid_grant', 'invalid authorization code');
        return;
      }
      res.json(issue(state, settings, baseUrl, true));
      return;
    }
    if (form.grant_type === 'refresh_token') {
      const token = typeof form.refresh_token === 'string' ? form.refresh_token : '';
      if (!state.refreshTokens.has(token)) {
        sendOAuthError(res, 400, 'invalid_grant', 'expired access/refresh token');
        return;
      }
      res.json(issue(state, settings, baseUrl, false));
      return;
    }
    sendOAuthError(res, 400, 'unsupported_grant_type', 'grant type not supported');
  });
  return router;
}
