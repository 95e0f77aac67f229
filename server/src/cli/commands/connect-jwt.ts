import { RipeError } from '@ripe/shared';
import { salesforceJwtFromConfig } from '../../app/crm-connectors.ts';
import { recordAudit } from '../../audit/index.ts';
import type { AppConfig } from '../../config/env.ts';
import {
  getConnection,
  recordTokens,
  upsertConnection,
  type Connection,
} from '../../connectors/connections/connections.repository.ts';
import { createSecretsRepository, keyringFromConfig, requireKeyring } from '../../secrets/index.ts';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';

/**
 * Connects a Salesforce org by the JWT bearer flow (no browser): a session is minted with the connected app's
 * certificate for the pre-authorised integration user; the instance, that user and the flow are recorded.
 */
export async function connectSalesforceByJwt(
  db: Database,
  config: AppConfig,
  input: { orgId: string; memberId: string; username: string },
): Promise<Connection> {
  const jwt = salesforceJwtFromConfig(config);
  if (!jwt) {
    throw new RipeError(
      'invalid_env',
      "Set SALESFORCE_JWT_KEY_FILE to the private key of the connected app's certificate to connect by JWT",
    );
  }
  const store = jwt(input.username);
  const session = await store.session();
  const token = await store.accessToken();
  if (!session.ok) throw new RipeError('invalid_request', session.error.message);
  if (!token.ok) throw new RipeError('invalid_request', token.error.message);
  const secrets = createSecretsRepository(requireKeyring(keyringFromConfig(config.secrets)));
  return withOrg(db, input.orgId, async (tx) => {
    const current = await getConnection(tx);
    if (current?.crm !== 'salesforce') {
      throw new RipeError('conflict', `Org ${input.orgId} is not a Salesforce org`);
    }
    await upsertConnection(tx, {
      crm: 'salesforce',
      settings: { ...current.settings, jwtUsername: input.username },
    });
    const connection = await recordTokens(tx, secrets, {
      accessToken: token.value,
      refreshToken: null,
      expiresAt: null,
      instance: session.value.instanceUrl,
      scopes: [],
      userId: session.value.userId,
    });
    await recordAudit(tx, {
      actor: input.memberId,
      action: 'connection.connected',
      target: 'salesforce',
      details: { instance: session.value.instanceUrl, flow: 'jwt_bearer' },
    });
    return connection;
  });
}
