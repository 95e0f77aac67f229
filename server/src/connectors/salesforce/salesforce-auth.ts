import { OAuth2, type TokenResponse } from 'jsforce';
import { secret, type Secret } from '../../config/secret.ts';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { ConnectorAuth, TokenSet } from '../connector-auth.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { salesforceProvider } from './provider.ts';

export interface SalesforceAuthOptions {
  /** `https://login.salesforce.com`, `https://test.salesforce.com` for a sandbox org, or the emulator's URL. */
  loginUrl: string;
  clientId: string;
  clientSecret: Secret<string>;
}

const scopes = salesforceProvider.oauth?.scopes ?? ['api', 'refresh_token'];

/** The user a token acts as, from the identity URL (`https://login.salesforce.com/id/{orgId}/{userId}`). */
export function identityUser(identityUrl: string): string | null {
  const match = /\/id\/\w+\/(\w+)\/?$/.exec(identityUrl);
  return match?.[1] ?? null;
}

function tokenSet(response: TokenResponse): TokenSet {
  return {
    accessToken: secret(response.access_token),
    refreshToken: response.refresh_token ? secret(response.refresh_token) : null,
    // Salesforce does not say when a session ends (the org's session timeout decides): a 401 tells.
    expiresAt: null,
    instance: response.instance_url,
    scopes: (response.scope ?? '').split(' ').filter(Boolean),
    userId: identityUser(response.id),
  };
}

function failure(error: unknown, refreshing: boolean): ConnectorError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'invalid_grant') {
    return refreshing
      ? { code: 'auth_revoked', message: `Salesforce refused the refresh token: ${message}` }
      : { code: 'invalid_request', message: `Salesforce refused the authorisation code: ${message}` };
  }
  if (name.startsWith('ERROR_HTTP_5') || (typeof error === 'object' && error !== null && 'code' in error)) {
    return { code: 'unavailable', message: `Salesforce's login service is unavailable: ${message}` };
  }
  return { code: 'invalid_request', message: `Salesforce: ${name} ${message}`.trim() };
}

/** The OAuth 2.0 web-server flow through jsforce's OAuth2, against the org's login URL. */
export function salesforceAuth(options: SalesforceAuthOptions): ConnectorAuth {
  const oauth = (redirectUri?: string) =>
    new OAuth2({
      loginUrl: options.loginUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret.reveal(),
      ...(redirectUri ? { redirectUri } : {}),
    });
  return {
    authorizeUrl: ({ state, redirectUri }) =>
      oauth(redirectUri).getAuthorizationUrl({ state, scope: scopes.join(' ') }),
    async exchangeCode({ code, redirectUri }): Promise<Result<TokenSet, ConnectorError>> {
      try {
        return ok(tokenSet(await oauth(redirectUri).requestToken(code)));
      } catch (error) {
        return err(failure(error, false));
      }
    },
    async refresh(refreshToken): Promise<Result<TokenSet, ConnectorError>> {
      try {
        return ok(tokenSet(await oauth().refreshToken(refreshToken.reveal())));
      } catch (error) {
        return err(failure(error, true));
      }
    },
  };
}
