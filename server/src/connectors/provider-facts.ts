import type { RateLimitResetHeader } from '../resilience/server-wait.ts';

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
  /** The documented request rate; null when there is none. */
  rateLimit: { requests: number; intervalMs: number } | null;
  /** The response header that reports the daily allowance (`sforce-limit-info`), lower case. */
  dailyLimitHeader: string | null;
  /** Headers that say when a rate limit resets, for the retry policy. */
  rateLimitResetHeaders: readonly RateLimitResetHeader[];
}
