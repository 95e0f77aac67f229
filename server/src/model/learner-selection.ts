import { fitPlatt } from './calibration/platt.calibration.ts';
import type { LearnerKind, PreparedLearner, TrainingSet } from './learners/learner.ts';
import { areaUnderRoc } from './metrics/auc.metric.ts';
import { logLoss } from './metrics/probability.metric.ts';
import { forwardChainingFolds, stratifiedFolds, type Fold } from './validation/folds.ts';

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

/** Validation folds on the training rows: forward chaining when times are known, else stratified k-fold. */
export function innerFolds(set: TrainingSet, times: ArrayLike<number> | null, folds: number, seed: number) {
  if (times !== null) {
    const chained = forwardChainingFolds(times, folds);
    if (chained.length > 0) return { validation: 'time' as const, folds: chained };
  }
  let positives = 0;
  for (let i = 0; i < set.y.length; i++) positives += set.y[i]!;
  const k = Math.max(2, Math.min(folds, positives, set.y.length - positives));
  return { validation: 'stratified-kfold' as const, folds: stratifiedFolds(set.y, k, seed) };
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
