import { oneWriteEndpoint, type ProviderFacts } from '../provider-facts.ts';

/** The sandbox generator stands in for a CRM: no OAuth, no limits, pages and batches of a mid-size CRM. */
export const sandboxProvider: ProviderFacts = {
  kind: 'sandbox',
  label: 'Sandbox',
  apiVersion: null,
  oauth: null,
  pageSize: 200,
  writeBatchSize: 200,
  writeEndpoints: oneWriteEndpoint('collection'),
  rateLimit: null,
  dailyLimitHeader: null,
  rateLimitResetHeaders: [],
};
