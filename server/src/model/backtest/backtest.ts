import type { LearnerKind } from '../learners/learner.ts';
import { areaUnderRoc } from '../metrics/auc.metric.ts';
import { brierScore, liftTopDecile, logLoss } from '../metrics/probability.metric.ts';
import {
  expectedCalibrationError,
  reliabilityBins,
  type ReliabilityBin,
} from '../metrics/reliability.metric.ts';
import { trainScoringModel, type TrainingRow } from '../scoring-model.ts';
import { stratifiedFolds, timeSplit, type Fold } from '../validation/folds.ts';
import { parseCsv } from './parse-csv.ts';
import { buildTable, type ColumnReport, type SkippedRow, type Table, type TableSpec } from './tabular.ts';

export interface BacktestOptions extends TableSpec {
  csvPath: string;
  /** Folds of the stratified k-fold when no time column is given (default 5). */
  folds?: number;
  seed?: number;
}

export interface LearnerTally {
  learner: LearnerKind;
  /** Outer folds in which the inner validation chose this learner. */
  chosen: number;
  /** Mean inner out-of-fold log-loss and AUC across outer folds. */
  logLoss: number;
  auc: number;
}

export interface BacktestReport {
  file: string;
  label: string;
  rows: number;
  positives: number;
  skippedRows: SkippedRow[];
  columns: ColumnReport[];
  features: number;
  split: 'time' | 'stratified-kfold';
  folds: number;
  /** Rows with a held-out prediction (the test set, or every row for k-fold). */
  evaluatedRows: number;
  auc: number;
  brier: number;
  ece: number;
  logLoss: number;
  liftTopDecile: number;
  /** The learner chosen most often (null when history was too thin to learn: base rate only). */
  learner: LearnerKind | null;
  learners: LearnerTally[];
  reliability: ReliabilityBin[];
}

/** Parses the CSV text (read from `csvPath` by the caller) and runs the held-out evaluation. */
export function backtestCsv(csvText: string, options: BacktestOptions): BacktestReport {
  const { header, records } = parseCsv(csvText, options.csvPath);
  return backtestTable(buildTable(header, records, options), options);
}

/**
 * Held-out evaluation of the whole training procedure (learner choice, calibration included): train on
 * the earliest 75 % and test on the latest 25 % when there is a time column, else stratified k-fold with
 * out-of-fold predictions.
 */
export function backtestTable(table: Table, options: BacktestOptions): BacktestReport {
  const seed = options.seed ?? 7;
  const labels = table.rows.map((row) => row.label);
  const positives = labels.reduce<number>((sum, label) => sum + label, 0);
  const timed = options.time !== undefined;
  const folds: Fold[] = timed
    ? [
        timeSplit(
          table.rows.map((row) => row.time!),
          0.75,
        ),
      ]
    : stratifiedFolds(
        labels,
        Math.max(2, Math.min(options.folds ?? 5, positives, labels.length - positives)),
        seed,
      );

  const predicted = new Float64Array(table.rows.length).fill(Number.NaN);
  const tallies = new Map<LearnerKind, { chosen: number; logLoss: number; auc: number; folds: number }>();
  let baseRateOnly = 0;
  for (const fold of folds) {
    const train: TrainingRow[] = [...fold.train].map((row) => table.rows[row]!);
    const model = trainScoringModel(train, {
      featureNames: table.featureNames,
      seed,
      bootstrap: 0,
      prior: 'none',
    });
    for (const row of fold.test)
      predicted[row] = model.predict(table.rows[row]!.features, { topContributions: 0 }).probability;
    const { learner, comparison } = model.summary;
    if (learner === null) baseRateOnly++;
    for (const score of comparison) {
      const tally = tallies.get(score.learner) ?? { chosen: 0, logLoss: 0, auc: 0, folds: 0 };
      tally.chosen += score.learner === learner ? 1 : 0;
      tally.logLoss += score.logLoss;
      tally.auc += score.auc;
      tally.folds += 1;
      tallies.set(score.learner, tally);
    }
  }

  const evaluatedLabels: number[] = [];
  const evaluated: number[] = [];
  predicted.forEach((probability, row) => {
    if (!Number.isNaN(probability)) {
      evaluatedLabels.push(labels[row]!);
      evaluated.push(probability);
    }
  });
  const learners: LearnerTally[] = [...tallies.entries()].map(([learner, tally]) => ({
    learner,
    chosen: tally.chosen,
    logLoss: tally.logLoss / tally.folds,
    auc: tally.auc / tally.folds,
  }));
  const mostChosen = [...learners].sort((a, b) => b.chosen - a.chosen)[0];
  return {
    file: options.csvPath,
    label: options.label,
    rows: table.rows.length,
    positives,
    skippedRows: table.skipped,
    columns: table.columns,
    features: table.featureNames.length,
    split: timed ? 'time' : 'stratified-kfold',
    folds: folds.length,
    evaluatedRows: evaluated.length,
    auc: areaUnderRoc(evaluatedLabels, evaluated),
    brier: brierScore(evaluatedLabels, evaluated),
    ece: expectedCalibrationError(evaluatedLabels, evaluated),
    logLoss: logLoss(evaluatedLabels, evaluated),
    liftTopDecile: liftTopDecile(evaluatedLabels, evaluated),
    learner: mostChosen === undefined || baseRateOnly > folds.length / 2 ? null : mostChosen.learner,
    learners,
    reliability: reliabilityBins(evaluatedLabels, evaluated, 10),
  };
}
