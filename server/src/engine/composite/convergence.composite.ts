// Convergence: how many *independent* techniques point at expansion. A technique counts once however
// many signals it emits, and only with a positive signal strong enough to stand on its own.
import type { TechniqueName, TechniqueResult } from '@ripe/shared';

/** A positive signal below this strength is a hint, not a vote. */
export const convergingStrength = 0.4;

export interface Convergence {
  /** Distinct techniques with at least one positive signal of `convergingStrength` or more. */
  techniques: TechniqueName[];
  /** The same, without the predictive model: the model alone never makes an alert. */
  nonPredictive: number;
}

export function measureConvergence(results: readonly TechniqueResult[]): Convergence {
  const techniques: TechniqueName[] = [];
  let nonPredictive = 0;
  for (const result of results) {
    // cross-checking only ever contradicts; it never votes for expansion
    if (result.technique === 'cross_check') continue;
    if (!hasStrongPositive(result) || techniques.includes(result.technique)) continue;
    techniques.push(result.technique);
    if (result.technique !== 'predictive') nonPredictive++;
  }
  return { techniques, nonPredictive };
}

function hasStrongPositive(result: TechniqueResult): boolean {
  for (const signal of result.signals) {
    if (signal.polarity === 'positive' && signal.strength >= convergingStrength) return true;
  }
  return false;
}
