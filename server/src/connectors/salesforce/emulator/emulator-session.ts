import { secret } from '../../../config/secret.ts';
import type { ConnectorAuth, TokenSet } from '../../connector-auth.ts';
import { createSingleFlightTokenStore, type TokenStore } from '../../connections/token-store.ts';
import { memoryTokenVault } from '../../connections/token-vault.ts';
import { salesforceAuth } from '../salesforce-auth.ts';
import type { SalesforceEmulator } from './salesforce-emulator.ts';

export interface EmulatorSession {
  auth: ConnectorAuth;
  granted: TokenSet;
  /** One token store for every night of the session: refreshes are shared, as a connection's are. */
  tokens: TokenStore;
  /** Refresh-token grants the session made. */
  refreshes(): number;
}

/**
 * Connects to the emulator the way an admin connects an org: the web-server flow through jsforce's OAuth2
 * (authorize, the redirect with a code, the code exchanged), then a token store that refreshes on a 401.
 */
export async function connectEmulator(emulator: SalesforceEmulator): Promise<EmulatorSession> {
  const base = salesforceAuth({
    loginUrl: emulator.url,
    clientId: emulator.oauth.clientId,
    clientSecret: secret(emulator.oauth.clientSecret),
  });
  let refreshes = 0;
  const auth: ConnectorAuth = {
    ...base,
    refresh: (token) => {
      refreshes += 1;
      return base.refresh(token);
    },
  };
  const redirectUri = 'http://127.0.0.1/ripe/oauth/callback';
  const approval = await fetch(auth.authorizeUrl({ state: 'emulator', redirectUri }), { redirect: 'manual' });
  const code = new URL(approval.headers.get('location') ?? redirectUri).searchParams.get('code');
  if (!code) throw new Error(`The emulator did not authorise (${approval.status})`);
  const exchanged = await auth.exchangeCode({ code, redirectUri });
  if (!exchanged.ok) throw new Error(exchanged.error.message);
  const vault = memoryTokenVault('salesforce', exchanged.value);
  return {
    auth,
    granted: exchanged.value,
    tokens: createSingleFlightTokenStore({ vault, auth, now: () => new Date() }),
    refreshes: () => refreshes,
  };
}
