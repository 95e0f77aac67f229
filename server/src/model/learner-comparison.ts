import { prepareBoostedTrees } from './learners/boosted-trees.learner.ts';
import { allRows, sigmoid, type LearnerKind } from './learners/learner.ts';
import { prepareLogistic } from './learners/logistic.learner.ts';
import { areaUnderRoc } from './metrics/auc.metric.ts';
import { logLoss } from './metrics/probability.metric.ts';
import { generateSyntheticData, type SyntheticSignal } from './synthetic-data.fixture.ts';

export interface ComparisonOptions {
  signal: SyntheticSignal;
  trainRows: number;
  testRows?: number;
  features?: number;
  seed?: number;
  missingShare?: number;
}

export interface HeldOutScore {
  learner: LearnerKind;
  auc: number;
  logLoss: number;
}

/**
 * Both learners, fitted on the same synthetic training set and scored on a fresh test set drawn from
 * the same distribution: the measurement behind the learner choice (`ripe bench` times it).
 */
export function compareLearners(options: ComparisonOptions): HeldOutScore[] {
  const features = options.features ?? 30;
  const seed = options.seed ?? 1;
  const common = { features, signal: options.signal, missingShare: options.missingShare ?? 0.05 };
  const train = generateSyntheticData({ ...common, rows: options.trainRows, seed });
  const test = generateSyntheticData({ ...common, rows: options.testRows ?? 5000, seed: seed + 1 });
  const labels = Array.from(test.y);
  return [prepareLogistic(train), prepareBoostedTrees(train, { seed })].map((prepared) => {
    const fitted = prepared.fit(allRows(train.x.rows));
    const logits = labels.map((_, r) => fitted.logit(test.x.data, r * features));
    return {
      learner: prepared.kind,
      auc: areaUnderRoc(labels, logits),
      logLoss: logLoss(labels, logits.map(sigmoid)),
    };
  });
}
