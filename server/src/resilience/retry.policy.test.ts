import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  decideRetry,
  defaultRetryPolicy,
  type RetryInput,
  type RetryPolicy,
} from './retry.policy.ts';

const now = Date.parse('2026-03-02T10:00:00Z');
const policy: RetryPolicy = {
  ...defaultRetryPolicy,
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 5_000,
  maxServerWaitMs: 60_000,
  rateLimitResetHeaders: [
    { header: 'x-ratelimit-reset', unit: 'epoch_seconds' },
    { header: 'x-hubspot-ratelimit-interval-milliseconds', unit: 'milliseconds' },
  ],
};
const base: RetryInput = { attempt: 1, method: 'GET', now, random: 0.5 };

describe('decideRetry', () => {
  it.each([
    ['429', { status: 429 }, { retry: true, reason: 'rate_limited', waitMs: 500 }],
    ['500', { status: 500 }, { retry: true, reason: 'server_error', waitMs: 500 }],
    ['502', { status: 502 }, { retry: true, reason: 'server_error', waitMs: 500 }],
    ['503', { status: 503 }, { retry: true, reason: 'server_error', waitMs: 500 }],
    ['504', { status: 504 }, { retry: true, reason: 'server_error', waitMs: 500 }],
    ['408', { status: 408 }, { retry: true, reason: 'request_timeout', waitMs: 500 }],
    ['400', { status: 400 }, { retry: false, reason: 'client_error', waitMs: 0 }],
    ['401', { status: 401 }, { retry: false, reason: 'client_error', waitMs: 0 }],
    ['403', { status: 403 }, { retry: false, reason: 'client_error', waitMs: 0 }],
    ['404', { status: 404 }, { retry: false, reason: 'client_error', waitMs: 0 }],
    ['409', { status: 409 }, { retry: false, reason: 'client_error', waitMs: 0 }],
    ['422', { status: 422 }, { retry: false, reason: 'client_error', waitMs: 0 }],
    ['200', { status: 200 }, { retry: false, reason: 'succeeded', waitMs: 0 }],
    ['ECONNRESET', { errorCode: 'ECONNRESET' }, { retry: true, reason: 'network_error', waitMs: 500 }],
    ['ETIMEDOUT', { errorCode: 'ETIMEDOUT' }, { retry: true, reason: 'network_error', waitMs: 500 }],
    ['ENOTFOUND', { errorCode: 'ENOTFOUND' }, { retry: true, reason: 'network_error', waitMs: 500 }],
    ['EAI_AGAIN', { errorCode: 'EAI_AGAIN' }, { retry: true, reason: 'network_error', waitMs: 500 }],
    [
      'socket hang up',
      { errorCode: 'Socket hang up' },
      { retry: true, reason: 'network_error', waitMs: 500 },
    ],
    ['unknown code', { errorCode: 'ERR_INVALID_URL' }, { retry: false, reason: 'unknown_error', waitMs: 0 }],
    ['no status, no code', {}, { retry: false, reason: 'unknown_error', waitMs: 0 }],
  ] as const)('%s', (_name, failure, expected) => {
    expect(decideRetry({ ...base, ...failure }, policy)).toStrictEqual(expected);
  });

  describe('idempotency', () => {
    it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'] as const)('retries %s without a key', (method) => {
      expect(decideRetry({ ...base, method, status: 503 }, policy).retry).toBe(true);
    });

    it.each(['POST', 'PATCH'] as const)('never retries %s without an idempotency key', (method) => {
      for (const failure of [{ status: 429 }, { status: 503 }, { errorCode: 'ECONNRESET' }]) {
        expect(decideRetry({ ...base, method, ...failure }, policy)).toStrictEqual({
          retry: false,
          reason: 'not_idempotent',
          waitMs: 0,
        });
      }
    });

    it.each(['POST', 'PATCH'] as const)('retries %s with an idempotency key', (method) => {
      expect(
        decideRetry({ ...base, method, status: 503, idempotencyKey: 'task-acc-1' }, policy),
      ).toStrictEqual({ retry: true, reason: 'server_error', waitMs: 500 });
    });

    it('does not retry a POST 400 even with a key', () => {
      expect(decideRetry({ ...base, method: 'POST', status: 400, idempotencyKey: 'k' }, policy).reason).toBe(
        'client_error',
      );
    });
  });

  describe('backoff', () => {
    it.each([
      [1, 0.5, 500],
      [2, 0.5, 1_000],
      [3, 0.5, 2_000],
      [3, 0.999, 3_996],
      [3, 0, 0],
      [10, 0.5, 2_500], // capped at maxDelayMs 5,000
    ])('attempt %i with draw %f waits %i ms', (attempt, random, waitMs) => {
      expect(backoffMs(attempt, random, policy)).toBe(waitMs);
    });

    it('stays under the cap whatever the draw', () => {
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        expect(backoffMs(attempt, 0.999_999, policy)).toBeLessThan(policy.maxDelayMs);
      }
    });

    it('gives up after the last attempt', () => {
      expect(decideRetry({ ...base, attempt: 3, status: 503 }, policy).retry).toBe(true);
      expect(decideRetry({ ...base, attempt: 4, status: 503 }, policy)).toStrictEqual({
        retry: false,
        reason: 'attempts_exhausted',
        waitMs: 0,
      });
    });
  });

  describe('server waits', () => {
    it('honours Retry-After in seconds, without jitter', () => {
      expect(decideRetry({ ...base, status: 429, retryAfter: '7' }, policy)).toStrictEqual({
        retry: true,
        reason: 'rate_limited',
        waitMs: 7_000,
      });
    });

    it('honours Retry-After as an HTTP date', () => {
      const retryAfter = new Date(now + 12_000).toUTCString();
      expect(decideRetry({ ...base, status: 503, retryAfter }, policy).waitMs).toBe(12_000);
    });

    it('retries at once when the Retry-After date has passed', () => {
      const retryAfter = new Date(now - 5_000).toUTCString();
      expect(decideRetry({ ...base, status: 429, retryAfter }, policy).waitMs).toBe(0);
    });

    it('falls back on the backoff when Retry-After is garbage', () => {
      expect(decideRetry({ ...base, status: 429, retryAfter: 'soon' }, policy).waitMs).toBe(500);
      expect(decideRetry({ ...base, status: 429, retryAfter: '-3' }, policy).waitMs).toBe(500);
    });

    it('uses a wait the transport already resolved', () => {
      expect(decideRetry({ ...base, status: 429, retryAfterMs: 2_345 }, policy).waitMs).toBe(2_345);
    });

    it('honours a provider reset header on 429 (epoch seconds)', () => {
      const rateLimitHeaders = { 'x-ratelimit-reset': String(now / 1000 + 20) };
      expect(decideRetry({ ...base, status: 429, rateLimitHeaders }, policy).waitMs).toBe(20_000);
    });

    it('honours a provider reset header in milliseconds (HubSpot interval)', () => {
      const rateLimitHeaders = { 'x-hubspot-ratelimit-interval-milliseconds': '10000' };
      expect(decideRetry({ ...base, status: 429, rateLimitHeaders }, policy).waitMs).toBe(10_000);
    });

    it('ignores reset headers on a plain server error', () => {
      const rateLimitHeaders = { 'x-ratelimit-reset': String(now / 1000 + 20) };
      expect(decideRetry({ ...base, status: 500, rateLimitHeaders }, policy).waitMs).toBe(500);
    });

    it('prefers Retry-After over the reset headers', () => {
      const rateLimitHeaders = { 'x-ratelimit-reset': String(now / 1000 + 20) };
      expect(decideRetry({ ...base, status: 429, retryAfter: '3', rateLimitHeaders }, policy).waitMs).toBe(
        3_000,
      );
    });

    it('gives up, with the wait, when the server asks for more than the policy allows', () => {
      expect(decideRetry({ ...base, status: 429, retryAfter: '3600' }, policy)).toStrictEqual({
        retry: false,
        reason: 'retry_after_too_long',
        waitMs: 3_600_000,
      });
    });
  });
});
