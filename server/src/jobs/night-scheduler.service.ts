import type { AppDeps, RunningService } from '../runtime/app-deps.ts';
import { runOrgNight, type NightLog, type OrgNightDeps } from '../night/org-night.ts';
import type { Database } from '../store/database.ts';
import { defaultCatchUpMs, planNights } from './night-planner.ts';
import { processOwner } from '../night/process-owner.ts';
import { createNightScheduler, type NightScheduler } from './night.scheduler.ts';

export interface InProcessSchedulerOptions {
  db: Database;
  log?: NightLog;
  now?: () => Date;
  concurrency?: number;
  tickMs?: number;
  catchUpMs?: number;
  leaseMs?: number;
  resolveConnector?: OrgNightDeps['resolveConnector'];
}

/**
 * The one-machine scheduler: nights of the stored orgs at their local times, and runs left behind by
 * a stopped process resumed from their checkpoints. Stopping it ends running nights after their
 * current batch; the next start resumes them.
 */
export function inProcessNightScheduler(options: InProcessSchedulerOptions): NightScheduler {
  const now = options.now ?? (() => new Date());
  const stopping = new AbortController();
  const deps: OrgNightDeps = {
    db: options.db,
    owner: processOwner('scheduler'),
    now,
    leaseMs: options.leaseMs,
    log: options.log,
    resolveConnector: options.resolveConnector,
    drivenRuns: new Set(),
  };
  const scheduler = createNightScheduler({
    now,
    concurrency: options.concurrency ?? 2,
    tickMs: options.tickMs ?? 30_000,
    log: options.log,
    plan: (at) => planNights(options.db, at, options.catchUpMs ?? defaultCatchUpMs),
    run: (job) =>
      runOrgNight(
        deps,
        job.orgId,
        job.kind === 'night'
          ? { nightDate: job.nightDate, signal: stopping.signal }
          : { resumeRunId: job.runId, signal: stopping.signal },
      ),
  });
  return {
    ...scheduler,
    async stop() {
      stopping.abort();
      await scheduler.stop();
    },
  };
}

/** `ripe serve` runs the nights itself when RIPE_SCHEDULER=in-process (the default). */
export async function nightSchedulerService(deps: AppDeps): Promise<RunningService> {
  if (deps.config.scheduler.mode !== 'in-process')
    return { name: 'night scheduler (off)', stop: async () => {} };
  const scheduler = inProcessNightScheduler({
    db: deps.db,
    log: deps.logger,
    resolveConnector: deps.resolveConnector,
  });
  scheduler.start();
  deps.logger.info({ mode: 'in-process' }, 'night scheduler started');
  return { name: 'night scheduler', stop: () => scheduler.stop() };
}
