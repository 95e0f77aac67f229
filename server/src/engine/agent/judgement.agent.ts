// Is the opportunity real? Independent sources must converge, nothing may block it, and the facts
// must be recent: stale evidence is yesterday's opportunity.
import type { Evidence, OrgConfig, Verdict } from '@ripe/shared';
import { convergingStrength, sourceOf, type EvidenceSource } from '../composite/convergence.composite.ts';
import { dayNumber } from '@ripe/shared';

export interface Judgement {
  isReal: boolean;
  reason: string;
  /** The positive evidence the judgement rests on. */
  evidenceIds: string[];
}

/** Evidence older than this no longer makes an opportunity real. */
export const recentEvidenceDays = 30;

const sourceLabels: Record<EvidenceSource, string> = {
  usage: 'usage',
  conversations: 'conversations',
  relationship: 'the relationship',
  model: 'the model',
};

export function judgeOpportunity(
  verdict: Verdict,
  now: string,
  config: OrgConfig['composite'],
  byId: ReadonlyMap<string, Evidence>,
): Judgement {
  const sources: EvidenceSource[] = [];
  const evidenceIds: string[] = [];
  let latest = '';
  for (const signal of verdict.signals) {
    if (signal.polarity !== 'positive' || signal.strength < convergingStrength) continue;
    const source = sourceOf(signal.technique);
    if (source && !sources.includes(source)) sources.push(source);
    for (const id of signal.evidenceIds) {
      const evidence = byId.get(id);
      if (!evidence) continue;
      evidenceIds.push(id);
      // a model score is dated today and a projected limit in the future: neither is an observed fact
      if (evidence.source !== 'model' && evidence.date <= now && evidence.date > latest)
        latest = evidence.date;
    }
  }
  const besidesModel = sources.filter((source) => source !== 'model').length;
  const agreeing = sources.map((source) => sourceLabels[source]).join(', ');
  const blocking = verdict.contradictions.filter((contradiction) => contradiction.effect === 'block');
  const age = latest ? dayNumber(now) - dayNumber(latest) : Number.POSITIVE_INFINITY;

  let reason: string;
  if (sources.length < config.minConvergingTechniques || besidesModel === 0) {
    reason =
      sources.length === 0
        ? 'No technique points at expansion with enough strength.'
        : `Only ${agreeing} point${sources.length === 1 ? 's' : ''} at expansion: an isolated signal is not an opportunity yet.`;
  } else if (blocking.length > 0) {
    reason = `${blocking.map((contradiction) => contradiction.label).join('; ')} blocks it for now.`;
  } else if (age > recentEvidenceDays) {
    reason = latest
      ? `The latest supporting evidence dates from ${latest}, more than ${recentEvidenceDays} days ago.`
      : 'No supporting evidence on record.';
  } else {
    const lowering = verdict.contradictions.length;
    reason =
      `${sources.length} independent sources agree (${agreeing}), latest evidence from ${latest}` +
      (lowering > 0
        ? `; ${lowering} contradiction${lowering === 1 ? '' : 's'} lower${lowering === 1 ? 's' : ''} the score but none blocks.`
        : ', no contradiction.');
    return { isReal: true, reason, evidenceIds };
  }
  return { isReal: false, reason, evidenceIds };
}
