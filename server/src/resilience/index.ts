/**
 * Failure behaviour of every outbound CRM call.
 *
 * Call-site contract (connectors, token refresh, write-back):
 * 1. Every request goes through the org's limiter: `limiter.schedule(orgId, () => …)`, so one org's
 *    night never delays another org and never exceeds the org's share of the provider's limit.
 * 2. Inside, the request runs under `withRetry(call, policy, runtime)` with the provider's policy
 *    (`defaultRetryPolicy` plus the provider's `rateLimitResetHeaders`, typed in its provider file).
 * 3. `call` returns a `Result`: a response ≥ 400 becomes `transportErrorFromResponse(…)` (with the
 *    provider's error code parsed from the body), a thrown network error becomes
 *    `transportErrorFromNetwork(…)`. Never `new Error('HTTP ' + status)`, never the raw error.
 * 4. POST and PATCH pass `runtime.idempotencyKey` (the request's idempotency key header, or the
 *    natural key of an upsert) or are not retried at all.
 * 5. Credentials travel in headers, never in the URL; the error keeps a redacted URL anyway, and
 *    `onRetry` may log the error and the decision, which hold no secret.
 * 6. A `retry_after_too_long` or `attempts_exhausted` failure is reported to the run (counted as an
 *    API error), and the job is rescheduled after `decision.waitMs` rather than held open.
 */
export * from './result.ts';
export * from './http-method.ts';
export * from './server-wait.ts';
export * from './redact-url.ts';
export * from './retry.policy.ts';
export * from './crm-transport.error.ts';
export * from './with-retry.ts';
export * from './org-rate-limiter.ts';
