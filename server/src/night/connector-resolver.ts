import { RipeError } from '@ripe/shared';
import type { ConnectorAuthRegistry } from '../connectors/connections/oauth-install.ts';
import type { Connection } from '../connectors/connections/connections.repository.ts';
import { createTokenStore, type TokenStore } from '../connectors/connections/token-store.ts';
import type { SandboxSettings } from '../connectors/connections/connection-settings.schema.ts';
import type { CrmConnector } from '../connectors/crm-connector.ts';
import { sandboxConnector } from '../connectors/sandbox/sandbox.connector.ts';
import { salesforceConnector } from '../connectors/salesforce/salesforce.connector.ts';
import { hubspotConnector } from '../connectors/hubspot/hubspot.connector.ts';
import type { SecretsRepository } from '../secrets/secrets.repository.ts';
import type { FieldMapping } from '../settings/field-mapping.schema.ts';
import type { Database } from '../store/database.ts';
import type { Org } from '../store/orgs.repository.ts';

export interface OrgForNight extends Org {
  sandbox: SandboxSettings;
  /** The org's CRM connection (instance, settings, status); undefined only for an org being deleted. */
  connection?: Connection;
  fieldMapping?: FieldMapping;
}

/** The connector serving one org's night as of `asOf`; throws a `RipeError` when there is none. */
export type ConnectorResolver = (org: OrgForNight, asOf: string) => CrmConnector;

const crmLabels = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;

/** Sandbox orgs run on the generator behind the same interface; a CRM org needs `createConnectorResolver`. */
export const defaultConnectors: ConnectorResolver = (org, asOf) => {
  switch (org.crm) {
    case 'sandbox':
      return sandboxConnector({ settings: org.sandbox, asOf, priceBook: org.priceBook });
    case 'salesforce':
    case 'hubspot':
      throw new RipeError(
        'connector_unavailable',
        `The ${crmLabels[org.crm]} connector needs the app's OAuth client: set ${org.crm.toUpperCase()}_CLIENT_ID and ${org.crm.toUpperCase()}_CLIENT_SECRET`,
      );
  }
};

export interface ResolverDeps {
  db: Database;
  /** The sealed-secrets repository holding the connections' tokens. */
  secrets: () => SecretsRepository;
  auth: ConnectorAuthRegistry;
  /** A JWT bearer token store for a Salesforce org connected that way, by its integration username. */
  salesforceJwt?: (username: string) => TokenStore | undefined;
  /** HubSpot's API (`https://api.hubapi.com`, an emulator's URL); a Salesforce org's instance is its own. */
  hubspotBaseUrl?: string;
  now?: () => Date;
}

/**
 * The connectors of a running Ripe: a CRM org's connector reads its tokens from the store (refreshed
 * single-flight), its instance and settings from its connection, its field mapping from its settings.
 */
export function createConnectorResolver(deps: ResolverDeps): ConnectorResolver {
  return (org, asOf) => {
    if (org.crm === 'sandbox') return defaultConnectors(org, asOf);
    const label = crmLabels[org.crm];
    const auth = deps.auth(org.crm);
    if (!auth) return defaultConnectors(org, asOf);
    const connection = org.connection;
    if (!connection?.instance || connection.status === 'revoked') {
      throw new RipeError(
        'connector_unavailable',
        connection?.statusReason ?? `${label} is not connected: an admin authorises Ripe first`,
      );
    }
    if (connection.crm === 'salesforce' && connection.settings.jwtUsername) {
      const jwt = deps.salesforceJwt?.(connection.settings.jwtUsername);
      if (!jwt) {
        throw new RipeError(
          'connector_unavailable',
          'This org is connected by JWT bearer: set SALESFORCE_JWT_KEY_FILE to the connected app certificate key',
        );
      }
      return salesforceConnector({
        instanceUrl: connection.instance,
        tokens: jwt,
        mapping: org.fieldMapping,
        priceBook: org.priceBook,
        sync: connection.settings,
        ripeUserId: connection.settings.integrationUserId ?? null,
      });
    }
    const tokens = createTokenStore({
      db: deps.db,
      orgId: org.id,
      auth,
      secrets: deps.secrets(),
      now: deps.now ?? (() => new Date()),
    });
    if (connection.crm === 'salesforce') {
      return salesforceConnector({
        instanceUrl: connection.instance,
        tokens,
        mapping: org.fieldMapping,
        priceBook: org.priceBook,
        sync: connection.settings,
        ripeUserId: connection.settings.integrationUserId ?? null,
      });
    }
    if (connection.crm !== 'hubspot') {
      throw new RipeError('conflict', `Org ${org.id} is a ${label} org connected to ${connection.crm}`);
    }
    return hubspotConnector({
      baseUrl: deps.hubspotBaseUrl ?? 'https://api.hubapi.com',
      tokens,
      settings: connection.settings,
      asOf,
      portalId: connection.instance,
      priceBook: org.priceBook,
    });
  };
}
