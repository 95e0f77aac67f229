import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { sandboxHistory } from '../../eval/sandbox-training.ts';
import { FEATURE_NAMES } from '../../model/features.ts';
import { createProgress } from '../progress.ts';
import { isoDay, positiveInt } from '../cli-error.ts';
import { checkOutputFile } from '../output-file.ts';

interface HistoryOptions {
  accounts: number;
  seed: number;
  asOf: string;
  out: string;
  json?: boolean;
}

/**
 * `ripe history`: the sandbox's labelled history as a CSV (one row per account and observation date), the input
 * `ripe backtest` expects: `ripe backtest --csv FILE --label expanded_90d --id account_id --time observed_on`.
 */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .description(
      "write a sandbox's labelled history (features per account and date, expanded within 90 days) as CSV",
    )
    .option('--accounts <n>', 'accounts in the sandbox', positiveInt('accounts', 1, 1_000_000), 2000)
    .option('--seed <s>', 'seed of the sandbox', positiveInt('seed', 0), 42)
    .option('--as-of <date>', 'the day the history is read on', isoDay('as-of'), '2026-11-01')
    .option('--out <file>', 'the CSV to write', 'sandbox-history.csv')
    .option('--json', 'machine-readable output')
    .action(async (options: HistoryOptions) => {
      const sandbox = createSandbox({
        accounts: options.accounts,
        seed: options.seed,
        endDate: options.asOf,
      });
      const path = await checkOutputFile(options.out, '--out');
      const out = createWriteStream(path);
      const cell = (v: number | null) => (v === null ? '' : String(Math.round(v * 10_000) / 10_000));
      out.write(`account_id,observed_on,${FEATURE_NAMES.join(',')},expanded_90d\n`);
      let rows = 0;
      let positives = 0;
      const progress = createProgress({ quiet: options.json });
      for (const row of sandboxHistory(sandbox, options.asOf, { sampleSize: options.accounts, progress })) {
        const line = `${row.accountId},${row.observedOn},${FEATURE_NAMES.map((name) => cell(row.features[name])).join(',')},${row.label ? 'yes' : 'no'}\n`;
        if (!out.write(line)) await once(out, 'drain');
        rows += 1;
        positives += row.label;
      }
      out.end();
      await once(out, 'finish');
      if (options.json) process.stdout.write(`${JSON.stringify({ path, rows, positives })}\n`);
      else console.log(`Wrote ${rows} rows (${positives} expansions within 90 days) to ${path}`);
    });
}
