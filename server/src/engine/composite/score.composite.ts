// The composite score: a blend of technique scores weighted by how much each technique had to go on,
// a bonus for convergence, minus the contradictions' penalties.
import type { Contradiction, ContradictionCode, TechniqueName, TechniqueResult } from '@ripe/shared';

/**
 * Relative weight of each technique in the blend (× its confidence); cross-checking acts through
 * contradictions instead. The model, trained on the org's own history, weighs most once it is confident
 * (a cold-start prior has little confidence, hence little weight); the two usage techniques share one
 * source and split its weight. Tuned for the precision of `ready` on the sandbox's ground truth.
 */
export const techniqueWeights: Record<TechniqueName, number> = {
  predictive: 0.35,
  business_rules: 0.15,
  temporal: 0.15,
  conversation: 0.15,
  contact_network: 0.15,
  cross_check: 0,
};

/** Points added per converging independent source beyond the first, capped. */
const convergenceBonusPerSource = 6;
const maxConvergenceBonus = 18;
const maxPenalty = 60;
/** A blocking contradiction weighs this much more than the same one lowering the score. */
const blockSurcharge = 10;

/** Points (out of 100) a contradiction takes off the score. */
export function contradictionPenalty(code: ContradictionCode): number {
  switch (code) {
    case 'declining_usage':
      return 20;
    case 'rising_usage_cooling_relationship':
    case 'relationship_cooling':
    case 'churn_risk':
    case 'budget_cut':
    case 'seats_full_shallow_adoption':
    case 'open_escalation':
    case 'recent_contraction':
    case 'champion_left':
    case 'expansion_declined':
      return 15;
    case 'negative_sentiment':
      return 10;
    case 'renewal_imminent':
      // a renewal is also a natural moment to expand: it only trims the score
      return 5;
  }
}

/** Σ weight × confidence × score / Σ weight × confidence, 0..1 (0 when no technique had data). */
export function blendTechniqueScores(
  results: readonly TechniqueResult[],
  scoreOf: (result: TechniqueResult) => number = (result) => result.score,
): number {
  let weighted = 0;
  let totalWeight = 0;
  for (const result of results) {
    const weight = techniqueWeights[result.technique] * result.confidence;
    weighted += weight * scoreOf(result);
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : 0;
}

/**
 * A technique's score from its evidence *for* expansion only: the positive signals combined (1 − Π(1 − s)),
 * the model's probability as it is. Negative signals and contradictions weigh on the verdict's score,
 * never on whether there is a case.
 */
export function positiveScore(result: TechniqueResult): number {
  if (result.technique === 'predictive') return result.score;
  let miss = 1;
  for (const signal of result.signals) if (signal.polarity === 'positive') miss *= 1 - signal.strength;
  return 1 - miss;
}

function convergenceBonus(convergingCount: number): number {
  return Math.min(maxConvergenceBonus, convergenceBonusPerSource * Math.max(0, convergingCount - 1));
}

/** The strength of the expansion case, 0..100 one decimal: the composite score without anything against it. */
export function caseScore(results: readonly TechniqueResult[], convergingCount: number): number {
  const raw = 100 * blendTechniqueScores(results, positiveScore) + convergenceBonus(convergingCount);
  return Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
}

export function totalPenalty(contradictions: readonly Contradiction[]): number {
  let penalty = 0;
  for (const contradiction of contradictions) {
    penalty +=
      contradictionPenalty(contradiction.code) + (contradiction.effect === 'block' ? blockSurcharge : 0);
  }
  return Math.min(penalty, maxPenalty);
}

/** 0..100, one decimal. */
export function compositeScore(
  results: readonly TechniqueResult[],
  convergingCount: number,
  contradictions: readonly Contradiction[],
): number {
  const raw =
    100 * blendTechniqueScores(results) + convergenceBonus(convergingCount) - totalPenalty(contradictions);
  return Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
}
