import { RipeError } from '@ripe/shared';
import type { CrmConnector } from '../connectors/crm-connector.ts';
import { sandboxConnector } from '../connectors/sandbox/sandbox.connector.ts';
import type { Org } from '../store/orgs.repository.ts';
import type { SandboxSettings } from '../connectors/connections/connection-settings.schema.ts';

export interface OrgForNight extends Org {
  sandbox: SandboxSettings;
}

/** The connector serving one org's night as of `asOf`; throws a `RipeError` when there is none. */
export type ConnectorResolver = (org: OrgForNight, asOf: string) => CrmConnector;

const crmLabels = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;

/** Sandbox orgs run on the generator behind the same interface; the CRM connectors plug in here. */
export const defaultConnectors: ConnectorResolver = (org, asOf) => {
  switch (org.crm) {
    case 'sandbox':
      return sandboxConnector({ settings: org.sandbox, asOf, priceBook: org.priceBook });
    case 'salesforce':
    case 'hubspot':
      throw new RipeError(
        'connector_unavailable',
        `The ${crmLabels[org.crm]} connector is not available yet: this org's accounts cannot be pulled`,
      );
  }
};
