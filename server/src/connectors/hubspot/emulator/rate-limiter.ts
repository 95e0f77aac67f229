import { hubspotLimits, type HubSpotRateLimitPolicy } from '../provider.ts';

export interface RateLimitOptions {
  requestsPerInterval: number;
  intervalMs: number;
  searchRequestsPerSecond: number;
  /** The portal's daily allowance; null for marketplace (OAuth) apps, whose responses carry no daily headers. */
  dailyLimit: number | null;
}

export const marketplaceRateLimits: RateLimitOptions = {
  requestsPerInterval: hubspotLimits.requestsPerInterval,
  intervalMs: hubspotLimits.intervalMs,
  searchRequestsPerSecond: hubspotLimits.searchRequestsPerSecond,
  dailyLimit: null,
};

export type RateDecision =
  | { allowed: true; remaining: number; dailyRemaining: number | null }
  | { allowed: false; policy: HubSpotRateLimitPolicy; remaining: number; dailyRemaining: number | null };

/** A rolling-window limiter per portal: 110 requests per 10 s, search 5 per second, an optional daily count. */
export interface RateLimiter {
  options: RateLimitOptions;
  take(now: number, isSearch: boolean): RateDecision;
  /** Every request seen, allowed or not. */
  seen: { requests: number; rejected: number };
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const window: number[] = [];
  const searchWindow: number[] = [];
  let daily = 0;
  const seen = { requests: 0, rejected: 0 };
  const prune = (times: number[], since: number): void => {
    while (times.length > 0 && (times[0] ?? 0) <= since) times.shift();
  };
  return {
    options,
    seen,
    take(now, isSearch) {
      seen.requests += 1;
      prune(window, now - options.intervalMs);
      prune(searchWindow, now - 1_000);
      const dailyRemaining = options.dailyLimit === null ? null : Math.max(0, options.dailyLimit - daily);
      const reject = (policy: HubSpotRateLimitPolicy): RateDecision => {
        seen.rejected += 1;
        return {
          allowed: false,
          policy,
          remaining: Math.max(0, options.requestsPerInterval - window.length),
          dailyRemaining,
        };
      };
      if (dailyRemaining === 0) return reject('DAILY');
      if (window.length >= options.requestsPerInterval) return reject('TEN_SECONDLY_ROLLING');
      if (isSearch && searchWindow.length >= options.searchRequestsPerSecond) return reject('SECONDLY');
      window.push(now);
      if (isSearch) searchWindow.push(now);
      daily += 1;
      return {
        allowed: true,
        remaining: options.requestsPerInterval - window.length,
        dailyRemaining: dailyRemaining === null ? null : dailyRemaining - 1,
      };
    },
  };
}
