import type { AccountSnapshot, Contradiction, Evidence, Signal, TechniqueResult } from '@ripe/shared';
import type { SignalCode } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';
import { round3 } from '../signal.ts';
import {
  contractionCheck,
  decliningUsageCheck,
  escalationCheck,
  renewalCheck,
} from './account-events.check.ts';
import { shallowAdoptionCheck } from './adoption.check.ts';
import { contradictionLabels, type CheckContext, type ContradictionCheck } from './contradiction-check.ts';
import { championGoneCheck, coolingRelationshipCheck } from './relationship.check.ts';
import { budgetCutCheck, churnRiskCheck, declinedCheck, sentimentCheck } from './sentiment.check.ts';

// In this order: the renewal check reads the escalations found before it.
const checks: readonly ContradictionCheck[] = [
  coolingRelationshipCheck,
  shallowAdoptionCheck,
  escalationCheck,
  contractionCheck,
  renewalCheck,
  decliningUsageCheck,
  championGoneCheck,
  churnRiskCheck,
  budgetCutCheck,
  declinedCheck,
  sentimentCheck,
];

/**
 * Contradictions between the techniques' results and with the account's facts (tickets, opportunities,
 * contract). Emits no signals: the composite lowers the score on the contradictions, turns an expansion
 * case with a blocking one into `caution`, and drops the motions a contradiction blocks; each
 * contradiction cites evidence ids (the techniques' or its own `xc:` evidence).
 */
export function crossCheck(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  results: TechniqueResult[],
): TechniqueResult {
  const signals = new Map<string, Signal>();
  const techniques = new Set<string>();
  for (const result of results) {
    if (result.technique === 'cross_check') continue;
    techniques.add(result.technique);
    for (const signal of result.signals) if (!signals.has(signal.code)) signals.set(signal.code, signal);
  }
  const evidence: Evidence[] = [];
  const contradictions: Contradiction[] = [];
  const check: CheckContext = {
    snapshot,
    ctx,
    today: dayNumber(ctx.now),
    present: (codes: readonly SignalCode[]) =>
      codes.map((code) => signals.get(code)).filter((signal): signal is Signal => signal !== undefined),
    evidence,
    contradictions,
    contradict: (code, effect, evidenceIds) =>
      contradictions.push({ code, label: contradictionLabels[code], effect, evidenceIds }),
  };
  for (const run of checks) run(check);
  // Score: 1 with nothing against expansion, 0 when blocked, ×0.75 per lowering contradiction.
  const blocked = contradictions.some((contradiction) => contradiction.effect === 'block');
  const lowering = contradictions.filter((contradiction) => contradiction.effect === 'lower').length;
  return {
    technique: 'cross_check',
    score: blocked ? 0 : round3(Math.pow(0.75, lowering)),
    confidence: round3(Math.min(1, techniques.size / 5)),
    signals: [],
    evidence,
    contradictions,
  };
}
