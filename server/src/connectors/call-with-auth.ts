import type { Result } from '../resilience/result.ts';
import type { ConnectorError, CrmConnector } from './crm-connector.ts';

/**
 * Runs a connector call; when the CRM says the session expired, gets a new token once and repeats the call
 * once. Any other failure is the caller's to handle (the connector's transport already retried what it may).
 */
export async function callWithAuth<T>(
  connector: CrmConnector,
  call: () => Promise<Result<T, ConnectorError>>,
): Promise<Result<T, ConnectorError>> {
  const first = await call();
  if (first.ok || first.error.code !== 'auth_expired') return first;
  const refreshed = await connector.reauthenticate();
  if (!refreshed.ok) return refreshed;
  return call();
}
