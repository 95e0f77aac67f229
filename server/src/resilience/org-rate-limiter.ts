import PQueue from 'p-queue';

export interface OrgRateLimits {
  /** Calls that may start in any rolling `intervalMs` window, per org. */
  requestsPerInterval: number;
  intervalMs: number;
  /** Calls in flight at once, per org. */
  concurrency: number;
}

/** A slot taken with `tryAcquire`: it counts against the org's limits until released. */
export interface RateLimitLease {
  release(): void;
}

export interface OrgQueueStats {
  /** Waiting for a slot. */
  queued: number;
  /** Running now. */
  running: number;
}

export interface OrgRateLimiter {
  /** Runs `task` when the org has a slot; other orgs' queues do not delay it. */
  schedule<T>(orgId: string, task: () => Promise<T>): Promise<T>;
  /** A slot now, or `undefined` when the org is at its limit (the caller answers 429 or defers). */
  tryAcquire(orgId: string): RateLimitLease | undefined;
  stats(orgId: string): OrgQueueStats;
  /** Resolves when the org has nothing queued or running. */
  onIdle(orgId: string): Promise<void>;
}

/**
 * One p-queue per org, each with its own concurrency and a sliding-window rate (p-queue's strict
 * mode, so no window ever holds more than `requestsPerInterval` starts). Queues live as long as the
 * limiter: one per connected org, a few hundred bytes each.
 */
export function createOrgRateLimiter(limits: OrgRateLimits): OrgRateLimiter {
  if (limits.requestsPerInterval < 1 || limits.intervalMs <= 0 || limits.concurrency < 1) {
    throw new RangeError('Rate limits need at least one request, one slot and a positive interval');
  }
  const queues = new Map<string, PQueue>();
  const queueOf = (orgId: string): PQueue => {
    let queue = queues.get(orgId);
    if (!queue) {
      queue = new PQueue({
        concurrency: limits.concurrency,
        intervalCap: limits.requestsPerInterval,
        interval: limits.intervalMs,
        strict: true,
      });
      queues.set(orgId, queue);
    }
    return queue;
  };

  return {
    schedule: (orgId, task) => queueOf(orgId).add(task),
    tryAcquire(orgId) {
      const queue = queueOf(orgId);
      // Never jump ahead of calls already waiting.
      if (queue.size > 0 || queue.pending >= queue.concurrency) return undefined;
      const abort = new AbortController();
      let started = false;
      let release = (): void => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // p-queue starts a task synchronously inside add() when a slot is free; otherwise it is
      // still queued (the window is full) and the abort takes it back out.
      queue
        .add(
          () => {
            started = true;
            return held;
          },
          { signal: abort.signal },
        )
        .catch(() => {});
      if (!started) {
        abort.abort();
        return undefined;
      }
      return { release };
    },
    stats(orgId) {
      const queue = queues.get(orgId);
      return { queued: queue?.size ?? 0, running: queue?.pending ?? 0 };
    },
    onIdle: (orgId) => queues.get(orgId)?.onIdle() ?? Promise.resolve(),
  };
}
