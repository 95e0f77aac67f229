// What a contradiction check reads and where it writes: the other techniques' signals by code, the
// snapshot, and the evidence and contradictions of the cross-check so far.
import type {
  AccountSnapshot,
  Contradiction,
  ContradictionCode,
  Evidence,
  Signal,
  SignalCode,
} from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';

export interface CheckContext {
  snapshot: AccountSnapshot;
  ctx: EngineContext;
  today: number;
  /** The signals of `codes` the other techniques emitted (the first of each code). */
  present(codes: readonly SignalCode[]): Signal[];
  evidence: Evidence[];
  contradictions: Contradiction[];
  contradict(code: ContradictionCode, effect: Contradiction['effect'], evidenceIds: string[]): void;
}

/** One contradiction check: reads the context, appends evidence and contradictions. */
export type ContradictionCheck = (check: CheckContext) => void;

export const contradictionLabels: Record<ContradictionCode, string> = {
  rising_usage_cooling_relationship: 'Usage rising while the relationship cools',
  relationship_cooling: 'Relationship cooling',
  churn_risk: 'Churn threatened or an alternative being evaluated',
  budget_cut: 'Budget cut, restructuring or headcount reduction announced',
  seats_full_shallow_adoption: 'Seats full but few features adopted: too early',
  open_escalation: 'Open escalated or urgent ticket',
  recent_contraction: 'Recent contraction',
  renewal_imminent: 'Renewal imminent with negative context',
  declining_usage: 'Usage declining',
  champion_left: 'Champion left or leaving',
  negative_sentiment: 'Strong negative sentiment',
  expansion_declined: 'The customer declined to grow now',
};

/** The evidence ids the signals cite, each once. */
export function idsOf(found: readonly Signal[]): string[] {
  return [...new Set(found.flatMap((signal) => signal.evidenceIds))];
}
