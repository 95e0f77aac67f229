import { nightConnectors } from '../../app/crm-connectors.ts';
import type { Command } from 'commander';
import { RipeError } from '@ripe/shared';
import { databaseOptions } from '../../config/database-options.ts';
import { loadConfig } from '../../config/env.ts';
import { createLogger } from '../../logging/logger.ts';
import { defaultWorkerOptions, startNightWorker } from '../../jobs/night.worker.ts';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrator.ts';
import { positiveInt } from '../cli-error.ts';

interface WorkerOptions {
  concurrency: number;
  planEverySeconds: number;
  pollSeconds: number;
  leaseSeconds: number;
  batchSize: number;
  retryLimit: number;
  retryDelaySeconds: number;
  expireSeconds: number;
}

function pollSeconds(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0.5 || value > 60) {
    throw new RipeError('invalid_argument', `--poll-seconds must be a number from 0.5 to 60, got "${raw}"`);
  }
  return value;
}

/** `ripe worker`: runs the orgs' nights from the pg-boss queue on PostgreSQL, with as many workers as wanted. */
export function registerWorker(program: Command): void {
  const d = defaultWorkerOptions;
  program
    .command('worker')
    .description('plan and run nights from a PostgreSQL queue (pg-boss); start one per machine, or more')
    .option(
      '--concurrency <n>',
      'nights run at once by this worker',
      positiveInt('concurrency', 1, 64),
      d.concurrency,
    )
    .option(
      '--plan-every-seconds <n>',
      'how often to queue due nights and resume stopped runs',
      positiveInt('plan-every-seconds', 1, 3_600),
      d.planEveryMs / 1000,
    )
    .option(
      '--poll-seconds <n>',
      'how often an idle worker asks the queue for work',
      pollSeconds,
      d.pollSeconds,
    )
    .option(
      '--lease-seconds <n>',
      'how long a silent worker keeps its run before another resumes it',
      positiveInt('lease-seconds', 1, 3_600),
      d.leaseMs / 1000,
    )
    .option(
      '--batch-size <n>',
      'accounts per batch and per checkpoint',
      positiveInt('batch-size', 1, 10_000),
      d.batchSize,
    )
    .option(
      '--retry-limit <n>',
      'retries of a night that failed transiently',
      positiveInt('retry-limit', 0, 20),
      d.retryLimit,
    )
    .option(
      '--retry-delay-seconds <n>',
      'first retry delay, doubling with each retry',
      positiveInt('retry-delay-seconds', 1, 3_600),
      d.retryDelaySeconds,
    )
    .option(
      '--expire-seconds <n>',
      'longest attempt before the queue retries it elsewhere',
      positiveInt('expire-seconds', 60, 23 * 3_600),
      d.expireSeconds,
    )
    .action(async (options: WorkerOptions) => {
      const config = loadConfig();
      const databaseUrl = config.database.url?.reveal();
      if (!databaseUrl) {
        throw new RipeError(
          'invalid_env',
          'ripe worker needs DATABASE_URL: its queue lives on a PostgreSQL server (the embedded database serves one process; use ripe serve with RIPE_SCHEDULER=in-process instead)',
        );
      }
      const logger = createLogger({ level: config.log.level });
      const db = await openDatabase(databaseOptions(config));
      try {
        await migrate(db);
        const worker = await startNightWorker({
          db,
          databaseUrl,
          concurrency: options.concurrency,
          planEveryMs: options.planEverySeconds * 1000,
          pollSeconds: options.pollSeconds,
          leaseMs: options.leaseSeconds * 1000,
          batchSize: options.batchSize,
          retryLimit: options.retryLimit,
          retryDelaySeconds: options.retryDelaySeconds,
          expireSeconds: options.expireSeconds,
          log: logger,
          resolveConnector: nightConnectors(db, config),
        });
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGTERM', stop);
            process.off('SIGINT', stop);
            logger.info({ owner: worker.owner }, 'night worker stopping');
            void worker.stop().finally(resolve);
          };
          process.once('SIGTERM', stop);
          process.once('SIGINT', stop);
        });
        logger.info({ owner: worker.owner }, 'night worker stopped');
      } finally {
        await db.close();
      }
    });
}
