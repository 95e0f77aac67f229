import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CrmTransportError,
  networkErrorCode,
  transportErrorFromNetwork,
  transportErrorFromResponse,
} from './crm-transport.error.ts';
import { redactUrl } from './redact-url.ts';

const now = Date.parse('2026-03-02T10:00:00Z');
const token = 'tok_7f3a9c0ddeadbeef';

describe('redactUrl', () => {
  it.each([
    [
      `https://api.hubapi.com/crm/v3/objects/companies?hapikey=${token}&limit=100`,
      'https://api.hubapi.com/crm/v3/objects/companies?hapikey=redacted&limit=100',
    ],
    [
      `https://login.salesforce.com/services/oauth2/token?grant_type=refresh_token&refresh_token=${token}&client_secret=s3`,
      'https://login.salesforce.com/services/oauth2/token?grant_type=refresh_token&refresh_token=redacted&client_secret=redacted',
    ],
    [
      `https://user:${token}@example.my.salesforce.com/services/data`,
      'https://example.my.salesforce.com/services/data',
    ],
    [`/services/data/v62.0/query?q=SELECT+Id&access_token=${token}`, '/services/data/v62.0/query'],
  ])('%s', (raw, expected) => {
    expect(redactUrl(raw)).toBe(expected);
  });
});

describe('CrmTransportError', () => {
  it('keeps status, provider code and retry-after from a response', () => {
    const error = transportErrorFromResponse(
      {
        method: 'GET',
        url: 'https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account',
        status: 403,
        headers: new Headers({ 'Retry-After': '30' }),
        providerCode: 'REQUEST_LIMIT_EXCEEDED',
      },
      [],
      now,
    );
    expect(error).toBeInstanceOf(CrmTransportError);
    expect(error.toJSON()).toStrictEqual({
      name: 'CrmTransportError',
      message:
        'GET https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account failed: HTTP 403 (REQUEST_LIMIT_EXCEEDED)',
      method: 'GET',
      url: 'https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account',
      status: 403,
      providerCode: 'REQUEST_LIMIT_EXCEEDED',
      retryAfterMs: 30_000,
    });
    expect(error.isNetworkError).toBe(false);
  });

  it('reads the provider reset headers on a 429 without Retry-After', () => {
    const error = transportErrorFromResponse(
      {
        method: 'POST',
        url: 'https://api.hubapi.com/crm/v3/objects/tasks/batch/upsert',
        status: 429,
        headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' },
        providerCode: 'RATE_LIMIT',
      },
      [{ header: 'x-hubspot-ratelimit-interval-milliseconds', unit: 'milliseconds' }],
      now,
    );
    expect(error.retryAfterMs).toBe(10_000);
  });

  it('never carries a credential from the URL or from the network error', () => {
    const cause = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: `Bearer ${token}` } },
    });
    const error = transportErrorFromNetwork(
      'GET',
      `https://api.hubapi.com/crm/v3/objects/companies?access_token=${token}`,
      new Error('fetch failed', { cause }),
    );
    expect(error.providerCode).toBe('ECONNRESET');
    expect(error.status).toBeUndefined();
    expect(error.isNetworkError).toBe(true);
    expect(error.cause).toBeUndefined();
    for (const text of [error.message, error.url, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(token);
    }
  });
});

describe('networkErrorCode', () => {
  it.each([
    ['a Node error code', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [
      'a fetch error cause',
      new Error('fetch failed', { cause: Object.assign(new Error('x'), { code: 'EAI_AGAIN' }) }),
      'EAI_AGAIN',
    ],
    ['an AbortSignal.timeout', new DOMException('The operation timed out', 'TimeoutError'), 'ETIMEDOUT'],
    ['a timeout Error', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'ETIMEDOUT'],
    ['a bare socket hang up', new Error('socket hang up'), 'socket hang up'],
    ['not an error', 'ECONNRESET', undefined],
  ])('%s', (_name, error, expected) => {
    expect(networkErrorCode(error)).toBe(expected);
  });
});
