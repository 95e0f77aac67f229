// The contract every candidate learner meets, so the trainer can compare them by measurement.

export type LearnerKind = 'logistic' | 'boosted_trees';
export const LEARNER_KINDS: readonly LearnerKind[] = ['logistic', 'boosted_trees'];

/** Row-major feature matrix; `NaN` marks a missing value. */
export interface FeatureMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface TrainingSet {
  x: FeatureMatrix;
  /** 0/1 labels, one per row. */
  y: Uint8Array;
}

/** Features of one row: `x[offset + j]` is feature `j` (offset lets callers read a matrix row in place). */
export type FeatureRow = ArrayLike<number>;

export interface FittedLearner {
  readonly kind: LearnerKind;
  /** Raw (uncalibrated) log-odds of a positive label. */
  logit(x: FeatureRow, offset?: number): number;
  /** Writes each feature's log-odds contribution into `out` and returns the bias (the rest of the logit). */
  explain(x: FeatureRow, out: Float64Array): number;
  toJSON(): LearnerJson;
}

/** A learner bound to one training set: shared preprocessing (e.g. histogram bins) is done once. */
export interface PreparedLearner {
  readonly kind: LearnerKind;
  /** Fits on the given rows of the set (duplicates allowed, for the bootstrap). */
  fit(rowIndices: Int32Array): FittedLearner;
}

export interface LogisticJson {
  kind: 'logistic';
  intercept: number;
  medians: number[];
  means: number[];
  scales: number[];
  coefficients: number[];
  /** Share of missing values in training, per feature (0 = no missing indicator). */
  missingMeans: number[];
  missingCoefficients: number[];
}

export interface BoostedTreesJson {
  kind: 'boosted_trees';
  init: number;
  roots: number[];
  /** Per node: split feature, or -1 for a leaf. */
  feature: number[];
  threshold: number[];
  missingLeft: number[];
  left: number[];
  right: number[];
  /** Per node: the shrunk Newton value at that node (leaf output, or the path-attribution baseline). */
  value: number[];
}

export type LearnerJson = LogisticJson | BoostedTreesJson;

export function allRows(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

export function logOdds(probability: number): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(p / (1 - p));
}
