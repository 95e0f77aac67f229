import type { Secret } from '../config/secret.ts';
import type { Result } from '../resilience/result.ts';
import type { ConnectorError } from './crm-connector.ts';

/** What a CRM's token endpoint granted, secrets wrapped so they cannot be printed. */
export interface TokenSet {
  accessToken: Secret<string>;
  refreshToken: Secret<string> | null;
  /** When the access token stops working; null when the CRM does not say. */
  expiresAt: Date | null;
  /** Salesforce instance URL, HubSpot portal id. */
  instance: string;
  scopes: string[];
  /** The CRM user the token acts as (Salesforce's identity), when the CRM says. */
  userId?: string | null;
}

/**
 * The OAuth half of a connector. The install flow (state bound to org and member, single use, the callback
 * route, sealed storage, single-flight refresh) is generic; each CRM supplies its URLs and its exchange.
 */
export interface ConnectorAuth {
  /** The URL the admin's browser is sent to. */
  authorizeUrl(input: { state: string; redirectUri: string }): string;
  exchangeCode(input: { code: string; redirectUri: string }): Promise<Result<TokenSet, ConnectorError>>;
  /** A new access token; `auth_revoked` when the refresh token no longer works. */
  refresh(refreshToken: Secret<string>): Promise<Result<TokenSet, ConnectorError>>;
}
