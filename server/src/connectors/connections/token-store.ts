import type { Secret } from '../../config/secret.ts';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { SecretsRepository } from '../../secrets/secrets.repository.ts';
import type { Database } from '../../store/database.ts';
import type { ConnectorAuth } from '../connector-auth.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { crmLabels, type StoredTokens } from './connections.repository.ts';
import { databaseTokenVault, type TokenVault } from './token-vault.ts';

/** A connection's access token, refreshed when it is about to expire, by one caller at a time. */
export interface TokenStore {
  /** The current access token; a refreshed one when it expires within a minute. */
  accessToken(): Promise<Result<Secret<string>, ConnectorError>>;
  /** The CRM refused the token it gave (a 401 mid-night): do not hand it out again. */
  invalidate(): void;
  /** A new access token now, shared with every caller already waiting for one. */
  refreshNow(): Promise<Result<Secret<string>, ConnectorError>>;
}

export interface TokenStoreDeps {
  db: Database;
  orgId: string;
  auth: ConnectorAuth;
  secrets: SecretsRepository;
  now: () => Date;
}

/** Refreshes this long before the expiry the CRM announced, so a token does not die mid-request. */
export const refreshMarginMs = 60_000;

/** One per connection and process: the night's calls share it, so they share one refresh. */
export function createTokenStore({ db, orgId, auth, secrets, now }: TokenStoreDeps): TokenStore {
  return createSingleFlightTokenStore({ vault: databaseTokenVault({ db, orgId, secrets }), auth, now });
}

/**
 * The token store over any vault. Loading and refreshing form one in-flight promise: callers that
 * arrive meanwhile await it instead of refreshing again (jsforce's session-refresh-delegate).
 */
export function createSingleFlightTokenStore(deps: {
  vault: TokenVault;
  auth: ConnectorAuth;
  now: () => Date;
}): TokenStore {
  const { vault, auth, now } = deps;
  let current: StoredTokens | undefined;
  // The token the CRM refused, compared by value: another process may already have replaced it.
  let rejected: string | undefined;
  let inflight: Promise<Result<Secret<string>, ConnectorError>> | undefined;

  const usable = (tokens: StoredTokens) =>
    tokens.accessToken.reveal() !== rejected &&
    (tokens.expiresAt === null || tokens.expiresAt.getTime() - now().getTime() > refreshMarginMs);

  const obtain = () => {
    inflight ??= loadOrRefresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  async function loadOrRefresh(): Promise<Result<Secret<string>, ConnectorError>> {
    const loaded = await vault.load();
    if (!loaded) return err({ code: 'not_installed', message: 'The org has no CRM connection' });
    const label = crmLabels[loaded.crm];
    if (loaded.status === 'revoked') {
      return err({ code: 'auth_revoked', message: loaded.statusReason ?? `${label} access was revoked` });
    }
    const stored = loaded.tokens;
    if (!stored) {
      return err({ code: 'not_installed', message: `${label} is not connected: an admin authorises Ripe` });
    }
    if (usable(stored)) return keep(stored);
    if (!stored.refreshToken) {
      return err({ code: 'auth_expired', message: `The ${label} session expired and cannot be renewed` });
    }
    const refreshed = await auth.refresh(stored.refreshToken);
    if (!refreshed.ok) return refreshFailed(refreshed.error, stored, label);
    await vault.save(refreshed.value);
    const { accessToken, refreshToken, expiresAt } = refreshed.value;
    return keep({ accessToken, refreshToken: refreshToken ?? stored.refreshToken, expiresAt });
  }

  function keep(tokens: StoredTokens): Result<Secret<string>, ConnectorError> {
    current = tokens;
    rejected = undefined;
    return ok(tokens.accessToken);
  }

  async function refreshFailed(
    error: ConnectorError,
    stored: StoredTokens,
    label: string,
  ): Promise<Result<Secret<string>, ConnectorError>> {
    if (error.code === 'auth_revoked' || error.code === 'auth_expired') {
      const reason = `${label} refused to renew Ripe's access (${error.message}): an admin connects it again`;
      await vault.markStatus({ status: error.code === 'auth_revoked' ? 'revoked' : 'expired', reason });
      return err({ ...error, message: reason });
    }
    // A CRM that is down or busy: a token that has not expired yet still serves.
    const alive =
      stored.accessToken.reveal() !== rejected &&
      (stored.expiresAt === null || stored.expiresAt.getTime() > now().getTime());
    return alive ? keep(stored) : err(error);
  }

  return {
    accessToken: () => (current && usable(current) ? Promise.resolve(ok(current.accessToken)) : obtain()),
    invalidate: () => {
      if (current) rejected = current.accessToken.reveal();
      current = undefined;
    },
    refreshNow: () => {
      if (current) rejected = current.accessToken.reveal();
      current = undefined;
      return obtain();
    },
  };
}
