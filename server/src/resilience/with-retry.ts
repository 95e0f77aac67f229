import type { CrmTransportError } from './crm-transport.error.ts';
import { err, type Result } from './result.ts';
import { decideRetry, type RetryDecision, type RetryPolicy } from './retry.policy.ts';

export interface RetryRuntime {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): `Math.random` in production, a fixed sequence in tests. */
  random(): number;
  /** Epoch milliseconds; `Date.now` by default. */
  now?(): number;
  /** Makes a POST or PATCH retryable (an idempotency key header, or the natural key of an upsert). */
  idempotencyKey?: string;
  /** Told before each wait: the place to count retries or log (never the request's credentials). */
  onRetry?(error: CrmTransportError, decision: RetryDecision, attempt: number): void;
}

/** Why the call finally failed: the last transport error and the decision that stopped the retries. */
export interface RetryFailure {
  error: CrmTransportError;
  decision: RetryDecision;
  attempts: number;
}

/**
 * Runs `call` until it succeeds or `decideRetry` says stop, waiting what the decision says between
 * attempts. `call` reports a failed request as a `Result`; a thrown error is a programmer error and
 * propagates at once.
 */
export async function withRetry<T>(
  call: (attempt: number) => Promise<Result<T, CrmTransportError>>,
  policy: RetryPolicy,
  runtime: RetryRuntime,
): Promise<Result<T, RetryFailure>> {
  const now = runtime.now ?? Date.now;
  for (let attempt = 1; ; attempt += 1) {
    const result = await call(attempt);
    if (result.ok) return result;
    const { error } = result;
    const decision = decideRetry(
      {
        attempt,
        method: error.method,
        status: error.status,
        errorCode: error.isNetworkError ? error.providerCode : undefined,
        retryAfterMs: error.retryAfterMs,
        idempotencyKey: runtime.idempotencyKey,
        now: now(),
        random: runtime.random(),
      },
      policy,
    );
    if (!decision.retry) return err({ error, decision, attempts: attempt });
    runtime.onRetry?.(error, decision, attempt);
    await runtime.sleep(decision.waitMs);
  }
}
