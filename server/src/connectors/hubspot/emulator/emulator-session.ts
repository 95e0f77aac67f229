import { secret } from '../../../config/secret.ts';
import type { ConnectorAuth, TokenSet } from '../../connector-auth.ts';
import { createSingleFlightTokenStore, type TokenStore } from '../../connections/token-store.ts';
import { memoryTokenVault } from '../../connections/token-vault.ts';
import { hubspotAuth } from '../hubspot-auth.ts';
import type { HubSpotEmulator } from './hubspot-emulator.ts';
import { defaultEmulatorClient } from './hubspot-emulator.ts';

export interface EmulatorSession {
  auth: ConnectorAuth;
  granted: TokenSet;
  /** One token store for every night of the session: refreshes are shared, as a connection's are. */
  tokens: TokenStore;
  /** Refresh-token grants the session made. */
  refreshes(): number;
}

/**
 * Installs Ripe in the emulated portal the way an admin does: the consent page (the emulator approves at once
 * and redirects with a code), the code exchanged on the dated token endpoint — which creates Ripe's properties —,
 * then a token store that refreshes on a 401.
 */
export async function connectPortal(emulator: HubSpotEmulator): Promise<EmulatorSession> {
  const base = hubspotAuth({
    baseUrl: emulator.url,
    clientId: defaultEmulatorClient.clientId,
    clientSecret: secret(defaultEmulatorClient.clientSecret),
  });
  let refreshes = 0;
  const auth: ConnectorAuth = {
    ...base,
    refresh: (token) => {
      refreshes += 1;
      return base.refresh(token);
    },
  };
  const redirectUri = 'http://127.0.0.1/ripe/oauth/hubspot/callback';
  const approval = await fetch(auth.authorizeUrl({ state: 'emulator', redirectUri }), { redirect: 'manual' });
  const code = new URL(approval.headers.get('location') ?? redirectUri).searchParams.get('code');
  if (!code) throw new Error(`The emulator did not authorise (${approval.status})`);
  const exchanged = await auth.exchangeCode({ code, redirectUri });
  if (!exchanged.ok) throw new Error(exchanged.error.message);
  const vault = memoryTokenVault('hubspot', exchanged.value);
  return {
    auth,
    granted: exchanged.value,
    tokens: createSingleFlightTokenStore({ vault, auth, now: () => new Date() }),
    refreshes: () => refreshes,
  };
}
