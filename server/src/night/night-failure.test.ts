import { describe, expect, it } from 'vitest';
import { RipeError } from '@ripe/shared';
import { CrmTransportError } from '../resilience/crm-transport.error.ts';
import { failureReason, isTransientFailure, NightStoppedError } from './night-failure.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isTransientFailure', () => {
  it.each([
    ['a lost connection (SQLSTATE 08006)', withCode('connection failure', '08006'), true],
    ['a server shutting down (57P01)', withCode('terminating connection', '57P01'), true],
    ['a deadlock (40P01)', withCode('deadlock detected', '40P01'), true],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET'), true],
    ['pg losing its client', new Error('Connection terminated unexpectedly'), true],
    [
      'a CRM rate limit',
      new CrmTransportError({ method: 'GET', url: 'https://x.test/a', status: 429 }),
      true,
    ],
    [
      'a CRM server error',
      new CrmTransportError({ method: 'GET', url: 'https://x.test/a', status: 503 }),
      true,
    ],
    ['a CRM refusal', new CrmTransportError({ method: 'GET', url: 'https://x.test/a', status: 403 }), false],
    ['a typed error', new RipeError('connector_unavailable', 'no connector'), false],
    ['a unique violation (23505)', withCode('duplicate key', '23505'), false],
    ['a bug', new TypeError('x is undefined'), false],
  ])('%s → %s', (_what, error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });
});

describe('failureReason', () => {
  it.each([
    [
      new RipeError('connector_unavailable', 'The HubSpot connector is not available yet'),
      'The HubSpot connector is not available yet',
    ],
    [withCode('read ECONNRESET', 'ECONNRESET'), 'The database or the network was unavailable (ECONNRESET)'],
    [new NightStoppedError(), 'The process is stopping: the night will resume from its checkpoint'],
    [
      new CrmTransportError({
        method: 'GET',
        url: 'https://user:pw@crm.test/a?access_token=abc',
        status: 500,
      }),
      expect.stringMatching(/^A CRM call failed: GET https:\/\/.*crm\.test\/a.* failed: HTTP 500$/),
    ],
    [
      new Error(
        'login failed for postgres://ripe:hunter2@db:5432/ripe with password=hunter2\n    at stack (x.ts:1)',
      ),
      'Unexpected Error during the night: login failed for postgres://[redacted]@db:5432/ripe with password=[redacted]',
    ],
    [
      new Error(`Bearer ${'a'.repeat(40)} refused`),
      'Unexpected Error during the night: Bearer [redacted] refused',
    ],
    ['a string', 'Unexpected string during the night'],
  ])('%s', (error, reason) => {
    expect(failureReason(error)).toEqual(reason);
  });

  it('never leaks a secret from a CRM URL, and stays short', () => {
    const reason = failureReason(
      new CrmTransportError({
        method: 'GET',
        url: 'https://user:pw@crm.test/a?access_token=abc',
        status: 500,
      }),
    );
    expect(reason).not.toContain('pw@');
    expect(reason).not.toContain('abc');
    expect(failureReason(new Error('x'.repeat(1_000))).length).toBeLessThanOrEqual(300);
  });
});
