import type { RateLimitResetHeader } from '../resilience/server-wait.ts';
import type { WriteKind } from './write-operation.ts';

/** Every kind of write through one endpoint (one call takes any mix). */
export const oneWriteEndpoint = (name: string): Readonly<Record<WriteKind, string>> => ({
  account_fields: name,
  history: name,
  task_upsert: name,
  task_close: name,
  opportunity_create: name,
});

/**
 * A CRM's facts as typed data, one file per provider (`<crm>/provider.ts`): what the code branches on
 * is read from here, never written as literals through the connector.
 */
export interface ProviderFacts {
  kind: 'sandbox' | 'salesforce' | 'hubspot' | 'fake';
  label: string;
  /** The API version the connector pins, e.g. `68.0`; null when the API is not versioned. */
  apiVersion: string | null;
  /** OAuth endpoints and the least scopes that work; null when the CRM needs no authorisation. */
  oauth: { authorizeUrl: string; tokenUrl: string; scopes: readonly string[] } | null;
  /** Records per read call (a query page, a search page). */
  pageSize: number;
  /** Records per write call (a composite collection, a batch update). */
  writeBatchSize: number;
  /**
   * The API endpoint each kind of write goes to: kinds sharing an endpoint share its calls (Salesforce's
   * composite takes any mix; HubSpot writes companies, tasks and deals through separate batch endpoints).
   */
  writeEndpoints: Readonly<Record<WriteKind, string>>;
  /** The documented request rate; null when there is none. */
  rateLimit: { requests: number; intervalMs: number } | null;
  /** The response header that reports the daily allowance (`sforce-limit-info`), lower case. */
  dailyLimitHeader: string | null;
  /** Headers that say when a rate limit resets, for the retry policy. */
  rateLimitResetHeaders: readonly RateLimitResetHeader[];
}
