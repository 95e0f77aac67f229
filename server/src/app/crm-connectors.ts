import type { AppConfig } from '../config/env.ts';
import type { ConnectorAuthRegistry } from '../connectors/connections/oauth-install.ts';
import { hubspotAuth } from '../connectors/hubspot/hubspot-auth.ts';
import { salesforceAuth } from '../connectors/salesforce/salesforce-auth.ts';
import { salesforceJwtTokens } from '../connectors/salesforce/salesforce-jwt.ts';
import { readFileSync } from 'node:fs';
import { RipeError } from '@ripe/shared';
import { secret } from '../config/secret.ts';
import { createConnectorResolver, type ConnectorResolver } from '../night/connector-resolver.ts';
import { createSecretsRepository, keyringFromConfig, requireKeyring } from '../secrets/index.ts';
import type { Database } from '../store/database.ts';

/** Ripe's OAuth client in each CRM the environment configures (`SALESFORCE_CLIENT_ID`, `HUBSPOT_CLIENT_ID` …). */
export function connectorAuthFromConfig(config: AppConfig): ConnectorAuthRegistry {
  const { salesforce, hubspot } = config.crm;
  const sfAuth = salesforce ? salesforceAuth(salesforce) : undefined;
  const hsAuth = hubspot
    ? hubspotAuth({
        baseUrl: hubspot.apiBaseUrl,
        clientId: hubspot.clientId,
        clientSecret: hubspot.clientSecret,
      })
    : undefined;
  return (crm) => (crm === 'salesforce' ? sfAuth : crm === 'hubspot' ? hsAuth : undefined);
}

/** The connectors the nights of this process use: the sandbox, and each configured CRM through its tokens. */
export function nightConnectors(db: Database, config: AppConfig): ConnectorResolver {
  const keyring = keyringFromConfig(config.secrets);
  return createConnectorResolver({
    db,
    secrets: () => createSecretsRepository(requireKeyring(keyring)),
    auth: connectorAuthFromConfig(config),
    hubspotBaseUrl: config.crm.hubspot?.apiBaseUrl,
    salesforceJwt: salesforceJwtFromConfig(config),
  });
}

/**
 * JWT bearer token stores for Salesforce orgs connected that way: the connected app's certificate key, read once
 * from `SALESFORCE_JWT_KEY_FILE`; undefined without one.
 */
export function salesforceJwtFromConfig(
  config: AppConfig,
): ((username: string) => ReturnType<typeof salesforceJwtTokens>) | undefined {
  const salesforce = config.crm.salesforce;
  if (!salesforce?.jwtKeyFile) return undefined;
  let key: string;
  try {
    key = readFileSync(salesforce.jwtKeyFile, 'utf8');
  } catch {
    throw new RipeError('invalid_env', `SALESFORCE_JWT_KEY_FILE cannot be read: ${salesforce.jwtKeyFile}`);
  }
  const privateKeyPem = secret(key);
  return (username) =>
    salesforceJwtTokens({
      loginUrl: salesforce.loginUrl,
      clientId: salesforce.clientId,
      username,
      privateKeyPem,
    });
}
