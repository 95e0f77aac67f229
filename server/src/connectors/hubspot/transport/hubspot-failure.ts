// What a failed HubSpot call means, as a pure decision: retry after a wait (a rolling-window or per-second 429,
// a 5xx on a read), or a ConnectorError the night branches on. Messages are HubSpot's own `message` (never
// the body, the headers or the URL, which can carry a token).
import { decideRetry, defaultRetryPolicy, type RetryPolicy } from '../../../resilience/retry.policy.ts';
import type { ResponseHeaders } from '../../../resilience/server-wait.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import {
  hubspotLimits,
  hubspotProvider,
  hubspotRateLimitHeaders,
  type HubSpotRateLimitPolicy,
} from '../provider.ts';

export interface HubSpotFailure {
  /** HTTP status; undefined when no response came back. */
  status?: number;
  /** The transport's error code when no response came back (`ECONNREFUSED`). */
  errorCode?: string;
  body?: unknown;
  headers?: ResponseHeaders;
}

export type FailureDecision = { retry: true; waitMs: number } | { retry: false; error: ConnectorError };

export const hubspotRetryPolicy: RetryPolicy = {
  ...defaultRetryPolicy,
  maxAttempts: 6,
  rateLimitResetHeaders: hubspotProvider.rateLimitResetHeaders,
};

// HubSpot's per-second search limit resets within a second.
const secondlyWaitMs = 1_000;

/**
 * A 429 of the rolling 10-second window: a slot frees when the window's oldest request leaves it, anywhere from now
 * to 10 s on. The portal's limiter already paces the calls, so a 429 is a request at the window's edge, whose slot
 * frees soon: wait a tenth of the window, doubling on each attempt, never more than the window.
 */
function rollingWaitMs(attempt: number, headers: ResponseHeaders | undefined): number {
  const interval = Number(headers?.[hubspotRateLimitHeaders.intervalMs] ?? hubspotLimits.intervalMs);
  const window = Number.isFinite(interval) && interval > 0 ? interval : hubspotLimits.intervalMs;
  return Math.min(window, (window / 10) * 2 ** Math.max(0, attempt - 1));
}

function field(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

function policyOf(body: unknown): HubSpotRateLimitPolicy | undefined {
  const name = field(body, 'policyName');
  return name === 'DAILY' || name === 'SECONDLY' || name === 'TEN_SECONDLY_ROLLING' ? name : undefined;
}

/**
 * `attempt` is the attempt that just failed (from 1); `read` says whether repeating the call cannot change
 * the CRM (searches and batch reads are POSTs that only read). A 429 was refused before it was applied, so
 * any call may be repeated after it.
 */
export function decideFailure(
  failure: HubSpotFailure,
  attempt: number,
  read: boolean,
  now: number,
  random: number,
): FailureDecision {
  const { status, body, headers } = failure;
  const said = field(body, 'message');
  if (status === 401) {
    return {
      retry: false,
      error: { code: 'auth_expired', message: `HubSpot refused the access token${said ? `: ${said}` : ''}` },
    };
  }
  if (status === 429 && policyOf(body) === 'DAILY') {
    return { retry: false, error: { code: 'daily_limit', message: "HubSpot's daily API limit is reached" } };
  }
  const decision = decideRetry(
    {
      attempt,
      method: read || status === 429 ? 'GET' : 'POST',
      status,
      errorCode: failure.errorCode,
      retryAfter: headers?.['retry-after'],
      retryAfterMs:
        status !== 429
          ? undefined
          : policyOf(body) === 'SECONDLY'
            ? secondlyWaitMs
            : policyOf(body) === 'TEN_SECONDLY_ROLLING'
              ? rollingWaitMs(attempt, headers)
              : undefined,
      rateLimitHeaders: headers,
      now,
      random,
    },
    hubspotRetryPolicy,
  );
  if (decision.retry) return { retry: true, waitMs: decision.waitMs };
  const retryAfterMs = decision.reason === 'retry_after_too_long' ? decision.waitMs : undefined;
  if (status === 429) {
    return {
      retry: false,
      error: { code: 'rate_limited', message: 'HubSpot kept answering 429 (rate limited)', retryAfterMs },
    };
  }
  if (status === undefined || status >= 500) {
    const what = status === undefined ? (failure.errorCode ?? 'no response') : String(status);
    return {
      retry: false,
      error: { code: 'unavailable', message: `HubSpot is unavailable (${what})`, retryAfterMs },
    };
  }
  return {
    retry: false,
    error: {
      code: 'invalid_request',
      message: `HubSpot refused the request (${status})${said ? `: ${said}` : ''}`,
    },
  };
}
