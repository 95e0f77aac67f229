// Is the opportunity real? Independent techniques must converge, nothing may block it, and the facts
// must be recent: stale evidence is yesterday's opportunity.
import type { Evidence, OrgConfig, TechniqueName, Verdict } from '@ripe/shared';
import { convergingStrength } from '../composite/convergence.composite.ts';
import { dayNumber } from '../series/day-number.ts';

export interface Judgement {
  isReal: boolean;
  reason: string;
  /** The positive evidence the judgement rests on. */
  evidenceIds: string[];
}

/** Evidence older than this no longer makes an opportunity real. */
export const recentEvidenceDays = 30;

const techniqueLabels: Record<TechniqueName, string> = {
  predictive: 'the model',
  conversation: 'conversations',
  contact_network: 'the contact network',
  business_rules: 'business rules',
  temporal: 'usage trends',
  cross_check: 'cross-checking',
};

export function judgeOpportunity(
  verdict: Verdict,
  now: string,
  config: OrgConfig['composite'],
  byId: ReadonlyMap<string, Evidence>,
): Judgement {
  const techniques: TechniqueName[] = [];
  const evidenceIds: string[] = [];
  let latest = '';
  for (const signal of verdict.signals) {
    if (signal.polarity !== 'positive' || signal.strength < convergingStrength) continue;
    if (signal.technique !== 'cross_check' && !techniques.includes(signal.technique)) {
      techniques.push(signal.technique);
    }
    for (const id of signal.evidenceIds) {
      const evidence = byId.get(id);
      if (!evidence) continue;
      evidenceIds.push(id);
      if (evidence.date > latest) latest = evidence.date;
    }
  }
  const independent = techniques.filter((technique) => technique !== 'predictive').length;
  const agreeing = techniques.map((technique) => techniqueLabels[technique]).join(', ');
  const blocking = verdict.contradictions.filter((contradiction) => contradiction.effect === 'block');
  const age = latest ? dayNumber(now) - dayNumber(latest) : Number.POSITIVE_INFINITY;

  let reason: string;
  if (techniques.length < config.minConvergingTechniques || independent === 0) {
    reason =
      techniques.length === 0
        ? 'No technique points at expansion with enough strength.'
        : `Only ${agreeing} point${techniques.length === 1 ? 's' : ''} at expansion: an isolated signal is not an opportunity yet.`;
  } else if (blocking.length > 0) {
    reason = `${blocking.map((contradiction) => contradiction.label).join('; ')} blocks it for now.`;
  } else if (age > recentEvidenceDays) {
    reason = latest
      ? `The latest supporting evidence dates from ${latest}, more than ${recentEvidenceDays} days ago.`
      : 'No supporting evidence on record.';
  } else {
    const lowering = verdict.contradictions.length;
    reason =
      `${techniques.length} independent techniques agree (${agreeing}), latest evidence from ${latest}` +
      (lowering > 0
        ? `; ${lowering} contradiction${lowering === 1 ? '' : 's'} lower${lowering === 1 ? 's' : ''} the score but none blocks.`
        : ', no contradiction.');
    return { isReal: true, reason, evidenceIds };
  }
  return { isReal: false, reason, evidenceIds };
}
