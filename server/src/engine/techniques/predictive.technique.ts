import type { AccountSnapshot, Evidence, FeatureContribution, TechniqueResult } from '@ripe/shared';
import {
  extractFeatures,
  FEATURE_LABELS,
  type FeatureName,
  type FeatureVector,
} from '../../model/features.ts';
import type { ScoringModel } from '../../model/scoring-model.ts';
import type { Technique } from './technique.ts';
import { makeSignal, round3 } from './signal.ts';

export interface PredictiveOptions {
  /** Probability from which the model emits `high_expansion_probability` (default 0.4, ~3× a typical base rate). */
  signalLevel?: number;
  /** Contributions kept for the explanation (default 5). */
  topContributions?: number;
}

/** What the composite puts in the verdict: probability, interval, confidence, contributions. */
export interface ModelScore {
  probability: number;
  interval: [number, number];
  confidence: number;
  contributions: FeatureContribution[];
  features: FeatureVector;
}

export const DEFAULT_SIGNAL_LEVEL = 0.4;

export function scoreWithModel(
  model: ScoringModel,
  snapshot: AccountSnapshot,
  now: string,
  topContributions = 5,
): ModelScore {
  const features = extractFeatures(snapshot, now);
  return { ...model.predict(features, { topContributions }), features };
}

function labelOf(feature: string): string {
  return feature in FEATURE_LABELS ? FEATURE_LABELS[feature as FeatureName] : feature;
}

/** Turns a model score into the technique's result: evidence ids `pred:*`, source `model`. */
export function predictiveResult(
  score: ModelScore,
  now: string,
  signalLevel = DEFAULT_SIGNAL_LEVEL,
): TechniqueResult {
  const [low, high] = score.interval;
  const evidence: Evidence[] = [
    {
      id: 'pred:probability',
      description: `Calibrated probability of expansion within 90 days (interval ${round3(low)}–${round3(high)})`,
      value: round3(score.probability),
      threshold: signalLevel,
      date: now,
      source: 'model',
    },
    ...score.contributions.map((contribution) => ({
      id: `pred:${contribution.feature}`,
      description: `Model driver: ${labelOf(contribution.feature)} (${contribution.contribution >= 0 ? '+' : ''}${contribution.contribution.toFixed(2)} log-odds)`,
      value: contribution.value === null ? 'missing' : round3(contribution.value),
      date: now,
      source: 'model',
    })),
  ];
  const drivers = score.contributions.filter((c) => c.contribution > 0).map((c) => `pred:${c.feature}`);
  const signals =
    score.probability >= signalLevel
      ? [makeSignal('high_expansion_probability', score.probability, ['pred:probability', ...drivers])]
      : [];
  return {
    technique: 'predictive',
    score: round3(score.probability),
    confidence: round3(score.confidence),
    signals,
    evidence,
    contradictions: [],
  };
}

/** The predictive technique over a trained (or prior-only) model. */
export function createPredictiveTechnique(model: ScoringModel, options: PredictiveOptions = {}): Technique {
  return (snapshot, ctx) =>
    predictiveResult(
      scoreWithModel(model, snapshot, ctx.now, options.topContributions),
      ctx.now,
      options.signalLevel ?? DEFAULT_SIGNAL_LEVEL,
    );
}
