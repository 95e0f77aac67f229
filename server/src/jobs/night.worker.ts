import PgBoss from 'pg-boss';
import { isRipeError } from '@ripe/shared';
import { runOrgNight, type NightLog, type OrgNightDeps, type OrgNightOutcome } from '../night/org-night.ts';
import type { Database } from '../store/database.ts';
import { failureReason } from '../night/night-failure.ts';
import { nightJobIdentity, nightJobSchema, nightQueue } from './night-job.ts';
import { defaultCatchUpMs, planNights, type NightJob } from './night-planner.ts';
import { processOwner } from '../night/process-owner.ts';

export interface NightWorkerOptions {
  /** The store, on the same PostgreSQL server as the queue. */
  db: Database;
  /** The server pg-boss keeps its queue on (schema `pgboss`). */
  databaseUrl: string;
  /** Nights this worker runs at once. */
  concurrency: number;
  /** How often this worker plans due nights and looks for runs whose process stopped. */
  planEveryMs: number;
  /** How often an idle worker asks the queue for a night (seconds, at least 0.5). */
  pollSeconds: number;
  /** How long a silent process keeps its run before another resumes it. */
  leaseMs: number;
  /** Accounts per batch of a new run. */
  batchSize: number;
  /** Attempts after the first, spaced by `retryDelaySeconds` doubling with each (pg-boss backoff). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Outer bound of one attempt; a crashed worker's run is resumed long before, through its lease. */
  expireSeconds: number;
  catchUpMs?: number;
  now?: () => Date;
  log?: NightLog;
  resolveConnector?: OrgNightDeps['resolveConnector'];
}

export interface NightWorker {
  /** This process's lease owner id. */
  owner: string;
  /** Plans once: sends the due nights and the runs to resume; resolves with the jobs the queue took. */
  plan(): Promise<number>;
  /** Stops planning and fetching; running nights end after their batch in flight and are resumed later. */
  stop(): Promise<void>;
}

export const defaultWorkerOptions = {
  concurrency: 2,
  planEveryMs: 30_000,
  pollSeconds: 2,
  leaseMs: 60_000,
  batchSize: 100,
  retryLimit: 4,
  retryDelaySeconds: 60,
  expireSeconds: 4 * 60 * 60,
} as const;

/**
 * A worker of the many-machines mode. Every worker plans (the planners agree on job ids, so a night is
 * queued once however many plan it) and runs nights from the pg-boss queue, `concurrency` at a time. A
 * night is run once per org and date (the store's unique night index decides), a retry resumes the
 * run's checkpoint, and runs whose worker died are resumed by the next planning round of any worker.
 */
// A fixed advisory-lock key, distinct from the migrator's.
const queueCreationLockKey = 0x72697065_7162;

export async function startNightWorker(options: NightWorkerOptions): Promise<NightWorker> {
  const now = options.now ?? (() => new Date());
  const owner = processOwner('worker');
  const stopping = new AbortController();
  const deps: OrgNightDeps = {
    db: options.db,
    owner,
    now,
    leaseMs: options.leaseMs,
    log: options.log,
    resolveConnector: options.resolveConnector,
    drivenRuns: new Set(),
  };
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: 'ripe-worker',
    max: options.concurrency + 2,
    schedule: false,
  });
  boss.on('error', (error) => options.log?.error({ reason: failureReason(error) }, 'queue error'));
  await boss.start();
  try {
    // Workers starting together would all create the queue, and pg-boss's insert can then deadlock: one at a
    // time, under a transaction-scoped advisory lock held on our own connection.
    await options.db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [queueCreationLockKey]);
      if (await boss.getQueue(nightQueue)) return;
      await boss.createQueue(nightQueue, {
        name: nightQueue,
        policy: 'standard',
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: options.expireSeconds,
      });
    });
    for (let slot = 0; slot < options.concurrency; slot += 1) {
      await boss.work<unknown>(
        nightQueue,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollSeconds },
        ([job]) => (job ? handle(job) : Promise.resolve(null)),
      );
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw error;
  }

  async function handle(job: PgBoss.JobWithMetadata<unknown>): Promise<object> {
    const parsed = nightJobSchema.safeParse(job.data);
    if (!parsed.success) {
      options.log?.error({ jobId: job.id }, 'night job ignored: its payload is not a night');
      return { status: 'ignored' };
    }
    const data = parsed.data;
    const result = await runOrgNight(deps, data.orgId, {
      ...(data.kind === 'night' ? { nightDate: data.nightDate } : { resumeRunId: data.runId }),
      batchSize: options.batchSize,
      finalAttempt: job.retryCount >= job.retryLimit,
      signal: stopping.signal,
    }).then(
      (outcome): { outcome: OrgNightOutcome } => ({ outcome }),
      (error: unknown) => ({ error }),
    );
    if ('error' in result) {
      const reason = failureReason(result.error);
      // No run could record it (org deleted, run not resumable): a retry would not change that.
      if (isRipeError(result.error)) {
        options.log?.warn({ job: data, reason }, 'night not run');
        return { status: 'not_run', reason };
      }
      // The queue keeps the reason only: the raw error may carry data the job output must not.
      throw new Error(reason);
    }
    const { outcome } = result;
    // Thrown, so pg-boss retries later with backoff; the run waits at its checkpoint.
    if (outcome.status === 'retry') throw new Error(outcome.reason);
    return outcome.status === 'skipped'
      ? { status: outcome.status, reason: outcome.reason, runId: outcome.runId }
      : { status: outcome.status, runId: outcome.report.runId };
  }

  async function send(job: NightJob): Promise<boolean> {
    const { id, singletonKey } = nightJobIdentity(job);
    const payload = nightJobSchema.parse(job);
    return (await boss.send(nightQueue, payload, { id, singletonKey })) !== null;
  }

  async function plan(): Promise<number> {
    const report = await planNights(options.db, now(), options.catchUpMs ?? defaultCatchUpMs);
    for (const invalid of report.invalidSchedules)
      options.log?.warn(invalid, 'schedule ignored: it is invalid');
    let sent = 0;
    for (const job of report.jobs) if (await send(job)) sent += 1;
    if (sent > 0) options.log?.info({ owner, sent, planned: report.jobs.length }, 'nights queued');
    return sent;
  }

  let planning: Promise<number> | undefined;
  const planSafely = () => {
    planning ??= plan()
      .catch((error: unknown) => {
        options.log?.error({ reason: failureReason(error) }, 'planning the nights failed');
        return 0;
      })
      .finally(() => {
        planning = undefined;
      });
    return planning;
  };
  // On start: resume what a stopped worker left behind, queue what is due.
  await planSafely();
  const timer = setInterval(() => void planSafely(), options.planEveryMs);
  timer.unref();
  options.log?.info({ owner, concurrency: options.concurrency }, 'night worker started');

  return {
    owner,
    plan: planSafely,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await planning;
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
