import type { CrmKind } from '../../store/orgs.repository.ts';
import type { ConnectorAuth, TokenSet } from '../connector-auth.ts';
import { createSingleFlightTokenStore, type TokenStore } from './token-store.ts';
import { memoryTokenVault } from './token-vault.ts';

/** A connection held in memory: what the consent granted, and a token store over it. */
export interface ConsentSession {
  auth: ConnectorAuth;
  granted: TokenSet;
  /** One token store for every night of the session: refreshes are shared, as a connection's are. */
  tokens: TokenStore;
  /** Refresh-token grants the session made. */
  refreshes(): number;
}

/**
 * Connects the way an admin does, against a CRM whose consent page approves at once (an emulator): the consent
 * URL opened, the code taken from the redirect, exchanged through the connector's own `ConnectorAuth`, then a
 * single-flight token store that refreshes on a 401 (refreshes counted).
 */
export async function sessionThroughConsent(crm: CrmKind, base: ConnectorAuth): Promise<ConsentSession> {
  let refreshes = 0;
  const auth: ConnectorAuth = {
    ...base,
    refresh: (token) => {
      refreshes += 1;
      return base.refresh(token);
    },
  };
  const redirectUri = `http://127.0.0.1/ripe/oauth/${crm}/callback`;
  const approval = await fetch(auth.authorizeUrl({ state: 'emulator', redirectUri }), { redirect: 'manual' });
  const code = new URL(approval.headers.get('location') ?? redirectUri).searchParams.get('code');
  if (!code) throw new Error(`The emulator did not authorise (${approval.status})`);
  const exchanged = await auth.exchangeCode({ code, redirectUri });
  if (!exchanged.ok) throw new Error(exchanged.error.message);
  return {
    auth,
    granted: exchanged.value,
    tokens: createSingleFlightTokenStore({
      vault: memoryTokenVault(crm, exchanged.value),
      auth,
      now: () => new Date(),
    }),
    refreshes: () => refreshes,
  };
}
