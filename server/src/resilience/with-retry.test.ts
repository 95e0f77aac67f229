import { describe, expect, it } from 'vitest';
import { CrmTransportError } from './crm-transport.error.ts';
import type { HttpMethod } from './http-method.ts';
import { err, ok, type Result } from './result.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry.policy.ts';
import { withRetry, type RetryRuntime } from './with-retry.ts';

const policy: RetryPolicy = { ...defaultRetryPolicy, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
const url = 'https://api.hubapi.com/crm/v3/objects/companies';

function failure(
  method: HttpMethod,
  fields: { status?: number; providerCode?: string; retryAfterMs?: number },
) {
  return new CrmTransportError({ method, url, ...fields });
}

/** A call that answers the scripted outcomes in order. */
function scripted<T>(outcomes: Result<T, CrmTransportError>[]) {
  const attempts: number[] = [];
  return {
    attempts,
    call: async (attempt: number) => {
      attempts.push(attempt);
      const outcome = outcomes[attempt - 1];
      if (!outcome) throw new Error(`no outcome scripted for attempt ${attempt}`);
      return outcome;
    },
  };
}

function runtime(extra: Partial<RetryRuntime> = {}) {
  const waits: number[] = [];
  return {
    waits,
    runtime: {
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      random: () => 0.5,
      now: () => 0,
      ...extra,
    } satisfies RetryRuntime,
  };
}

describe('withRetry', () => {
  it('returns the first success without waiting', async () => {
    const { call, attempts } = scripted([ok('companies')]);
    const { runtime: rt, waits } = runtime();
    expect(await withRetry(call, policy, rt)).toStrictEqual(ok('companies'));
    expect(attempts).toStrictEqual([1]);
    expect(waits).toStrictEqual([]);
  });

  it('retries a 503 then a reset connection with jittered backoff, then succeeds', async () => {
    const { call, attempts } = scripted([
      err(failure('GET', { status: 503 })),
      err(failure('GET', { providerCode: 'ECONNRESET' })),
      ok(42),
    ]);
    const { runtime: rt, waits } = runtime();
    expect(await withRetry(call, policy, rt)).toStrictEqual(ok(42));
    expect(attempts).toStrictEqual([1, 2, 3]);
    expect(waits).toStrictEqual([50, 100]);
  });

  it('waits what the server asked for', async () => {
    const { call } = scripted([err(failure('GET', { status: 429, retryAfterMs: 7_000 })), ok('done')]);
    const { runtime: rt, waits } = runtime();
    await withRetry(call, policy, rt);
    expect(waits).toStrictEqual([7_000]);
  });

  it('stops after the last attempt with the last error and the decision', async () => {
    const last = failure('GET', { status: 502 });
    const { call } = scripted([
      err(failure('GET', { status: 500 })),
      err(failure('GET', { status: 503 })),
      err(last),
    ]);
    const { runtime: rt, waits } = runtime();
    const result = await withRetry(call, policy, rt);
    expect(result).toStrictEqual(
      err({ error: last, attempts: 3, decision: { retry: false, reason: 'attempts_exhausted', waitMs: 0 } }),
    );
    expect(waits).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const { call, attempts } = scripted([err(failure('GET', { status: 404 }))]);
    const result = await withRetry(call, policy, runtime().runtime);
    expect(attempts).toStrictEqual([1]);
    expect(!result.ok && result.error.decision.reason).toBe('client_error');
  });

  it('retries a POST only with an idempotency key', async () => {
    const outcomes = [err(failure('POST', { status: 503 })), ok('created')];
    const withoutKey = scripted(outcomes);
    const refused = await withRetry(withoutKey.call, policy, runtime().runtime);
    expect(!refused.ok && refused.error.decision.reason).toBe('not_idempotent');
    expect(withoutKey.attempts).toStrictEqual([1]);

    const withKey = scripted(outcomes);
    const retried = await withRetry(
      withKey.call,
      policy,
      runtime({ idempotencyKey: 'ripe-task-acc-1' }).runtime,
    );
    expect(retried).toStrictEqual(ok('created'));
    expect(withKey.attempts).toStrictEqual([1, 2]);
  });

  it('tells onRetry about each retry', async () => {
    const seen: string[] = [];
    const { call } = scripted([err(failure('GET', { status: 429, retryAfterMs: 10 })), ok(1)]);
    await withRetry(
      call,
      policy,
      runtime({
        onRetry: (error, decision, attempt) => seen.push(`${attempt}:${error.status}:${decision.reason}`),
      }).runtime,
    );
    expect(seen).toStrictEqual(['1:429:rate_limited']);
  });

  it('lets a programmer error through at once', async () => {
    const call = async (): Promise<Result<number, CrmTransportError>> => {
      throw new TypeError('mapper bug');
    };
    await expect(withRetry(call, policy, runtime().runtime)).rejects.toThrow('mapper bug');
  });
});
