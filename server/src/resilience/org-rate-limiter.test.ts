import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrgRateLimiter } from './org-rate-limiter.ts';

describe('createOrgRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Schedules `count` instant calls for the org, recording when each started. */
  function burst(limiter: ReturnType<typeof createOrgRateLimiter>, orgId: string, count: number) {
    const starts: number[] = [];
    const done = Promise.all(
      Array.from({ length: count }, () =>
        limiter.schedule(orgId, async () => {
          starts.push(Date.now());
        }),
      ),
    );
    return { starts, done };
  }

  it("holds each org's cap per interval", async () => {
    const limiter = createOrgRateLimiter({ requestsPerInterval: 3, intervalMs: 1_000, concurrency: 10 });
    const a = burst(limiter, 'org-a', 9);
    await vi.advanceTimersByTimeAsync(5_000);
    await a.done;
    expect(a.starts).toHaveLength(9);
    // No rolling second ever holds more than three starts.
    for (const start of a.starts) {
      expect(a.starts.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(3);
    }
    expect(Math.max(...a.starts)).toBeGreaterThanOrEqual(2_000);
  });

  it("does not delay org B behind org A's burst", async () => {
    const limiter = createOrgRateLimiter({ requestsPerInterval: 2, intervalMs: 1_000, concurrency: 2 });
    const a = burst(limiter, 'org-a', 20);
    const b = burst(limiter, 'org-b', 2);
    await vi.advanceTimersByTimeAsync(0);
    await b.done;
    expect(b.starts).toStrictEqual([0, 0]);
    expect(a.starts).toStrictEqual([0, 0]);
    expect(limiter.stats('org-a').queued).toBe(18);
    await vi.advanceTimersByTimeAsync(10_000);
    await a.done;
    expect(limiter.stats('org-a')).toStrictEqual({ queued: 0, running: 0 });
  });

  it('caps the calls in flight per org', async () => {
    const limiter = createOrgRateLimiter({ requestsPerInterval: 100, intervalMs: 1_000, concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    const calls = Array.from({ length: 6 }, () =>
      limiter.schedule('org-a', async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 100));
        inFlight -= 1;
      }),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(calls);
    expect(peak).toBe(2);
  });

  it('tryAcquire grants a slot while the org has one, and refuses past the cap', async () => {
    const limiter = createOrgRateLimiter({ requestsPerInterval: 2, intervalMs: 1_000, concurrency: 5 });
    const first = limiter.tryAcquire('org-a');
    const second = limiter.tryAcquire('org-a');
    expect(first).toHaveProperty('release');
    expect(second).toHaveProperty('release');
    expect(limiter.tryAcquire('org-a')).toBeUndefined();
    expect(limiter.stats('org-a')).toStrictEqual({ queued: 0, running: 2 });
    // Another org is not affected.
    expect(limiter.tryAcquire('org-b')).toHaveProperty('release');
    first?.release();
    second?.release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(limiter.tryAcquire('org-a')).toHaveProperty('release');
  });

  it('tryAcquire refuses while the org is at its concurrency', async () => {
    const limiter = createOrgRateLimiter({ requestsPerInterval: 100, intervalMs: 1_000, concurrency: 1 });
    const lease = limiter.tryAcquire('org-a');
    expect(lease).toHaveProperty('release');
    expect(limiter.tryAcquire('org-a')).toBeUndefined();
    lease?.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(limiter.tryAcquire('org-a')).toHaveProperty('release');
  });

  it('rejects impossible limits', () => {
    expect(() => createOrgRateLimiter({ requestsPerInterval: 0, intervalMs: 1_000, concurrency: 1 })).toThrow(
      RangeError,
    );
  });
});
