import { nightConnectors } from '../../app/crm-connectors.ts';
import type { Command } from 'commander';
import { RipeError } from '@ripe/shared';
import { databaseOptions } from '../../config/database-options.ts';
import { loadConfig } from '../../config/env.ts';
import { processOwner } from '../../night/process-owner.ts';
import { runOrgNight, type OrgNightOutcome, type OrgNightReport } from '../../night/org-night.ts';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrator.ts';
import { isoDay, positiveInt } from '../cli-error.ts';
import { formatMoney, renderTable } from '../format.ts';
import { createProgress } from '../progress.ts';

interface RunOptions {
  org: string;
  dryRun?: boolean;
  asOf?: string;
  resume?: string;
  full?: boolean;
  batchSize: number;
  top: number;
  json?: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function runId(raw: string): string {
  if (!uuidPattern.test(raw))
    throw new RipeError('invalid_argument', `--resume must be a run id, got "${raw}"`);
  return raw.toLowerCase();
}

/** `ripe run --org ID`: one night of a stored org now, recorded like a scheduled one; prints its summary. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description("run one night of a stored org now and print the run's summary")
    .requiredOption('--org <id>', 'the org')
    .option('--dry-run', 'score and record the run, but write no latest state and queue no write-back')
    .option('--as-of <date>', 'the day to score (default: today, UTC)', isoDay('as-of'))
    .addHelpText(
      'after',
      `\nExit codes: ${runExitCodes.ran} the night ran, ${runExitCodes.failed} it failed or was interrupted, ${runExitCodes.nothingRan} nothing ran (finished already, or run by another process).`,
    )
    .option('--resume <runId>', 'resume an interrupted run from its checkpoint', runId)
    .option('--full', 'pull every account, not only those changed in the CRM since the last night')
    .option(
      '--batch-size <n>',
      'accounts per batch and per checkpoint',
      positiveInt('batch-size', 1, 10_000),
      100,
    )
    .option('--top <k>', 'opportunities to list', positiveInt('top', 1, 10), 10)
    .option('--json', 'machine-readable output')
    .action(async (options: RunOptions) => {
      const config = loadConfig();
      const db = await openDatabase(databaseOptions(config));
      let outcome: OrgNightOutcome;
      try {
        await migrate(db);
        const resolveConnector = nightConnectors(db, config);
        outcome = await runOrgNight({ db, owner: processOwner('cli'), resolveConnector }, options.org, {
          asOf: options.asOf,
          dryRun: options.dryRun,
          resumeRunId: options.resume,
          full: options.full,
          batchSize: options.batchSize,
          progress: createProgress({ quiet: options.json }),
        });
      } finally {
        await db.close();
      }
      if (options.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      else console.log(describeOutcome(outcome, options.top));
      process.exitCode = exitCodeOf(outcome);
    });
}

function describeOutcome(outcome: OrgNightOutcome, top: number): string {
  switch (outcome.status) {
    case 'succeeded':
    case 'failed':
      return describeReport(outcome.report, top);
    case 'retry':
      return `Run ${outcome.runId} was interrupted (${outcome.reason}); resume it with --resume ${outcome.runId}`;
    case 'skipped':
      switch (outcome.reason) {
        case 'already_done':
          return `Nothing ran: run ${outcome.runId ?? ''} has finished already`;
        case 'given_up':
          return `Run ${outcome.runId ?? ''} was resumed too often without finishing: it is now failed; run the night again`;
        case 'in_progress_elsewhere':
        case 'superseded':
          return `Nothing ran: run ${outcome.runId ?? ''} is being run by another process`;
      }
  }
}

/** Exit codes of `ripe run`, for scripts that resume runs. */
export const runExitCodes = { ran: 0, failed: 1, nothingRan: 3 } as const;

function exitCodeOf(outcome: OrgNightOutcome): number {
  if (outcome.status === 'succeeded') return runExitCodes.ran;
  if (outcome.status === 'skipped' && outcome.reason !== 'given_up') return runExitCodes.nothingRan;
  return runExitCodes.failed;
}

function describeReport(report: OrgNightReport, top: number): string {
  const kind = report.dryRun ? 'Dry run' : 'Run';
  const seconds = ((report.durations.total ?? 0) / 1000).toFixed(1);
  const lines = [
    `${kind} ${report.runId} of ${report.orgId} for ${report.asOf}: ${report.status}` +
      (report.failureReason ? ` — ${report.failureReason}` : ''),
    `${report.counts.scored} of ${report.counts.accounts} accounts scored in ${seconds} s, ${report.counts.errors} record errors;` +
      ` ready ${report.readiness.ready}, nurture ${report.readiness.nurture}, caution ${report.readiness.caution},` +
      ` not ready ${report.readiness.not_ready}.`,
  ];
  if (report.resumedFromBatch > 0) lines.push(`Resumed after ${report.resumedFromBatch} committed batches.`);
  if (report.model) lines.push(`Model: ${report.model}`);
  const currency = report.currency;
  if (currency) {
    lines.push(
      `Potential (ready + nurture): ${formatMoney(report.totalPotential, currency)}, expected value ${formatMoney(report.totalExpectedValue, currency)};` +
        ` ${report.writebacks} write-backs staged.`,
    );
  }
  const { calls, floor, stopped } = report.apiUsage;
  const { written } = report;
  lines.push(
    `CRM: ${report.changedAccounts} accounts changed since the last night; API calls ${calls.reads} reads + ${calls.writes} writes` +
      ` (floor ${floor.reads} + ${floor.writes})${stopped ? `, stopped by ${stopped.replace('_', ' ')}: the next night resumes` : ''}.`,
    `Written: ${written.fields} fields, ${written.history} history records, tasks ${written.tasksCreated} created /` +
      ` ${written.tasksUpdated} updated / ${written.tasksClosed} closed, ${written.opportunities} opportunities` +
      `${report.writeErrors.length > 0 ? `; ${report.writeErrors.length} records refused by the CRM` : ''}.`,
  );
  const durations = Object.entries(report.durations)
    .map(([phase, ms]) => `${phase} ${ms} ms`)
    .join(', ');
  lines.push(`Durations: ${durations}.`);
  if (report.top.length > 0 && currency) {
    lines.push(
      '',
      renderTable(
        ['#', 'account', 'readiness', 'motion', 'potential', 'exp. value'],
        report.top
          .slice(0, top)
          .map((verdict, index) => [
            String(index + 1),
            verdict.accountName.slice(0, 28),
            verdict.readiness,
            verdict.motion ?? '—',
            formatMoney(verdict.potential.arr, currency),
            formatMoney(verdict.expectedValue, currency),
          ]),
      ),
    );
  }
  return lines.join('\n');
}
