import type { ProviderFacts } from '../provider-facts.ts';

/**
 * HubSpot's numbers beside the provider facts: what the emulator enforces and the connector plans for.
 * Sources: developers.hubspot.com "API usage guidelines" (marketplace apps: 110 requests per 10 s per
 * installed account), "Search the CRM" (5 requests/s, 200 per page, 10,000 results per query), the batch
 * endpoints (100 inputs), associations v4 batch read (1,000 inputs), "Manage OAuth tokens" (access tokens
 * expire after 30 minutes).
 */
export const hubspotLimits = {
  requestsPerInterval: 110,
  intervalMs: 10_000,
  searchRequestsPerSecond: 5,
  searchPageSize: 200,
  searchResultCap: 10_000,
  batchSize: 100,
  associationsBatchReadSize: 1_000,
  accessTokenLifetimeSeconds: 1_800,
} as const;

/**
 * The dated OAuth token endpoint Ripe uses, the v1 one HubSpot deprecates in February 2027, the token
 * introspection, and the consent page's path (on app.hubspot.com; an emulator serves it on its own host).
 */
export const hubspotOAuthPaths = {
  authorize: '/oauth/authorize',
  token: '/oauth/2026-03/token',
  deprecatedToken: '/oauth/v1/token',
  accessTokenInfo: '/oauth/v1/access-tokens',
} as const;

export const hubspotApiBase = 'https://api.hubapi.com';
export const hubspotAppBase = 'https://app.hubspot.com';

/** The `X-HubSpot-RateLimit-*` response headers, lower case. The daily pair is absent for OAuth apps. */
export const hubspotRateLimitHeaders = {
  max: 'x-hubspot-ratelimit-max',
  remaining: 'x-hubspot-ratelimit-remaining',
  intervalMs: 'x-hubspot-ratelimit-interval-milliseconds',
  daily: 'x-hubspot-ratelimit-daily',
  dailyRemaining: 'x-hubspot-ratelimit-daily-remaining',
} as const;

/** The 429 body's `policyName` values. */
export type HubSpotRateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

/**
 * The least scopes that work: read and write companies (verdict properties), read contacts and deals
 * (the account's people and pipeline), write deals (the expansion deal), read/write the company and deal
 * schemas (the property group, the catalogue properties, the deal's idempotency key), owners for the CSM,
 * `oauth` for the install. The tasks API asks for the contacts scopes (developers.hubspot.com "Activities |
 * Tasks", scope requirements: crm.objects.contacts.read / .write), hence contacts write. `sales-email-read`:
 * without it HubSpot redacts the content of email engagements (changelog "New scope required to get the
 * content of email engagements"), and what customers write is what the conversation analysis reads.
 */
export const hubspotScopes = [
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.owners.read',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.deals.read',
  'crm.schemas.deals.write',
  'sales-email-read',
] as const;

/**
 * What Ripe adds to a portal: its property group on companies (the catalogue's properties live there), the
 * company property marking each night's history record, and the idempotency keys on tasks and deals
 * (unique-value properties, so a replayed write finds what it wrote before).
 */
export const ripeSchema = {
  groupName: 'ripe',
  groupLabel: 'Ripe expansion',
  historyKeyProperty: 'ripe_history_key',
  taskKeyProperty: 'ripe_task_key',
  dealKeyProperty: 'ripe_opportunity_key',
} as const;

export const hubspotProvider: ProviderFacts = {
  kind: 'hubspot',
  label: 'HubSpot',
  apiVersion: '2026-03',
  oauth: {
    authorizeUrl: `${hubspotAppBase}${hubspotOAuthPaths.authorize}`,
    tokenUrl: `${hubspotApiBase}${hubspotOAuthPaths.token}`,
    scopes: hubspotScopes,
  },
  pageSize: hubspotLimits.searchPageSize,
  writeBatchSize: hubspotLimits.batchSize,
  // Company fields and the night's history key go in one batch update; tasks and deals have their own.
  writeEndpoints: {
    account_fields: 'companies',
    history: 'companies',
    task_upsert: 'tasks',
    task_close: 'tasks',
    opportunity_create: 'deals',
  },
  rateLimit: { requests: hubspotLimits.requestsPerInterval, intervalMs: hubspotLimits.intervalMs },
  // OAuth (marketplace) calls carry no daily allowance header: HubSpot changelog "Rate limit headers will
  // now appear for OAuth authenticated calls".
  dailyLimitHeader: null,
  // The rolling window's length is the longest wait a 429 TEN_SECONDLY_ROLLING needs.
  rateLimitResetHeaders: [{ header: hubspotRateLimitHeaders.intervalMs, unit: 'milliseconds' }],
};
