import { describe, expect, it } from 'vitest';
import { normaliseHeaders, parseRateLimitReset, parseRetryAfter } from './server-wait.ts';

const now = Date.parse('2026-03-02T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 02 Mar 2026 10:00:30 GMT', 30_000],
    ['Mon, 02 Mar 2026 09:59:00 GMT', 0],
    ['1.5', undefined],
    ['-1', undefined],
    ['tomorrow-ish', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('parseRateLimitReset', () => {
  it('reads each unit and keeps the longest wait', () => {
    const headers = {
      'ratelimit-reset': '4',
      'x-reset-ms': '2500',
      'x-reset-epoch': String(now / 1000 + 9),
      'x-reset-epoch-ms': String(now + 1_000),
    };
    const wait = (
      header: string,
      unit: 'seconds' | 'milliseconds' | 'epoch_seconds' | 'epoch_milliseconds',
    ) => parseRateLimitReset(headers, [{ header, unit }], now);
    expect(wait('ratelimit-reset', 'seconds')).toBe(4_000);
    expect(wait('x-reset-ms', 'milliseconds')).toBe(2_500);
    expect(wait('x-reset-epoch', 'epoch_seconds')).toBe(9_000);
    expect(wait('x-reset-epoch-ms', 'epoch_milliseconds')).toBe(1_000);
    expect(
      parseRateLimitReset(
        headers,
        [
          { header: 'ratelimit-reset', unit: 'seconds' },
          { header: 'x-reset-epoch', unit: 'epoch_seconds' },
        ],
        now,
      ),
    ).toBe(9_000);
  });

  it('ignores absent and malformed headers', () => {
    expect(
      parseRateLimitReset(
        { 'ratelimit-reset': 'soon' },
        [{ header: 'ratelimit-reset', unit: 'seconds' }],
        now,
      ),
    ).toBe(undefined);
    expect(parseRateLimitReset(undefined, [{ header: 'ratelimit-reset', unit: 'seconds' }], now)).toBe(
      undefined,
    );
  });
});

describe('normaliseHeaders', () => {
  it('lower-cases names of Headers and plain records', () => {
    expect(normaliseHeaders(new Headers({ 'Retry-After': '5' }))).toStrictEqual({ 'retry-after': '5' });
    expect(normaliseHeaders({ 'X-RateLimit-Reset': ['1', '2'], Absent: undefined })).toStrictEqual({
      'x-ratelimit-reset': '1, 2',
    });
  });
});
