import { oneWriteEndpoint, type ProviderFacts } from '../provider-facts.ts';

/** The REST API version the connector pins: 68.0 (Winter '27). */
export const salesforceApiVersion = '68.0';

/**
 * Salesforce's numbers beside the provider facts: what the emulator enforces and the connector plans for.
 * - `dailyApiRequests`: an Enterprise Edition org's base allowance per rolling 24 hours (`DailyApiRequests.Max`).
 * - `longRunningConcurrentRequests`: requests running 20 s or more at once per production org.
 * - `longRunningThresholdMs`: how long a request runs before it counts as long-running.
 */
export const salesforceLimits = {
  dailyApiRequests: 100_000,
  longRunningConcurrentRequests: 25,
  longRunningThresholdMs: 20_000,
} as const;

/** Salesforce's facts: OAuth web-server flow on login.salesforce.com, pages of 2,000, collections of 200. */
export const salesforceProvider: ProviderFacts & { bulkIngestRecords: number; bulkIngestJobCalls: number } = {
  kind: 'salesforce',
  label: 'Salesforce',
  apiVersion: salesforceApiVersion,
  oauth: {
    authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
    // `api` reads and writes records through the REST API; `refresh_token` lets the night run unattended.
    scopes: ['api', 'refresh_token'],
  },
  pageSize: 2_000,
  writeBatchSize: 200,
  // Records per Bulk API 2.0 ingest job Ripe uploads: Salesforce processes a job in internal batches of 10,000.
  bulkIngestRecords: 10_000,
  // The fewest calls of an ingest job: create, upload the CSV, close, one status read (no results read when none failed).
  bulkIngestJobCalls: 4,
  // One composite call carries up to five sObject Collections: account updates and the three upserts.
  writeEndpoints: oneWriteEndpoint('composite'),
  // Salesforce meters a daily allowance and long-running concurrency, not a request rate.
  rateLimit: null,
  dailyLimitHeader: 'sforce-limit-info',
  rateLimitResetHeaders: [],
};
