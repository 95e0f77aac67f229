import { OAuth2 } from 'jsforce';
import { importPKCS8, SignJWT } from 'jose';
import type { Secret } from '../../config/secret.ts';
import { secret } from '../../config/secret.ts';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { TokenStore } from '../connections/token-store.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { identityUser } from './salesforce-auth.ts';

export const jwtBearerGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface SalesforceJwtOptions {
  /** `https://login.salesforce.com`, `https://test.salesforce.com`, or the emulator's URL: also the `aud`. */
  loginUrl: string;
  /** The connected app's consumer key (`iss`). */
  clientId: string;
  /** The integration user the app is pre-authorised for (`sub`). */
  username: string;
  /** The private key of the certificate uploaded to the connected app, PKCS#8 PEM. */
  privateKeyPem: Secret<string>;
  now?: () => Date;
}

export interface JwtSession {
  instanceUrl: string;
  userId: string | null;
}

/**
 * The OAuth 2.0 JWT bearer flow for server-to-server integration: no browser and no refresh token — a new
 * assertion, valid three minutes, signed with the app's certificate, gets a new access token whenever one is
 * needed. A token store over it, single-flight like the web-server flow's.
 */
export function salesforceJwtTokens(options: SalesforceJwtOptions): TokenStore & {
  session(): Promise<Result<JwtSession, ConnectorError>>;
} {
  const now = options.now ?? (() => new Date());
  const oauth = new OAuth2({ loginUrl: options.loginUrl, clientId: options.clientId });
  let current: { token: Secret<string>; session: JwtSession } | undefined;
  let inflight: Promise<Result<Secret<string>, ConnectorError>> | undefined;

  async function mint(): Promise<Result<Secret<string>, ConnectorError>> {
    try {
      const key = await importPKCS8(options.privateKeyPem.reveal(), 'RS256');
      const issuedAt = Math.floor(now().getTime() / 1000);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(options.clientId)
        .setSubject(options.username)
        .setAudience(options.loginUrl)
        .setExpirationTime(issuedAt + 180)
        .sign(key);
      const response = await oauth.requestToken({ grant_type: jwtBearerGrant, assertion });
      current = {
        token: secret(response.access_token),
        session: { instanceUrl: response.instance_url, userId: identityUser(response.id) },
      };
      return ok(current.token);
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const message = error instanceof Error ? error.message : String(error);
      return err(
        name === 'invalid_grant' || name === 'invalid_client_id'
          ? { code: 'auth_revoked', message: `Salesforce refused Ripe's JWT assertion: ${message}` }
          : { code: 'unavailable', message: `Salesforce's login service is unavailable: ${message}` },
      );
    }
  }
  const obtain = () => {
    inflight ??= mint().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  return {
    accessToken: () => (current ? Promise.resolve(ok(current.token)) : obtain()),
    invalidate: () => {
      current = undefined;
    },
    refreshNow: () => {
      current = undefined;
      return obtain();
    },
    async session() {
      if (!current) {
        const minted = await obtain();
        if (!minted.ok) return minted;
      }
      return current ? ok(current.session) : err({ code: 'auth_expired', message: 'No Salesforce session' });
    },
  };
}
