// The install: a HubSpot marketplace app has no package to deploy, so what Ripe adds to a portal (its property
// group, the catalogue's company properties, the task and deal keys) is created right after the admin's consent,
// with the token the consent just granted. `ensureProperties` is idempotent: installing again (a reconnect, an
// upgrade that adds a property) creates only what is missing.
import type { Secret } from '../../config/secret.ts';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { TokenSet } from '../connector-auth.ts';
import type { TokenStore } from '../connections/token-store.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { ensureProperties } from './schema/hubspot-schema.ts';
import { createHubSpotTransport } from './transport/hubspot-transport.ts';

/** The token of the consent, for the few calls of the install (it is minutes old: no refresh). */
function grantedToken(token: Secret<string>): TokenStore {
  return {
    accessToken: async () => ok(token),
    invalidate: () => undefined,
    refreshNow: async () =>
      err({ code: 'auth_expired', message: 'The token HubSpot just granted was refused: install again' }),
  };
}

/** Creates Ripe's properties in the portal the tokens were granted for; answers what it created. */
export async function installRipeProperties(
  baseUrl: string,
  granted: Pick<TokenSet, 'accessToken' | 'instance'>,
): Promise<Result<string[], ConnectorError>> {
  const transport = createHubSpotTransport({
    baseUrl,
    tokens: grantedToken(granted.accessToken),
    portalId: granted.instance,
  });
  const created = await ensureProperties(transport);
  if (created.ok) return created;
  return err({
    ...created.error,
    message: `Ripe's properties could not be created in the portal: ${created.error.message}`,
  });
}
