import { fitPlatt } from './calibration/platt.calibration.ts';
import type { LearnerKind, PreparedLearner, TrainingSet } from './learners/learner.ts';
import { areaUnderRoc } from './metrics/auc.metric.ts';
import { logLoss } from './metrics/probability.metric.ts';
import {
  forwardChainingFolds,
  groupedStratifiedFolds,
  stratifiedFolds,
  type Fold,
} from './validation/folds.ts';

export type ValidationKind = 'time' | 'stratified-kfold';

/** One candidate's out-of-fold performance, recorded in the model for the README and the CLI. */
export interface LearnerScore {
  learner: LearnerKind;
  /** Out-of-fold log-loss after a Platt recalibration (so both learners are judged on ranking and shape, not raw scale). */
  logLoss: number;
  auc: number;
  /** Rows that got an out-of-fold prediction. */
  rows: number;
}

export interface LearnerSelection {
  best: LearnerKind;
  validation: ValidationKind;
  comparison: LearnerScore[];
  /** The best learner's out-of-fold raw log-odds (NaN for rows without one), for calibration. */
  outOfFoldLogits: Float64Array;
}

// Log-loss gains below this are noise: the simpler, steadier logistic model is kept.
const TIE_MARGIN = 0.001;

export interface InnerFoldPlan {
  /** Time of each row (forward chaining then), or null. */
  times: ArrayLike<number> | null;
  /** Group of each row (an entity's rows stay in one fold), or null. */
  groups: ArrayLike<number> | null;
  /** Gap left between training and validation rows in time order: the label's horizon. */
  gap: number;
  folds: number;
  seed: number;
}

/**
 * Validation folds on the training rows: forward chaining with the horizon gap when times are known,
 * else stratified k-fold, over groups when rows belong to entities.
 */
export function innerFolds(set: TrainingSet, plan: InnerFoldPlan) {
  if (plan.times !== null) {
    const chained = forwardChainingFolds(plan.times, plan.folds, plan.gap);
    if (chained.length > 0) return { validation: 'time' as const, folds: chained };
  }
  let positives = 0;
  for (let i = 0; i < set.y.length; i++) positives += set.y[i]!;
  const k = Math.max(2, Math.min(plan.folds, positives, set.y.length - positives));
  return {
    validation: 'stratified-kfold' as const,
    folds:
      plan.groups === null
        ? stratifiedFolds(set.y, k, plan.seed)
        : groupedStratifiedFolds(set.y, plan.groups, k, plan.seed),
  };
}

/** Fits every candidate on each fold, scores its out-of-fold predictions, and keeps the best. */
export function selectLearner(
  set: TrainingSet,
  candidates: readonly PreparedLearner[],
  validation: ValidationKind,
  folds: readonly Fold[],
): LearnerSelection {
  const { x, y } = set;
  const results = candidates.map((candidate) => {
    const logits = new Float64Array(x.rows).fill(Number.NaN);
    for (const fold of folds) {
      const fitted = candidate.fit(fold.train);
      for (const row of fold.test) logits[row] = fitted.logit(x.data, row * x.cols);
    }
    const predicted: number[] = [];
    const labels: number[] = [];
    logits.forEach((logit, row) => {
      if (!Number.isNaN(logit)) {
        predicted.push(logit);
        labels.push(y[row]!);
      }
    });
    const platt = fitPlatt(predicted, labels);
    const score: LearnerScore = {
      learner: candidate.kind,
      logLoss: logLoss(
        labels,
        predicted.map((logit) => platt.probability(logit)),
      ),
      auc: areaUnderRoc(labels, predicted),
      rows: labels.length,
    };
    return { score, logits };
  });
  let best = results[0]!;
  for (const result of results.slice(1)) {
    const margin = best.score.learner === 'logistic' ? TIE_MARGIN : 0;
    if (result.score.logLoss < best.score.logLoss - margin) best = result;
  }
  return {
    best: best.score.learner,
    validation,
    comparison: results.map((result) => result.score),
    outOfFoldLogits: best.logits,
  };
}
