// Ripe's backtest beside scikit-learn's HistGradientBoostingClassifier on the same folds of public data
// sets (not part of the test suite). Needs Debian's python3-sklearn, and the CSVs from export-datasets.R:
//   apt-get install -y python3-sklearn r-cran-modeldata r-cran-kernlab
//   Rscript server/bench/sklearn-compare/export-datasets.R bench-data
//   npx tsx server/bench/sklearn-compare/compare.ts bench-data
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  backtestRaw,
  parseCsv,
  planFolds,
  readTable,
  type BacktestOptions,
} from '../../src/model/backtest/index.ts';

interface DataSet {
  name: string;
  file: string;
  label: string;
  categorical?: string[];
}

const DATA_SETS: DataSet[] = [
  { name: 'mlc_churn (modeldata)', file: 'mlc_churn.csv', label: 'churn' },
  { name: 'credit_data (modeldata)', file: 'credit_data.csv', label: 'Status' },
  { name: 'spam (kernlab)', file: 'spam.csv', label: 'type' },
];

interface Plan {
  csv: string;
  label: string;
  categorical: string[];
  features: string[];
  lines: number[];
  folds: Array<{ train: number[]; test: number[] }>;
  seed: number;
}

interface Scores {
  auc: number;
  brier: number;
  ece: number;
  logLoss: number;
  cpuSeconds: number;
  peakRssMiB: number;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const SEED = 7;

function optionsOf(set: DataSet, csv: string): BacktestOptions {
  return {
    csvPath: csv,
    label: set.label,
    categorical: set.categorical ?? [],
    folds: 5,
    seed: SEED,
    baseline: false,
  };
}

/** In a process of its own, so its peak RSS is this run's: Ripe's backtest on the plan's data set. */
function runRipe(planPath: string, setName: string): Scores {
  const set = DATA_SETS.find((candidate) => candidate.name === setName)!;
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
  const { header, records } = parseCsv(readFileSync(plan.csv, 'utf8'), plan.csv);
  const started = process.cpuUsage();
  const raw = readTable(header, records, optionsOf(set, plan.csv));
  const report = backtestRaw(raw, optionsOf(set, plan.csv));
  const used = process.cpuUsage(started);
  return {
    auc: report.auc,
    brier: report.brier,
    ece: report.ece,
    logLoss: report.logLoss,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function writePlan(set: DataSet, folder: string): string {
  const csv = join(folder, set.file);
  const { header, records } = parseCsv(readFileSync(csv, 'utf8'), csv);
  const options = optionsOf(set, csv);
  const raw = readTable(header, records, options);
  const { folds } = planFolds(raw, options);
  const skipped = new Set(raw.skipped.map((row) => row.line));
  const lines = records.map((_, r) => r + 2).filter((line) => !skipped.has(line));
  const plan: Plan = {
    csv,
    label: set.label,
    categorical: set.categorical ?? [],
    features: raw.columns,
    lines,
    folds: folds.map((fold) => ({ train: [...fold.train], test: [...fold.test] })),
    seed: SEED,
  };
  const path = join(folder, `${set.file}.plan.json`);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

function main(): void {
  const [mode, first, second] = process.argv.slice(2);
  if (mode === '--ripe') {
    process.stdout.write(JSON.stringify(runRipe(first!, second!)));
    return;
  }
  const folder = mode ?? 'bench-data';
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const rows: string[] = [
    '| data set | rows | AUC Ripe | AUC HGB | ECE Ripe | ECE HGB | Brier Ripe | Brier HGB | log-loss Ripe | log-loss HGB | CPU s Ripe | CPU s HGB | CPU ratio | peak RSS MiB Ripe | peak RSS MiB HGB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const set of DATA_SETS) {
    const planPath = writePlan(set, folder);
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    const ripe = JSON.parse(
      execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--ripe', planPath, set.name],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        },
      ),
    ) as Scores;
    const hgb = JSON.parse(
      execFileSync(python, [join(here, 'hgb.py'), planPath], { encoding: 'utf8', maxBuffer: 1 << 26 }),
    ) as Scores;
    const pair = (key: keyof Scores, digits: number) =>
      `${ripe[key].toFixed(digits)} | ${hgb[key].toFixed(digits)}`;
    rows.push(
      `| ${set.name} | ${plan.lines.length} | ${pair('auc', 4)} | ${pair('ece', 4)} | ${pair('brier', 4)} | ${pair('logLoss', 4)} | ` +
        `${pair('cpuSeconds', 2)} | ${(ripe.cpuSeconds / hgb.cpuSeconds).toFixed(2)}× | ${Math.round(ripe.peakRssMiB)} | ${Math.round(hgb.peakRssMiB)} |`,
    );
    process.stderr.write(`${set.name}: done\n`);
  }
  console.log(rows.join('\n'));
}

main();
