// HubSpot's OAuth half: the consent URL, and the code exchange and refresh on the dated token endpoint
// (`POST /oauth/2026-03/token`, form-encoded, developers.hubspot.com "Manage OAuth tokens"), then the
// access-token introspection (`GET /oauth/v1/access-tokens/{token}`) for the portal id and the granted scopes.
// A code exchanged is an install: Ripe's properties are created with the new token before the tokens are
// answered (hubspot-install.ts), so a portal is never connected without them.
// No error or log line carries a token or the client secret: messages are HubSpot's own, without the body.
import type { Secret } from '../../config/secret.ts';
import { secret } from '../../config/secret.ts';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { ConnectorAuth, TokenSet } from '../connector-auth.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { installRipeProperties } from './hubspot-install.ts';
import { hubspotApiBase, hubspotOAuthPaths, hubspotProvider, hubspotScopes } from './provider.ts';

export interface HubSpotAuthOptions {
  /** `https://api.hubapi.com`, or the emulator's URL. */
  baseUrl: string;
  clientId: string;
  clientSecret: Secret<string>;
  fetch?: typeof fetch;
  now?: () => Date;
  /**
   * What an exchanged code installs in the portal; default: Ripe's properties (`installRipeProperties`). An
   * install that fails fails the exchange: the admin connects again once the cause is fixed.
   */
  install?: (granted: TokenSet) => Promise<Result<unknown, ConnectorError>>;
}

/** HubSpot's consent page for HubSpot's API; an emulator (any other base) serves the page on its own host. */
export function consentUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, '');
  return base === hubspotApiBase
    ? (hubspotProvider.oauth?.authorizeUrl ?? '')
    : `${base}${hubspotOAuthPaths.authorize}`;
}

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

interface TokenInfo {
  hub_id?: unknown;
  scopes?: unknown;
}

const isRevocation = (body: Record<string, unknown>): boolean =>
  body.error === 'invalid_grant' ||
  body.status === 'BAD_REFRESH_TOKEN' ||
  (typeof body.message === 'string' && /refresh token/i.test(body.message));

export function hubspotAuth(options: HubSpotAuthOptions): ConnectorAuth {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const base = options.baseUrl.replace(/\/$/, '');
  const install = options.install ?? ((granted: TokenSet) => installRipeProperties(base, granted));

  async function json(response: Response): Promise<Record<string, unknown>> {
    const body: unknown = await response.json().catch(() => ({}));
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  }

  async function unreachable(cause: unknown): Promise<Result<never, ConnectorError>> {
    const code = (cause as { cause?: { code?: unknown } }).cause?.code;
    const detail = typeof code === 'string' ? ` (${code})` : '';
    return err({ code: 'unavailable', message: `HubSpot's token endpoint could not be reached${detail}` });
  }

  async function introspect(accessToken: string): Promise<Result<TokenInfo, ConnectorError>> {
    const path = `${base}${hubspotOAuthPaths.accessTokenInfo}/${encodeURIComponent(accessToken)}`;
    const response = await doFetch(path).catch((cause: unknown) => cause);
    if (!(response instanceof Response)) return unreachable(response);
    const body = await json(response);
    if (!response.ok) {
      return err({
        code: 'invalid_request',
        message: `HubSpot did not describe the new token (${response.status})`,
      });
    }
    return ok(body);
  }

  async function token(
    form: Record<string, string>,
    grant: 'authorization_code' | 'refresh_token',
  ): Promise<Result<TokenSet, ConnectorError>> {
    const body = new URLSearchParams({
      ...form,
      grant_type: grant,
      client_id: options.clientId,
      client_secret: options.clientSecret.reveal(),
    });
    const response = await doFetch(`${base}${hubspotOAuthPaths.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }).catch((cause: unknown) => cause);
    if (!(response instanceof Response)) return unreachable(response);
    const answer = (await json(response)) as TokenAnswer & Record<string, unknown>;
    if (!response.ok) return err(tokenFailure(response.status, answer, grant));
    if (typeof answer.access_token !== 'string') {
      return err({ code: 'invalid_request', message: 'HubSpot answered the token request without a token' });
    }
    const info = await introspect(answer.access_token);
    if (!info.ok) return info;
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in : null;
    return ok({
      accessToken: secret(answer.access_token),
      refreshToken: typeof answer.refresh_token === 'string' ? secret(answer.refresh_token) : null,
      expiresAt: lifetime === null ? null : new Date(now().getTime() + lifetime * 1000),
      instance: String(info.value.hub_id ?? ''),
      scopes: Array.isArray(info.value.scopes) ? info.value.scopes.map(String) : [],
    });
  }

  return {
    authorizeUrl({ state, redirectUri }) {
      const query = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: redirectUri,
        scope: hubspotScopes.join(' '),
        state,
      });
      return `${consentUrl(base)}?${query.toString()}`;
    },
    async exchangeCode({ code, redirectUri }) {
      const granted = await token({ code, redirect_uri: redirectUri }, 'authorization_code');
      if (!granted.ok) return granted;
      const installed = await install(granted.value);
      return installed.ok ? granted : installed;
    },
    refresh: (refreshToken) => token({ refresh_token: refreshToken.reveal() }, 'refresh_token'),
  };
}

function tokenFailure(
  status: number,
  body: Record<string, unknown>,
  grant: 'authorization_code' | 'refresh_token',
): ConnectorError {
  const said = typeof body.message === 'string' ? `: ${body.message}` : '';
  if (status >= 500) return { code: 'unavailable', message: `HubSpot's token endpoint failed (${status})` };
  if (status === 429) return { code: 'rate_limited', message: `HubSpot's token endpoint is rate limited` };
  if (grant === 'refresh_token' && isRevocation(body)) {
    // Not `token: …`: the night's failure reason redacts what follows a `token:` as if it were the token.
    const why = typeof body.message === 'string' ? ` (${body.message})` : '';
    return { code: 'auth_revoked', message: `HubSpot refused the refresh token${why}` };
  }
  return { code: 'invalid_request', message: `HubSpot refused the ${grant.replace('_', ' ')}${said}` };
}
