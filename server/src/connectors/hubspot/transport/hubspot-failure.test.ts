import { describe, expect, it } from 'vitest';
import { decideFailure, type HubSpotFailure } from './hubspot-failure.ts';

const now = Date.parse('2026-06-30T06:00:00.000Z');
const limited = (policyName: string, headers = {}): HubSpotFailure => ({
  status: 429,
  body: { status: 'error', message: 'You have reached your limit.', errorType: 'RATE_LIMIT', policyName },
  headers,
});

describe('decideFailure', () => {
  it.each([
    [
      'a 401',
      { status: 401, body: { message: 'The OAuth token used to make this call expired 3 second(s) ago.' } },
      1,
      false,
      {
        retry: false,
        error: {
          code: 'auth_expired',
          message:
            'HubSpot refused the access token: The OAuth token used to make this call expired 3 second(s) ago.',
        },
      },
    ],
    [
      'a 429 DAILY',
      limited('DAILY'),
      1,
      true,
      {
        retry: false,
        error: { code: 'daily_limit', message: "HubSpot's daily API limit is reached" },
      },
    ],
    [
      'a 429 TEN_SECONDLY_ROLLING on a write, after a tenth of the window',
      limited('TEN_SECONDLY_ROLLING', { 'x-hubspot-ratelimit-interval-milliseconds': '10000' }),
      1,
      false,
      { retry: true, waitMs: 1_000 },
    ],
    [
      'a 429 TEN_SECONDLY_ROLLING again, the wait doubled',
      limited('TEN_SECONDLY_ROLLING', { 'x-hubspot-ratelimit-interval-milliseconds': '10000' }),
      4,
      true,
      { retry: true, waitMs: 8_000 },
    ],
    [
      'a 429 TEN_SECONDLY_ROLLING, never more than the window',
      limited('TEN_SECONDLY_ROLLING', { 'x-hubspot-ratelimit-interval-milliseconds': '10000' }),
      5,
      true,
      { retry: true, waitMs: 10_000 },
    ],
    ['a 429 SECONDLY after a second', limited('SECONDLY'), 2, true, { retry: true, waitMs: 1_000 }],
    [
      'a 429 with Retry-After',
      limited('TEN_SECONDLY_ROLLING', { 'retry-after': '3' }),
      1,
      true,
      { retry: true, waitMs: 3_000 },
    ],
    [
      'a 429 still there on the last attempt',
      limited('TEN_SECONDLY_ROLLING'),
      6,
      true,
      {
        retry: false,
        error: {
          code: 'rate_limited',
          message: 'HubSpot kept answering 429 (rate limited)',
          retryAfterMs: undefined,
        },
      },
    ],
    [
      'a 503 on a write',
      { status: 503, body: { message: 'Service Unavailable' } },
      1,
      false,
      {
        retry: false,
        error: { code: 'unavailable', message: 'HubSpot is unavailable (503)', retryAfterMs: undefined },
      },
    ],
    [
      'a 400 with HubSpot’s message',
      { status: 400, body: { message: 'Property values were not valid' } },
      1,
      true,
      {
        retry: false,
        error: {
          code: 'invalid_request',
          message: 'HubSpot refused the request (400): Property values were not valid',
        },
      },
    ],
  ] as const)('%s', (_name, failure, attempt, read, expected) => {
    expect(decideFailure(failure, attempt, read, now, 0.5)).toStrictEqual(expected);
  });

  it('retries a 502 on a read with a jittered backoff, and never on a write', () => {
    const bad = { status: 502, body: { message: 'Bad Gateway' } };
    expect(decideFailure(bad, 1, true, now, 0.5)).toStrictEqual({ retry: true, waitMs: 250 });
    expect(decideFailure(bad, 1, false, now, 0.5).retry).toBe(false);
  });

  it('a refused connection is unavailable, naming the transport code', () => {
    expect(decideFailure({ errorCode: 'ECONNREFUSED' }, 5, true, now, 0)).toMatchObject({
      retry: true,
    });
    expect(decideFailure({ errorCode: 'ECONNREFUSED' }, 6, true, now, 0)).toStrictEqual({
      retry: false,
      error: {
        code: 'unavailable',
        message: 'HubSpot is unavailable (ECONNREFUSED)',
        retryAfterMs: undefined,
      },
    });
  });
});
