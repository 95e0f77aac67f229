import {
  calibratorFromJson,
  fitCalibrator,
  logitScale,
  rescaleCalibrator,
} from './calibration/choose-calibration.ts';
import { identityCalibrator } from './calibration/calibrator.ts';
import { prepareBoostedTrees, type BoostingOptions } from './learners/boosted-trees.learner.ts';
import {
  allRows,
  type FeatureRow,
  type FittedLearner,
  type LearnerJson,
  type LearnerKind,
  type PreparedLearner,
  type TrainingSet,
} from './learners/learner.ts';
import { logisticFromJson, prepareLogistic, type LogisticOptions } from './learners/logistic.learner.ts';
import { createForestScorer, treesFromJson } from './learners/tree-ensemble.ts';
import { innerFolds, selectLearner } from './learner-selection.ts';
import { scoringModelJsonSchema, type ModelSummary, type ScoringModelJson } from './model-json.schema.ts';
import { createPredictor, type FeatureInput, type ScoringModel } from './predictor.ts';
import { createExpansionPrior } from './prior.ts';
import { createRandom } from './random.ts';
import { FEATURE_NAMES } from './features.ts';

export type { ScoringModel, Prediction, FeatureInput } from './predictor.ts';
export type { ModelSummary, ScoringModelJson } from './model-json.schema.ts';

export interface TrainingRow {
  /** By position (then give `featureNames`) or by name; null / NaN = missing. */
  features: FeatureInput;
  label: 0 | 1;
  /** When known (day number, epoch ms...): validation is then time-ordered. */
  time?: number;
  /** The entity the row belongs to (an account): its rows never straddle a validation fold. */
  group?: number;
}

export interface TrainingOptions {
  featureNames?: readonly string[];
  seed?: number;
  /** Inner validation folds (forward-chaining blocks when times are given). Default 3. */
  folds?: number;
  /** The label's horizon in the rows' time unit: the gap left between training and validation rows. */
  horizon?: number;
  /** Models in the bootstrap ensemble behind the interval (0 = no interval). Default 10. */
  bootstrap?: number;
  candidates?: readonly LearnerKind[];
  /** `auto`: the expansion prior when the features are Ripe's (FEATURE_NAMES), none otherwise. */
  prior?: 'auto' | 'expansion' | 'none';
  /** k in the learned model's weight n / (n + k), n = positives. Default 10. */
  priorStrength?: number;
  isotonicMinPositives?: number;
  logistic?: LogisticOptions;
  boosting?: BoostingOptions;
}

// Below this many positives (or negatives) nothing is learned: the prior or the base rate answers.
const MIN_CLASS_ROWS = 5;

function featureNamesOf(rows: readonly TrainingRow[], options: TrainingOptions): string[] {
  if (options.featureNames) return [...options.featureNames];
  const first = rows[0]?.features;
  if (first === undefined) return [];
  if (Array.isArray(first) || ArrayBuffer.isView(first)) {
    return Array.from({ length: (first as ArrayLike<number>).length }, (_, j) => `x${j}`);
  }
  return Object.keys(first);
}

function toTrainingSet(rows: readonly TrainingRow[], featureNames: readonly string[]): TrainingSet {
  const cols = featureNames.length;
  const data = new Float64Array(rows.length * cols).fill(Number.NaN);
  const y = new Uint8Array(rows.length);
  const columnOf = new Map(featureNames.map((name, j) => [name, j]));
  rows.forEach((row, r) => {
    y[r] = row.label;
    const features = row.features;
    if (Array.isArray(features) || ArrayBuffer.isView(features)) {
      const values = features as ArrayLike<number | null>;
      for (let j = 0; j < cols; j++) data[r * cols + j] = values[j] ?? Number.NaN;
    } else {
      for (const [name, value] of Object.entries(features)) {
        const column = columnOf.get(name);
        if (column !== undefined) data[r * cols + column] = value ?? Number.NaN;
      }
    }
  });
  return { x: { rows: rows.length, cols, data }, y };
}

function prepare(kind: LearnerKind, set: TrainingSet, options: TrainingOptions): PreparedLearner {
  return kind === 'logistic'
    ? prepareLogistic(set, options.logistic)
    : prepareBoostedTrees(set, { seed: options.seed, ...options.boosting });
}

/**
 * Trains the scoring model on labelled rows: compares the candidate learners by inner validation
 * (time-ordered when rows carry times), keeps the best, calibrates it on its out-of-fold predictions,
 * refits it on all rows, and fits a half-sample ensemble for the interval. Thin history blends in the
 * expansion prior. Deterministic for a given seed.
 */
export function trainScoringModel(rows: readonly TrainingRow[], options: TrainingOptions = {}): ScoringModel {
  const seed = options.seed ?? 1;
  const featureNames = featureNamesOf(rows, options);
  const set = toTrainingSet(rows, featureNames);
  const positives = set.y.reduce((sum, label) => sum + label, 0);
  const priorKind =
    options.prior === 'auto' || options.prior === undefined
      ? createExpansionPrior(featureNames) === null
        ? 'none'
        : 'expansion'
      : options.prior;
  const prior = priorKind === 'expansion' ? createExpansionPrior(featureNames) : null;
  const summary: ModelSummary = {
    rows: rows.length,
    positives,
    learner: null,
    validation: 'none',
    comparison: [],
    calibration: 'identity',
    bootstrapModels: 0,
    prior: prior === null ? 'none' : 'expansion',
    modelWeight: positives / (positives + (options.priorStrength ?? 10)),
  };
  const baseRate = (positives + 1) / (rows.length + 2);
  if (Math.min(positives, rows.length - positives) < MIN_CLASS_ROWS) {
    return createPredictor({
      json: {
        version: 1,
        featureNames,
        summary: { ...summary, modelWeight: 0 },
        baseRate,
        learner: null,
        bootstrap: [],
        calibrator: { kind: 'identity' },
      },
      learner: null,
      bootstrapLogits: () => {},
      calibrator: identityCalibrator(),
      prior,
    });
  }

  const candidates = (options.candidates ?? ['logistic', 'boosted_trees']).map((kind) =>
    prepare(kind, set, options),
  );
  const times = rows.every((row) => row.time !== undefined) ? rows.map((row) => row.time!) : null;
  const folds = options.folds ?? 3;
  const groups = rows.every((row) => row.group !== undefined) ? rows.map((row) => row.group!) : null;
  const plan = innerFolds(set, { times, groups, gap: options.horizon ?? 0, folds, seed });
  const selection = selectLearner(set, candidates, plan.validation, plan.folds);
  const chosen = candidates.find((candidate) => candidate.kind === selection.best)!;

  const oofLogits: number[] = [];
  const oofLabels: number[] = [];
  selection.outOfFoldLogits.forEach((logit, row) => {
    if (!Number.isNaN(logit)) {
      oofLogits.push(logit);
      oofLabels.push(set.y[row]!);
    }
  });
  const learner = chosen.fit(allRows(rows.length));
  const refitLogits = new Float64Array(rows.length);
  for (let row = 0; row < rows.length; row++) refitLogits[row] = learner.logit(set.x.data, row * set.x.cols);
  const calibrator = rescaleCalibrator(
    fitCalibrator(oofLogits, oofLabels, options.isotonicMinPositives),
    logitScale(oofLogits),
    logitScale(refitLogits),
  );
  const bootstrap = halfSamples(rows.length, options.bootstrap ?? 10, seed).map((sample) =>
    chosen.fit(sample),
  );

  const json: ScoringModelJson = {
    version: 1,
    featureNames,
    summary: {
      ...summary,
      learner: selection.best,
      validation: selection.validation,
      comparison: selection.comparison,
      calibration: calibrator.kind,
      bootstrapModels: bootstrap.length,
    },
    baseRate,
    learner: learner.toJSON(),
    bootstrap: bootstrap.map((model) => model.toJSON()),
    calibrator: calibrator.toJSON(),
  };
  return createPredictor({
    json,
    learner,
    bootstrapLogits: ensembleScorer(json.bootstrap),
    calibrator,
    prior,
  });
}

/**
 * Half-samples without replacement: the spread of models fitted on n/2 rows estimates the sampling
 * spread of the full model (the delete-d jackknife with d = n/2), at half the cost of a bootstrap.
 */
function halfSamples(count: number, samples: number, seed: number): Int32Array[] {
  const random = createRandom(seed * 7919 + 17);
  return Array.from({ length: samples }, () => {
    const picked: number[] = [];
    for (let i = 0; i < count; i++) if (random() < 0.5) picked.push(i);
    return Int32Array.from(picked);
  });
}

function learnerFromJson(json: LearnerJson): FittedLearner {
  return json.kind === 'logistic' ? logisticFromJson(json) : treesFromJson(json);
}

// Tree ensembles are compiled into one forest so the whole bootstrap is scored in one tight loop.
function ensembleScorer(models: readonly LearnerJson[]): (x: FeatureRow, out: Float64Array) => void {
  const trees = models.filter((model) => model.kind === 'boosted_trees');
  if (trees.length === models.length) return createForestScorer(trees);
  const learners = models.map(learnerFromJson);
  return (x, out) => {
    for (let m = 0; m < learners.length; m++) out[m] = learners[m]!.logit(x);
  };
}

/** Restores a model stored with `toJSON()`; throws a zod error when the JSON is not a model. */
export function scoringModelFromJson(stored: unknown): ScoringModel {
  const json = scoringModelJsonSchema.parse(stored);
  return createPredictor({
    json,
    learner: json.learner === null ? null : learnerFromJson(json.learner),
    bootstrapLogits: ensembleScorer(json.bootstrap),
    calibrator: calibratorFromJson(json.calibrator),
    prior: json.summary.prior === 'expansion' ? createExpansionPrior(json.featureNames) : null,
  });
}

/** The model of an org with no labelled history: Ripe's features, the domain prior alone. */
export function priorOnlyModel(): ScoringModel {
  return trainScoringModel([], { featureNames: FEATURE_NAMES });
}
