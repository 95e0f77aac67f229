import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { backtestCsv, formatBacktestReport, reliabilitySvg } from '../../model/backtest/index.ts';
import { positiveInt } from '../cli-error.ts';
import { readInputFile } from '../input-file.ts';
import { checkOutputFile } from '../output-file.ts';

interface BacktestOptions {
  csv: string;
  label: string;
  id?: string;
  time?: string;
  group?: string;
  horizon: number;
  categorical?: string[];
  folds: number;
  seed: number;
  svg: string;
  json?: boolean;
}

/** `ripe backtest`: the predictive learner on any tabular CSV, evaluated on held-out rows. */
export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description(
      'train and evaluate the predictive learner on a CSV: AUC, Brier, ECE, lift, reliability plot',
    )
    .requiredOption('--csv <file>', 'the CSV file (header row required)')
    .requiredOption('--label <column>', 'the binary label column (yes/no, 1/0, true/false)')
    .option('--id <column>', 'an id column, excluded from the features')
    .option(
      '--time <column>',
      'a time column: the split is then time-ordered (train on the past, test on the future)',
    )
    .option(
      '--group <column>',
      'rows of one entity stay in one fold (default: the --id column when ids repeat)',
    )
    .option(
      '--horizon <days>',
      "the label's horizon in days: a time-ordered split leaves this gap between training and test rows " +
        '(a numeric time column is read in days)',
      positiveInt('horizon', 0, 3650),
      0,
    )
    .option(
      '--categorical <columns>',
      'comma-separated columns of numeric codes to read as categories',
      (value: string) =>
        value
          .split(',')
          .map((column) => column.trim())
          .filter(Boolean),
    )
    .option(
      '--folds <k>',
      'folds of the stratified k-fold when no --time is given',
      positiveInt('folds', 2, 20),
      5,
    )
    .option('--seed <s>', 'seed of the fold assignment', positiveInt('seed', 0), 7)
    .option('--svg <file>', 'where to write the reliability plot', 'reliability.svg')
    .option('--json', 'machine-readable output')
    .action(async (options: BacktestOptions) => {
      const svgPath = await checkOutputFile(options.svg, '--svg');
      const report = backtestCsv(await readInputFile(options.csv), {
        csvPath: options.csv,
        label: options.label,
        id: options.id,
        time: options.time,
        group: options.group,
        horizonDays: options.horizon,
        categorical: options.categorical,
        folds: options.folds,
        seed: options.seed,
      });
      await writeFile(svgPath, reliabilitySvg(report));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ...report, reliabilitySvg: svgPath }, null, 2)}\n`);
        return;
      }
      console.log(formatBacktestReport(report));
      console.log(`Reliability plot: ${svgPath}`);
    });
}
