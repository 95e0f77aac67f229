import { isIdempotentMethod, type HttpMethod } from './http-method.ts';
import {
  parseRateLimitReset,
  parseRetryAfter,
  type RateLimitResetHeader,
  type ResponseHeaders,
} from './server-wait.ts';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; it doubles with each attempt. */
  baseDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /**
   * Longest wait a server may ask for (`Retry-After`, reset headers). Beyond it the call gives up with
   * `retry_after_too_long` and its `waitMs`, so that a job can be rescheduled instead of holding a worker.
   */
  maxServerWaitMs: number;
  /** Provider facts: the headers that say when a rate limit resets. */
  rateLimitResetHeaders: readonly RateLimitResetHeader[];
  /** Transport failures worth another try: connection reset, timeouts, DNS hiccups. */
  retryableErrorCodes: readonly string[];
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxServerWaitMs: 120_000,
  rateLimitResetHeaders: [
    // IETF RateLimit fields: delta-seconds.
    { header: 'ratelimit-reset', unit: 'seconds' },
    { header: 'x-ratelimit-reset', unit: 'epoch_seconds' },
  ],
  retryableErrorCodes: [
    'ECONNRESET',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNREFUSED',
    'EPIPE',
    'socket hang up',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
  ],
};

export interface RetryInput {
  /** The attempt that just failed, from 1. */
  attempt: number;
  method: HttpMethod;
  /** HTTP status of the response; absent when no response came back. */
  status?: number;
  /** Transport error code when no response came back (`ECONNRESET`, `socket hang up`). */
  errorCode?: string;
  /** The raw `Retry-After` header. */
  retryAfter?: string;
  /** A server wait already resolved by the transport (`CrmTransportError.retryAfterMs`). */
  retryAfterMs?: number;
  /** Response headers by lower-case name, read for the policy's rate-limit reset headers. */
  rateLimitHeaders?: ResponseHeaders;
  /** Makes a POST or PATCH safe to repeat. */
  idempotencyKey?: string;
  /** Epoch milliseconds. */
  now: number;
  /** A uniform draw in [0, 1) for the jitter: injected, so the decision is pure. */
  random: number;
}

export type RetryReason =
  | 'rate_limited'
  | 'server_error'
  | 'request_timeout'
  | 'network_error'
  | 'succeeded'
  | 'client_error'
  | 'unknown_error'
  | 'not_idempotent'
  | 'attempts_exhausted'
  | 'retry_after_too_long';

export interface RetryDecision {
  retry: boolean;
  reason: RetryReason;
  /** How long to wait before the next attempt (0 when not retrying, except `retry_after_too_long`). */
  waitMs: number;
}

type Failure = 'rate_limited' | 'server_error' | 'request_timeout' | 'network_error';

/**
 * The one retry decision of every CRM call: 408, 429, 5xx and transport errors are retried; any
 * other 4xx never is; POST and PATCH only with an idempotency key; the server's `Retry-After` or
 * rate-limit reset is honoured, otherwise a capped exponential backoff with full jitter.
 */
export function decideRetry(input: RetryInput, policy: RetryPolicy): RetryDecision {
  const failure = classify(input, policy);
  if (failure === 'succeeded' || failure === 'client_error' || failure === 'unknown_error') {
    return { retry: false, reason: failure, waitMs: 0 };
  }
  if (!isIdempotentMethod(input.method) && !input.idempotencyKey) {
    return { retry: false, reason: 'not_idempotent', waitMs: 0 };
  }
  if (input.attempt >= policy.maxAttempts) {
    return { retry: false, reason: 'attempts_exhausted', waitMs: 0 };
  }
  const serverWaitMs = serverWait(input, failure, policy);
  if (serverWaitMs !== undefined) {
    if (serverWaitMs > policy.maxServerWaitMs) {
      return { retry: false, reason: 'retry_after_too_long', waitMs: serverWaitMs };
    }
    return { retry: true, reason: failure, waitMs: serverWaitMs };
  }
  return { retry: true, reason: failure, waitMs: backoffMs(input.attempt, input.random, policy) };
}

/** Full jitter: uniform in [0, min(cap, base × 2^(attempt − 1))). */
export function backoffMs(attempt: number, random: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
}

function classify(
  input: RetryInput,
  policy: RetryPolicy,
): Failure | 'succeeded' | 'client_error' | 'unknown_error' {
  const { status, errorCode } = input;
  if (status === undefined) {
    if (errorCode === undefined) return 'unknown_error';
    const known = policy.retryableErrorCodes.some((code) => code.toLowerCase() === errorCode.toLowerCase());
    return known ? 'network_error' : 'unknown_error';
  }
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'request_timeout';
  if (status >= 500 && status <= 599) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'succeeded';
}

/** What the server asked for: `Retry-After` first, then the provider's reset headers when rate limited. */
function serverWait(input: RetryInput, failure: Failure, policy: RetryPolicy): number | undefined {
  const retryAfter = parseRetryAfter(input.retryAfter, input.now) ?? input.retryAfterMs;
  if (retryAfter !== undefined) return retryAfter;
  if (failure !== 'rate_limited' && input.status !== 503) return undefined;
  return parseRateLimitReset(input.rateLimitHeaders, policy.rateLimitResetHeaders, input.now);
}
