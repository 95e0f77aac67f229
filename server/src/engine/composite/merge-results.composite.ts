// One verdict's signals, evidence and contradictions from all the techniques. Evidence is unique by
// id; a contradiction raised twice is named once, blocking if either raise blocks.
import type { Contradiction, Evidence, Signal, TechniqueResult } from '@ripe/shared';

export interface MergedResults {
  signals: Signal[];
  evidence: Evidence[];
  contradictions: Contradiction[];
}

function mergeContradiction(into: Contradiction[], contradiction: Contradiction): void {
  for (let i = 0; i < into.length; i++) {
    const existing = into[i] as Contradiction;
    if (existing.code !== contradiction.code) continue;
    const evidenceIds = [...existing.evidenceIds];
    for (const id of contradiction.evidenceIds) if (!evidenceIds.includes(id)) evidenceIds.push(id);
    into[i] = {
      ...existing,
      effect: existing.effect === 'block' || contradiction.effect === 'block' ? 'block' : 'lower',
      evidenceIds,
    };
    return;
  }
  into.push(contradiction);
}

export function mergeResults(results: readonly TechniqueResult[]): MergedResults {
  const merged: MergedResults = { signals: [], evidence: [], contradictions: [] };
  const seen = new Set<string>();
  for (const result of results) {
    for (const signal of result.signals) merged.signals.push(signal);
    for (const evidence of result.evidence) {
      if (seen.has(evidence.id)) continue;
      seen.add(evidence.id);
      merged.evidence.push(evidence);
    }
    for (const contradiction of result.contradictions)
      mergeContradiction(merged.contradictions, contradiction);
  }
  return merged;
}
