// Removing Ripe's app from a portal: HubSpot's app uninstalls API (developers.hubspot.com "App uninstalls API",
// `DELETE /appinstalls/2026-03/external-install`). The portal's own OAuth access token names the account; HubSpot
// answers `204` without a body and emails the portal's admins that the app was uninstalled. Ripe calls it when an
// admin disconnects a HubSpot org, before the tokens are deleted. No message carries a token.
import { err, ok, type Result } from '../../resilience/result.ts';
import type { SecretsRepository } from '../../secrets/secrets.repository.ts';
import type { Database } from '../../store/database.ts';
import type { ConnectorAuth } from '../connector-auth.ts';
import type { Connection } from '../connections/connections.repository.ts';
import { createTokenStore, type TokenStore } from '../connections/token-store.ts';
import type { ConnectorError } from '../crm-connector.ts';

/** HubSpot's path of the uninstall (`/appinstalls/v3/external-install` is the legacy one). */
export const hubspotExternalInstallPath = '/appinstalls/2026-03/external-install';

export interface UninstallOptions {
  /** `https://api.hubapi.com`, or the emulator's URL. */
  baseUrl: string;
  /** The portal's tokens: an expired access token is refreshed first. */
  tokens: TokenStore;
  fetch?: typeof fetch;
}

async function said(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? `: ${message}` : '';
}

/** Uninstalls Ripe's app from the portal of the tokens; a refused access token is renewed once. */
export async function uninstallHubSpotApp(options: UninstallOptions): Promise<Result<void, ConnectorError>> {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/$/, '')}${hubspotExternalInstallPath}`;

  async function attempt(renewed: boolean): Promise<Result<void, ConnectorError>> {
    const token = renewed ? await options.tokens.refreshNow() : await options.tokens.accessToken();
    if (!token.ok) return token;
    const response = await doFetch(url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token.value.reveal()}` },
    }).catch((cause: unknown) => cause);
    if (!(response instanceof Response)) {
      return err({ code: 'unavailable', message: "HubSpot's app uninstalls API could not be reached" });
    }
    if (response.ok) return ok(undefined);
    if (response.status === 401 && !renewed) {
      options.tokens.invalidate();
      return attempt(true);
    }
    const message = `HubSpot refused to uninstall the app (${response.status})${await said(response)}`;
    if (response.status === 401) return err({ code: 'auth_revoked', message });
    if (response.status === 429) return err({ code: 'rate_limited', message });
    if (response.status >= 500) return err({ code: 'unavailable', message });
    return err({ code: 'invalid_request', message });
  }

  return attempt(false);
}

export interface DisconnectDeps {
  db: Database;
  orgId: string;
  secrets: SecretsRepository;
  /** Ripe's HubSpot OAuth client; undefined when the environment configures none (nothing is called). */
  auth: ConnectorAuth | undefined;
  /** HubSpot's API base; undefined as `auth`. */
  baseUrl: string | undefined;
  now?: () => Date;
}

/** What an admin's disconnect leaves as the connection's reason when HubSpot is not asked. */
export const disconnectedReason = 'Disconnected by an admin: connect it again';

/**
 * An admin disconnects the org: for a HubSpot connection that still holds its tokens, Ripe's app is uninstalled
 * from the portal first. Answers the reason the revoked connection keeps: whether HubSpot confirmed the removal.
 * A refusal does not stop the disconnect (the tokens are deleted after it either way).
 */
export async function uninstallOnDisconnect(
  deps: DisconnectDeps,
  connection: Pick<Connection, 'crm' | 'instance' | 'status'>,
): Promise<string> {
  if (connection.crm !== 'hubspot' || connection.status === 'revoked' || !connection.instance) {
    return disconnectedReason;
  }
  if (!deps.auth || !deps.baseUrl) return disconnectedReason;
  const tokens = createTokenStore({
    db: deps.db,
    orgId: deps.orgId,
    auth: deps.auth,
    secrets: deps.secrets,
    now: deps.now ?? (() => new Date()),
  });
  const removed = await uninstallHubSpotApp({ baseUrl: deps.baseUrl, tokens });
  const portal = `HubSpot portal ${connection.instance}`;
  return removed.ok
    ? `Disconnected by an admin, and the Ripe app uninstalled from ${portal}: connect it again`
    : `${disconnectedReason}. HubSpot did not confirm that the Ripe app was uninstalled from ${portal} ` +
        `(${removed.error.message}): an admin of the portal can uninstall it in HubSpot`;
}
