import { RipeError } from '@ripe/shared';
import { recordAudit } from '../../audit/index.ts';
import type { SecretsRepository } from '../../secrets/secrets.repository.ts';
import type { Database } from '../../store/database.ts';
import { withOrg, type OrgTransaction } from '../../store/org-scope.ts';
import { setOrgExternalId, type CrmKind } from '../../store/orgs.repository.ts';
import type { ConnectorAuth } from '../connector-auth.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { crmLabels, getConnection, recordTokens, type Connection } from './connections.repository.ts';
import { consumeOAuthState } from './consume-oauth-state.ts';
import { createOAuthState, type OAuthCrm } from './oauth-states.repository.ts';

/** Each CRM's OAuth half, as the app's deps supply it; undefined for a CRM without a connector yet. */
export type ConnectorAuthRegistry = (crm: CrmKind) => ConnectorAuth | undefined;

export interface StartInstall {
  crm: OAuthCrm;
  memberId: string;
  /** The callback URL, which the code exchange repeats. */
  redirectUri: string;
  now: Date;
}

/** The CRM's consent URL for the org's admin, with a fresh single-use state bound to them. */
export async function startInstall(
  tx: OrgTransaction,
  authFor: ConnectorAuthRegistry | undefined,
  input: StartInstall,
): Promise<{ url: string; expiresAt: Date }> {
  const auth = requireAuth(authFor, input.crm);
  const connection = await getConnection(tx);
  if (!connection) throw new RipeError('not_found', `Org ${tx.orgId} has no connection`);
  if (connection.crm !== input.crm) {
    throw new RipeError(
      'conflict',
      `This org works with ${crmLabels[connection.crm]}, not ${crmLabels[input.crm]}`,
    );
  }
  const { state, expiresAt } = await createOAuthState(tx, input);
  return { url: auth.authorizeUrl({ state, redirectUri: input.redirectUri }), expiresAt };
}

export interface FinishInstall {
  crm: OAuthCrm;
  state: string;
  code: string | undefined;
  /** What the CRM sent instead of a code when the admin declined, e.g. `access_denied`. */
  error: string | undefined;
  now: Date;
}

export interface InstallDeps {
  db: Database;
  secrets: SecretsRepository;
  authFor: ConnectorAuthRegistry | undefined;
}

/**
 * The callback's work: consume the state (whatever follows, it cannot be used twice), exchange the
 * code, seal the tokens, mark the connection connected and audit it for the admin who started.
 */
export async function finishInstall(deps: InstallDeps, input: FinishInstall): Promise<Connection> {
  const consumed = await consumeOAuthState(deps.db, input.state);
  const label = crmLabels[input.crm];
  if (!consumed) {
    throw new RipeError('invalid_request', 'This authorisation is unknown or was already used: start again');
  }
  if (consumed.crm !== input.crm) {
    throw new RipeError('invalid_request', `This authorisation was started for ${crmLabels[consumed.crm]}`);
  }
  if (consumed.expiresAt.getTime() <= input.now.getTime()) {
    throw new RipeError('invalid_request', 'This authorisation expired: start again from Ripe');
  }
  if (consumed.role !== 'admin') {
    throw new RipeError('forbidden', 'Only an admin of the org can connect its CRM');
  }
  if (input.error !== undefined || input.code === undefined) {
    throw new RipeError('invalid_request', `${label} did not authorise Ripe: ${input.error ?? 'no code'}`);
  }
  const auth = requireAuth(deps.authFor, input.crm);
  const exchanged = await auth.exchangeCode({ code: input.code, redirectUri: consumed.redirectUri });
  if (!exchanged.ok) throw exchangeFailure(label, exchanged.error);
  const tokens = exchanged.value;
  return withOrg(deps.db, consumed.orgId, async (tx) => {
    const connection = await recordTokens(tx, deps.secrets, tokens);
    // The HubSpot app's signed calls name the portal: this is how they find the org.
    // A portal id is a number (hubId); any other instance is not one to look an org up by.
    if (input.crm === 'hubspot' && /^\d{1,20}$/.test(tokens.instance))
      await setOrgExternalId(tx, tokens.instance);
    await recordAudit(tx, {
      actor: consumed.memberId,
      action: 'connection.connected',
      target: input.crm,
      details: { instance: tokens.instance, scopes: tokens.scopes },
    });
    return connection;
  });
}

function requireAuth(authFor: ConnectorAuthRegistry | undefined, crm: OAuthCrm): ConnectorAuth {
  const auth = authFor?.(crm);
  if (!auth) {
    throw new RipeError('connector_unavailable', `The ${crmLabels[crm]} connector is not available yet`);
  }
  return auth;
}

function exchangeFailure(label: string, error: ConnectorError): RipeError {
  const transient = ['unavailable', 'rate_limited', 'daily_limit'].includes(error.code);
  return new RipeError(
    transient ? 'connector_unavailable' : 'invalid_request',
    `${label} did not complete the connection: ${error.message}${transient ? ' (try again later)' : ''}`,
  );
}
