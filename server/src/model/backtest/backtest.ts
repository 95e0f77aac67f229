import type { LearnerKind } from '../learners/learner.ts';
import { prepareLogistic } from '../learners/logistic.learner.ts';
import { areaUnderRoc } from '../metrics/auc.metric.ts';
import { brierScore, liftTopDecile, logLoss } from '../metrics/probability.metric.ts';
import {
  expectedCalibrationError,
  reliabilityBins,
  type ReliabilityBin,
} from '../metrics/reliability.metric.ts';
import { trainScoringModel, type TrainingRow } from '../scoring-model.ts';
import { groupedStratifiedFolds, stratifiedFolds, timeSplit, type Fold } from '../validation/folds.ts';
import { parseCsv } from './parse-csv.ts';
import {
  encodeRows,
  fitEncoders,
  readTable,
  type ColumnReport,
  type RawTable,
  type SkippedRow,
  type TableSpec,
} from './tabular.ts';

export interface BacktestOptions extends TableSpec {
  csvPath: string;
  /** Folds of the stratified k-fold when no time column is given (default 5). */
  folds?: number;
  /** The label's horizon in days: the gap left between training and test rows in time order. */
  horizonDays?: number;
  seed?: number;
  /** Fit the plain logistic reference on the same folds (default true). */
  baseline?: boolean;
}

export interface LearnerTally {
  learner: LearnerKind;
  /** Outer folds in which the inner validation chose this learner. */
  chosen: number;
  /** Mean inner out-of-fold log-loss and AUC across outer folds. */
  logLoss: number;
  auc: number;
}

/** Held-out scores of one set of predictions. */
export interface HeldOutScores {
  auc: number;
  brier: number;
  ece: number;
  logLoss: number;
}

export interface BacktestReport extends HeldOutScores {
  file: string;
  label: string;
  rows: number;
  positives: number;
  skippedRows: SkippedRow[];
  /** Columns as encoded on the first fold's training rows (each fold decides on its own). */
  columns: ColumnReport[];
  features: number;
  split: 'time' | 'stratified-kfold' | 'grouped-kfold';
  /** The column whose rows stay in one fold, and how many entities it holds (null: rows independent). */
  group: { column: string; entities: number } | null;
  horizonDays: number;
  folds: number;
  /** Training rows left out because their horizon reaches into the test period. */
  gapRows: number;
  /** Rows with a held-out prediction (the test set, or every row for k-fold). */
  evaluatedRows: number;
  liftTopDecile: number;
  /** Base rate of the training rows and of the test rows, and the mean predicted probability on the test rows. */
  shift: { trainBaseRate: number; testBaseRate: number; meanPredicted: number };
  /** A plain L2 logistic regression on the same folds and encoding, uncalibrated: the reference. */
  baseline: HeldOutScores;
  /** The learner chosen most often (null when history was too thin to learn: base rate only). */
  learner: LearnerKind | null;
  learners: LearnerTally[];
  reliability: ReliabilityBin[];
}

const DAY_MS = 86_400_000;

/** The outer folds of a backtest: time-ordered with the horizon gap, else k-fold over groups or rows. */
export function planFolds(
  raw: RawTable,
  options: BacktestOptions,
): { folds: Fold[]; split: BacktestReport['split'] } {
  if (raw.times !== undefined) {
    const gap = (options.horizonDays ?? 0) * (raw.timeIsDate ? DAY_MS : 1);
    return { folds: [timeSplit(raw.times, 0.75, gap)], split: 'time' };
  }
  const positives = raw.labels.reduce<number>((sum, label) => sum + label, 0);
  const seed = options.seed ?? 7;
  const k = Math.max(2, Math.min(options.folds ?? 5, positives, raw.labels.length - positives));
  if (raw.groups !== undefined)
    return {
      folds: groupedStratifiedFolds(raw.labels, raw.groups, Math.min(k, raw.groupCount), seed),
      split: 'grouped-kfold',
    };
  return { folds: stratifiedFolds(raw.labels, k, seed), split: 'stratified-kfold' };
}

/** Parses the CSV text (read from `csvPath` by the caller) and runs the held-out evaluation. */
export function backtestCsv(csvText: string, options: BacktestOptions): BacktestReport {
  const { header, records } = parseCsv(csvText, options.csvPath);
  return backtestRaw(readTable(header, records, options), options);
}

function scores(labels: number[], predicted: number[]): HeldOutScores {
  return {
    auc: areaUnderRoc(labels, predicted),
    brier: brierScore(labels, predicted),
    ece: expectedCalibrationError(labels, predicted),
    logLoss: logLoss(labels, predicted),
  };
}

/**
 * Held-out evaluation of the whole training procedure (encoding, learner choice, calibration included),
 * each fold encoded and trained on its training rows only: train on the earliest 75 % and test on the
 * latest 25 % when there is a time column (less the training rows within the horizon of the test
 * period), else stratified k-fold, over entities when rows repeat one.
 */
export function backtestRaw(raw: RawTable, options: BacktestOptions): BacktestReport {
  const seed = options.seed ?? 7;
  const labels = raw.labels;
  const positives = labels.reduce<number>((sum, label) => sum + label, 0);
  const { folds, split } = planFolds(raw, options);
  const horizon = (options.horizonDays ?? 0) * (raw.timeIsDate ? DAY_MS : 1);

  const predicted = new Float64Array(labels.length).fill(Number.NaN);
  const baseline = new Float64Array(labels.length).fill(Number.NaN);
  const tallies = new Map<LearnerKind, { chosen: number; logLoss: number; auc: number; folds: number }>();
  let baseRateOnly = 0;
  let trainPositives = 0;
  let trainRows = 0;
  let gapRows = 0;
  let columns: ColumnReport[] = [];
  let features = 0;
  for (const fold of folds) {
    const encoders = fitEncoders(raw, fold.train);
    const featureNames = encoders.flatMap((encoder) => encoder.names);
    if (columns.length === 0) {
      columns = encoders.map((encoder) => encoder.report);
      features = featureNames.length;
    }
    const train: TrainingRow[] = encodeRows(raw, encoders, fold.train);
    const test: TrainingRow[] = encodeRows(raw, encoders, fold.test);
    gapRows += labels.length - fold.train.length - fold.test.length;
    for (const row of train) trainPositives += row.label;
    trainRows += train.length;
    const model = trainScoringModel(train, { featureNames, seed, bootstrap: 0, prior: 'none', horizon });
    test.forEach((row, t) => {
      predicted[fold.test[t]!] = model.predict(row.features, { topContributions: 0 }).probability;
    });
    if (options.baseline !== false)
      plainLogistic(train, test, featureNames.length).forEach((p, t) => (baseline[fold.test[t]!] = p));
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
  if (split !== 'time') gapRows = 0;

  const evaluatedLabels: number[] = [];
  const evaluated: number[] = [];
  const baselineEvaluated: number[] = [];
  predicted.forEach((probability, row) => {
    if (!Number.isNaN(probability)) {
      evaluatedLabels.push(labels[row]!);
      evaluated.push(probability);
      baselineEvaluated.push(baseline[row]!);
    }
  });
  const learners: LearnerTally[] = [...tallies.entries()].map(([learner, tally]) => ({
    learner,
    chosen: tally.chosen,
    logLoss: tally.logLoss / tally.folds,
    auc: tally.auc / tally.folds,
  }));
  const mostChosen = [...learners].sort((a, b) => b.chosen - a.chosen)[0];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    file: options.csvPath,
    label: options.label,
    rows: labels.length,
    positives,
    skippedRows: raw.skipped,
    columns,
    features,
    split,
    group: raw.groupColumn ? { column: raw.groupColumn, entities: raw.groupCount } : null,
    horizonDays: options.horizonDays ?? 0,
    folds: folds.length,
    gapRows,
    evaluatedRows: evaluated.length,
    ...scores(evaluatedLabels, evaluated),
    liftTopDecile: liftTopDecile(evaluatedLabels, evaluated),
    shift: {
      trainBaseRate: trainPositives / trainRows,
      testBaseRate: mean(evaluatedLabels),
      meanPredicted: mean(evaluated),
    },
    baseline: scores(evaluatedLabels, baselineEvaluated),
    learner: mostChosen === undefined || baseRateOnly > folds.length / 2 ? null : mostChosen.learner,
    learners,
    reliability: reliabilityBins(evaluatedLabels, evaluated, 10),
  };
}

/** The reference: an L2 logistic regression fitted on the training rows, its raw probabilities. */
function plainLogistic(train: TrainingRow[], test: TrainingRow[], cols: number): number[] {
  const matrix = (rows: TrainingRow[]) => {
    const data = new Float64Array(rows.length * cols);
    rows.forEach((row, r) => {
      const values = row.features as ArrayLike<number>;
      for (let j = 0; j < cols; j++) data[r * cols + j] = values[j] ?? Number.NaN;
    });
    return data;
  };
  const set = {
    x: { rows: train.length, cols, data: matrix(train) },
    y: Uint8Array.from(train, (row) => row.label),
  };
  const model = prepareLogistic(set).fit(Int32Array.from(train, (_, i) => i));
  const data = matrix(test);
  return test.map((_, r) => 1 / (1 + Math.exp(-model.logit(data, r * cols))));
}
