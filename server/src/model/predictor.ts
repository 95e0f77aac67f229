import type { FeatureContribution } from '@ripe/shared';
import type { Calibrator } from './calibration/calibrator.ts';
import type { FeatureRow, FittedLearner } from './learners/learner.ts';
import type { ModelSummary, ScoringModelJson } from './model-json.schema.ts';
import { PRIOR_CONFIDENCE, PRIOR_LOGIT_SPREAD, type ExpansionPrior } from './prior.ts';

export interface Prediction {
  /** Calibrated probability of a positive label (expansion within the horizon). */
  probability: number;
  /** 10th–90th percentile of the bootstrap ensemble (blended with the prior's spread when thin). */
  interval: [number, number];
  /** 0..1, from the interval width and the training size. */
  confidence: number;
  /** The largest per-feature log-odds contributions, by |contribution|. */
  contributions: FeatureContribution[];
}

export type FeatureInput = ArrayLike<number | null> | Readonly<Record<string, number | null | undefined>>;

export interface ScoringModel {
  readonly featureNames: readonly string[];
  readonly summary: ModelSummary;
  predict(features: FeatureInput, options?: { topContributions?: number }): Prediction;
  /** One line for logs and the CLI: learner, validation, calibration, prior weight. */
  describe(): string;
  toJSON(): ScoringModelJson;
}

export interface PredictorParts {
  json: ScoringModelJson;
  learner: FittedLearner | null;
  /** Writes each bootstrap model's raw logit into `out` (length = the ensemble size). */
  bootstrapLogits: (x: FeatureRow, out: Float64Array) => void;
  calibrator: Calibrator;
  prior: ExpansionPrior | null;
}

const sigmoid = (logit: number) => 1 / (1 + Math.exp(-logit));

function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
}

/**
 * Confidence from the ensemble's spread and the amount of labelled history: a narrow interval learned
 * from many positives is worth more than either alone. 0.5 wide (or more) → 0; 25 positives → ×0.5.
 */
export function modelConfidence(intervalWidth: number, positives: number): number {
  const sharpness = Math.max(0, 1 - intervalWidth / 0.5);
  return sharpness * (positives / (positives + 25));
}

/** Assembles a trained or stored model into its predictor: the hot path (≤ 20 µs per account). */
export function createPredictor(parts: PredictorParts): ScoringModel {
  const { json, learner, bootstrapLogits, calibrator, prior } = parts;
  const { featureNames, summary } = json;
  const width = featureNames.length;
  const modelWeight = learner === null ? 0 : prior === null ? 1 : summary.modelWeight;
  const columnOf = new Map(featureNames.map((name, j) => [name, j]));
  const ensemble = new Float64Array(json.bootstrap.length);

  const toRow = (features: FeatureInput): Float64Array => {
    const row = new Float64Array(width).fill(Number.NaN);
    if (isArrayLike(features)) {
      for (let j = 0; j < width; j++) row[j] = features[j] ?? Number.NaN;
    } else {
      for (const [name, value] of Object.entries(features)) {
        const column = columnOf.get(name);
        if (column !== undefined) row[column] = value ?? Number.NaN;
      }
    }
    return row;
  };

  const predict = (features: FeatureInput, options: { topContributions?: number } = {}): Prediction => {
    const x = toRow(features);
    const contributions = new Float64Array(width);
    let probability = json.baseRate;
    let interval: [number, number] = [json.baseRate, json.baseRate];
    let confidence = 0;
    if (learner !== null) {
      // the explanation sums to the logit: one pass gives both
      let rawLogit = learner.explain(x, contributions);
      for (let j = 0; j < width; j++) rawLogit += contributions[j]!;
      probability = calibrator.probability(rawLogit);
      interval = [probability, probability];
      if (ensemble.length > 0) {
        bootstrapLogits(x, ensemble);
        for (let b = 0; b < ensemble.length; b++) ensemble[b] = calibrator.probability(ensemble[b]!);
        ensemble.sort();
        interval = [
          Math.min(probability, quantile(ensemble, 0.1)),
          Math.max(probability, quantile(ensemble, 0.9)),
        ];
      }
      confidence = modelConfidence(interval[1] - interval[0], summary.positives);
    }
    if (prior !== null && modelWeight < 1) {
      const priorContributions = new Float64Array(width);
      let priorLogit = prior.explain(x, priorContributions);
      for (let j = 0; j < width; j++) {
        priorLogit += priorContributions[j]!;
        contributions[j] = modelWeight * contributions[j]! + (1 - modelWeight) * priorContributions[j]!;
      }
      const blend = (learned: number, fromPrior: number) =>
        modelWeight * learned + (1 - modelWeight) * fromPrior;
      const priorProbability = sigmoid(priorLogit);
      const learnedOrPrior = (value: number) => (learner === null ? priorProbability : value);
      probability = blend(learnedOrPrior(probability), priorProbability);
      interval = [
        blend(learnedOrPrior(interval[0]), sigmoid(priorLogit - PRIOR_LOGIT_SPREAD)),
        blend(learnedOrPrior(interval[1]), sigmoid(priorLogit + PRIOR_LOGIT_SPREAD)),
      ];
      confidence = blend(confidence, PRIOR_CONFIDENCE);
    }
    return {
      probability,
      interval,
      confidence,
      contributions: topContributions(x, contributions, options.topContributions ?? 5),
    };
  };

  const topContributions = (
    x: Float64Array,
    contributions: Float64Array,
    count: number,
  ): FeatureContribution[] => {
    const order: number[] = [];
    for (let j = 0; j < width; j++) if (contributions[j] !== 0) order.push(j);
    order.sort((a, b) => Math.abs(contributions[b]!) - Math.abs(contributions[a]!));
    return order.slice(0, count).map((j) => ({
      feature: featureNames[j]!,
      value: Number.isNaN(x[j]!) ? null : x[j]!,
      contribution: contributions[j]!,
    }));
  };

  return {
    featureNames,
    summary,
    predict,
    describe: () => describeSummary(summary),
    toJSON: () => json,
  };
}

function isArrayLike(features: FeatureInput): features is ArrayLike<number | null> {
  return Array.isArray(features) || ArrayBuffer.isView(features);
}

const LEARNER_LABELS = { logistic: 'logistic regression', boosted_trees: 'boosted trees' } as const;

export function describeSummary(summary: ModelSummary): string {
  if (summary.learner === null) {
    const basis = summary.prior === 'expansion' ? 'domain prior only' : 'base rate only';
    return `${basis} (${summary.positives} positives in ${summary.rows} rows: too few to learn)`;
  }
  const scores = summary.comparison
    .map(
      (score) =>
        `${LEARNER_LABELS[score.learner]} log-loss ${score.logLoss.toFixed(3)} AUC ${score.auc.toFixed(3)}`,
    )
    .join(' vs ');
  const validation = summary.validation === 'time' ? 'time-ordered' : 'stratified k-fold';
  const prior = summary.prior === 'expansion' ? `, prior weight ${(1 - summary.modelWeight).toFixed(2)}` : '';
  return `${LEARNER_LABELS[summary.learner]} chosen by ${validation} validation (${scores}), ${summary.calibration} calibration, ${summary.bootstrapModels} bootstrap models${prior}`;
}
