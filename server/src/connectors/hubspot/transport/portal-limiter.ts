// One request limiter per installed portal and process: every connector of the portal shares it, so a night and
// a card refresh together stay inside HubSpot's limits (110 requests per rolling 10 s, search 5 per second).
// p-queue's strict mode counts a sliding window, as HubSpot does.
import PQueue from 'p-queue';
import { hubspotLimits } from '../provider.ts';

export interface PortalLimits {
  requestsPerInterval: number;
  intervalMs: number;
  searchRequestsPerSecond: number;
}

export const marketplaceLimits: PortalLimits = {
  requestsPerInterval: hubspotLimits.requestsPerInterval,
  intervalMs: hubspotLimits.intervalMs,
  searchRequestsPerSecond: hubspotLimits.searchRequestsPerSecond,
};

export interface PortalLimiter {
  schedule<T>(search: boolean, run: () => Promise<T>): Promise<T>;
}

// HubSpot counts a request when it arrives, the queue when it starts: a request started at the window's edge can
// arrive inside the window of one started 10 s before it but sent late (an event loop busy scoring). The queue's
// window is this much longer, so such a request does not meet a 429 and its retry wait.
const windowMarginMs = 250;

// Requests in flight at once per portal: HubSpot counts requests, not connections; a few at a time is enough.
const concurrency = 8;

const limiters = new Map<string, PortalLimiter>();

function createPortalLimiter(limits: PortalLimits): PortalLimiter {
  const all = new PQueue({
    concurrency,
    intervalCap: limits.requestsPerInterval,
    interval: limits.intervalMs + windowMarginMs,
    strict: true,
  });
  const search = new PQueue({
    intervalCap: limits.searchRequestsPerSecond,
    interval: 1_000 + windowMarginMs,
    strict: true,
  });
  return {
    schedule: (isSearch, run) => (isSearch ? search.add(() => all.add(run)) : all.add(run)),
  };
}

/** The limiter of one portal (`key`: the API base and the portal id), created on first use. */
export function portalLimiter(key: string, limits: PortalLimits = marketplaceLimits): PortalLimiter {
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createPortalLimiter(limits);
    limiters.set(key, limiter);
  }
  return limiter;
}
