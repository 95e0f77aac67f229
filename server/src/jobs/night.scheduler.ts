import PQueue from 'p-queue';
import type { NightLog, OrgNightOutcome } from '../night/org-night.ts';
import { failureReason } from '../night/night-failure.ts';
import { jobKey, type NightJob, type PlanReport } from './night-planner.ts';

export interface NightSchedulerOptions {
  /** What is due at `now` (the store's planner in production). */
  plan(now: Date): Promise<PlanReport>;
  /** Runs one night; failures come back as outcomes (runOrgNight), a throw is logged and the others go on. */
  run(job: NightJob): Promise<OrgNightOutcome>;
  now: () => Date;
  /** Nights running at once across orgs. */
  concurrency: number;
  /** How often to look for due nights. */
  tickMs: number;
  log?: NightLog;
}

export interface NightScheduler {
  /** Plans once and queues what is due and not queued yet; resolves with the jobs it queued. */
  tick(): Promise<NightJob[]>;
  /** Ticks now, then every `tickMs`. */
  start(): void;
  /** Stops ticking, drops queued nights, waits for running ones. */
  stop(): Promise<void>;
  /** Resolves when no night is queued or running. */
  onIdle(): Promise<void>;
  /** Nights queued or running. */
  pending(): number;
}

/**
 * Runs each org's night at its local time in this process: every tick plans the due nights (the
 * planner reads the schedules, DST-correct) and queues them behind a bound on concurrency. A night
 * queued or running is not queued again; one that started is never due again (the store says so).
 */
export function createNightScheduler(options: NightSchedulerOptions): NightScheduler {
  const queue = new PQueue({ concurrency: options.concurrency });
  const inFlight = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<NightJob[]> | undefined;
  let stopped = false;

  async function runJob(job: NightJob, key: string): Promise<void> {
    try {
      const outcome = await options.run(job);
      options.log?.info({ job, status: outcome.status }, 'scheduled night done');
    } catch (error) {
      // runOrgNight throws only when no run could record the failure (an org deleted meanwhile).
      options.log?.error({ job, reason: failureReason(error) }, 'scheduled night could not run');
    } finally {
      inFlight.delete(key);
    }
  }

  async function plan(): Promise<NightJob[]> {
    const report = await options.plan(options.now());
    for (const invalid of report.invalidSchedules) {
      options.log?.warn(invalid, 'schedule ignored: it is invalid');
    }
    const queued: NightJob[] = [];
    for (const job of report.jobs) {
      const key = jobKey(job);
      if (stopped || inFlight.has(key)) continue;
      inFlight.add(key);
      queued.push(job);
      void queue.add(() => runJob(job, key));
    }
    return queued;
  }

  function tick(): Promise<NightJob[]> {
    // Ticks never overlap: a slow planner delays the next tick instead of doubling it.
    ticking ??= plan()
      .catch((error: unknown) => {
        options.log?.error({ reason: failureReason(error) }, 'planning the nights failed');
        return [];
      })
      .finally(() => {
        ticking = undefined;
      });
    return ticking;
  }

  return {
    tick,
    start() {
      if (timer || stopped) return;
      void tick();
      timer = setInterval(() => void tick(), options.tickMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      queue.clear();
      await ticking;
      await queue.onIdle();
    },
    onIdle: () => queue.onIdle(),
    pending: () => queue.size + queue.pending,
  };
}
