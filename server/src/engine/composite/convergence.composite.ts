// Convergence: how many *independent* sources point at expansion. A technique counts once however many
// signals it emits, and only with a positive signal strong enough to stand on its own. Business rules
// and temporal analysis both read the usage series, so together they are one source, not two: on the
// sandbox's ground truth, accounts where only they agree expand no more often than the base rate.
import type { TechniqueName, TechniqueResult } from '@ripe/shared';

/** A positive signal below this strength is a hint, not a vote. */
export const convergingStrength = 0.4;

/** The independent sources of evidence behind the techniques. */
export type EvidenceSource = 'usage' | 'conversations' | 'relationship' | 'model';

/** The source a technique reads; cross-checking reads the others and never votes. */
export function sourceOf(technique: TechniqueName): EvidenceSource | null {
  switch (technique) {
    case 'business_rules':
    case 'temporal':
      return 'usage';
    case 'conversation':
      return 'conversations';
    case 'contact_network':
      return 'relationship';
    case 'predictive':
      return 'model';
    case 'cross_check':
      return null;
  }
}

export interface Convergence {
  /** Distinct techniques with at least one positive signal of `convergingStrength` or more. */
  techniques: TechniqueName[];
  /** Distinct independent sources among them. */
  sources: EvidenceSource[];
  /** Sources besides the model: the model alone never makes an alert. */
  nonModelSources: number;
}

export function measureConvergence(results: readonly TechniqueResult[]): Convergence {
  const techniques: TechniqueName[] = [];
  const sources: EvidenceSource[] = [];
  for (const result of results) {
    const source = sourceOf(result.technique);
    if (!source || !hasStrongPositive(result) || techniques.includes(result.technique)) continue;
    techniques.push(result.technique);
    if (!sources.includes(source)) sources.push(source);
  }
  const nonModelSources = sources.length - (sources.includes('model') ? 1 : 0);
  return { techniques, sources, nonModelSources };
}

function hasStrongPositive(result: TechniqueResult): boolean {
  for (const signal of result.signals) {
    if (signal.polarity === 'positive' && signal.strength >= convergingStrength) return true;
  }
  return false;
}
