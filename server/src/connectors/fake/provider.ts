import { oneWriteEndpoint, type ProviderFacts } from '../provider-facts.ts';

/** The fake CRM's defaults: sizes close to the real CRMs' so the night's paging and batching are exercised. */
export const fakeDefaults = { pageSize: 50, writeBatchSize: 25, dailyLimit: 100_000 } as const;

/** The fake CRM's facts: no OAuth endpoints (its token is modelled in memory), no request rate. */
export function fakeProvider(sizes: { pageSize: number; writeBatchSize: number }): ProviderFacts {
  return {
    kind: 'fake',
    label: 'Fake CRM',
    apiVersion: null,
    oauth: null,
    pageSize: sizes.pageSize,
    writeBatchSize: sizes.writeBatchSize,
    writeEndpoints: oneWriteEndpoint('collection'),
    rateLimit: null,
    dailyLimitHeader: null,
    rateLimitResetHeaders: [],
  };
}
