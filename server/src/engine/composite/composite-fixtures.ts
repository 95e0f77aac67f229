// Hand-built technique results for the composite's, the sizing's and the agent's specs.
import type { Contradiction, ContradictionCode, Signal, TechniqueName, TechniqueResult } from '@ripe/shared';
import { makeSignal } from '../techniques/signal.ts';
import type { SignalCode } from '@ripe/shared';

export function signal(code: SignalCode, strength = 0.8, evidenceIds: string[] = []): Signal {
  return makeSignal(code, strength, evidenceIds);
}

export function techniqueResult(
  technique: TechniqueName,
  score: number,
  signals: Signal[] = [],
  confidence = 0.9,
  contradictions: Contradiction[] = [],
): TechniqueResult {
  return { technique, score, confidence, signals, evidence: [], contradictions };
}

export function contradiction(code: ContradictionCode, effect: 'lower' | 'block' = 'lower'): Contradiction {
  return { code, label: code, effect, evidenceIds: [] };
}

/** Four techniques agreeing on a seat upsell, plus a lukewarm model. */
export function convergingResults(): TechniqueResult[] {
  return [
    techniqueResult('predictive', 0.55, [signal('high_expansion_probability', 0.55)]),
    techniqueResult('business_rules', 0.85, [signal('seat_utilisation_high', 0.85)]),
    techniqueResult('temporal', 0.75, [signal('seats_trending_up', 0.7), signal('limit_projected', 0.6)]),
    techniqueResult('conversation', 0.7, [signal('buying_intent', 0.7)]),
    techniqueResult('contact_network', 0.6, [signal('sponsor_engaged', 0.6)]),
    techniqueResult('cross_check', 0, [], 1),
  ];
}
