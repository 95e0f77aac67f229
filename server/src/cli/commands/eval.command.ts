import type { Command } from 'commander';
import { evaluateSandbox } from '../../eval/evaluate-sandbox.ts';
import { createProgress } from '../progress.ts';
import { isoDay, positiveInt } from '../cli-error.ts';
import { formatPercent } from '../format.ts';

interface EvalOptions {
  accounts: number;
  seed: number;
  endDate: string;
  folds: number;
  json?: boolean;
}

/** `ripe eval`: score a sandbox as of a past date against its ground truth. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score a sandbox as of a past date and compare with what happened next (its ground truth)')
    .option('--accounts <n>', 'accounts in the sandbox', positiveInt('accounts', 50, 1_000_000), 2000)
    .option('--seed <s>', 'seed of the sandbox', positiveInt('seed', 0), 42)
    .option(
      '--end-date <date>',
      "the sandbox's last day; the evaluation date is 180 days earlier",
      isoDay('end-date'),
      '2026-11-01',
    )
    .option(
      '--folds <k>',
      "folds over accounts: each account is scored by a model trained without its fold's accounts (1: one model on all)",
      positiveInt('folds', 1, 20),
      5,
    )
    .option('--json', 'machine-readable output')
    .action(async (options: EvalOptions) => {
      const result = evaluateSandbox({
        accounts: options.accounts,
        seed: options.seed,
        endDate: options.endDate,
        folds: options.folds,
        progress: createProgress({ quiet: options.json }),
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      console.log(
        `Evaluated ${result.accounts} sandbox accounts as of ${result.asOf} (model: ${result.model})`,
      );
      console.log(`  ready accounts          ${result.readyCount}`);
      console.log(
        `  precision of ready      ${formatPercent(result.precisionReady, 1)}  (expanded within ${result.precisionHorizonDays} days)`,
      );
      console.log(
        `  recall within 90 days   ${formatPercent(result.recall90d, 1)}  (of ${result.expansions90d} accounts that expanded)`,
      );
      console.log(`  AUC                     ${result.auc.toFixed(3)}`);
      console.log(`  Brier score             ${result.brier.toFixed(4)}`);
      console.log(`  median lead time        ${result.medianLeadDays ?? '—'} days before the expansion`);
    });
}
