import type {
  AccountSnapshot,
  Contradiction,
  ContradictionCode,
  Evidence,
  Signal,
  TechniqueResult,
} from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';
import { dayNumber, isoDay } from '@ripe/shared';
import type { SignalCode } from '@ripe/shared';
import { noisyOr, round3 } from '../signal.ts';
import { adoptionBreadth } from './adoption-breadth.ts';

const labels: Record<ContradictionCode, string> = {
  rising_usage_cooling_relationship: 'Usage rising while the relationship cools',
  seats_full_shallow_adoption: 'Seats full but few features adopted: too early',
  open_escalation: 'Open escalated or urgent ticket',
  recent_contraction: 'Recent contraction',
  renewal_imminent: 'Renewal imminent with negative context',
  declining_usage: 'Usage declining',
  champion_left: 'Champion left or leaving',
  negative_sentiment: 'Strong negative sentiment',
};

const RISING: readonly SignalCode[] = [
  'seats_trending_up',
  'active_users_trending_up',
  'consumption_trending_up',
  'active_user_spike',
];
const SEATS_FULL: readonly SignalCode[] = ['seat_utilisation_high', 'plateau_at_limit'];
const CHAMPION_GONE: readonly SignalCode[] = ['champion_left', 'champion_leaving_mentioned'];
const SENTIMENT: readonly SignalCode[] = ['dissatisfaction', 'churn_threat', 'budget_cut'];
const NEGATIVE_CONTEXT: readonly SignalCode[] = [
  'dissatisfaction',
  'budget_cut',
  'churn_threat',
  'champion_leaving_mentioned',
  'engagement_cooling',
  'champion_left',
  'usage_declining',
];
/** Combined strength of the negative conversation signals that counts as strong. */
const STRONG_SENTIMENT = 0.5;

/**
 * Contradictions between the techniques' results and with the account's facts (tickets, opportunities,
 * contract). Emits no signals: the composite lowers or blocks on the contradictions, each citing
 * evidence ids (the techniques' or its own `xc:` evidence).
 */
export function crossCheck(
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  results: TechniqueResult[],
): TechniqueResult {
  const today = dayNumber(ctx.now);
  const signals = new Map<string, Signal>();
  const techniques = new Set<string>();
  for (const result of results) {
    if (result.technique === 'cross_check') continue;
    techniques.add(result.technique);
    for (const signal of result.signals) if (!signals.has(signal.code)) signals.set(signal.code, signal);
  }
  const present = (codes: readonly SignalCode[]) =>
    codes.map((code) => signals.get(code)).filter((signal): signal is Signal => signal !== undefined);
  const idsOf = (found: readonly Signal[]) => [...new Set(found.flatMap((signal) => signal.evidenceIds))];

  const evidence: Evidence[] = [];
  const contradictions: Contradiction[] = [];
  const contradict = (code: ContradictionCode, effect: Contradiction['effect'], evidenceIds: string[]) => {
    contradictions.push({ code, label: labels[code], effect, evidenceIds });
  };

  const rising = present(RISING);
  const cooling = present(['engagement_cooling']);
  if (rising.length > 0 && cooling.length > 0) {
    contradict('rising_usage_cooling_relationship', 'lower', idsOf([...rising, ...cooling]));
  }

  const seatsFull = present(SEATS_FULL);
  const breadth = seatsFull.length > 0 ? adoptionBreadth(snapshot, ctx.priceBook, today) : null;
  const { shallowAdoption } = ctx.config.rules;
  if (breadth && breadth.share < shallowAdoption) {
    evidence.push({
      id: 'xc:adoption-breadth',
      description: `${breadth.used} of ${breadth.available} available features used in the last 30 days`,
      value: round3(breadth.share),
      threshold: shallowAdoption,
      date: isoDay(today),
      source: 'usage:feature_adoption',
    });
    contradict('seats_full_shallow_adoption', 'block', [...idsOf(seatsFull), 'xc:adoption-breadth']);
  }

  const escalations: string[] = [];
  for (const ticket of snapshot.tickets) {
    if (ticket.status === 'closed' || !(ticket.escalated || ticket.priority === 'urgent')) continue;
    if (today - dayNumber(ticket.openedAt) > ctx.config.escalation.lookbackDays) continue;
    const id = `xc:ticket:${ticket.id}`;
    escalations.push(id);
    evidence.push({
      id,
      description: `${ticket.escalated ? 'Escalated' : 'Urgent'} ticket open since ${ticket.openedAt}: ${ticket.subject}`,
      value: ticket.escalated ? 'escalated' : ticket.priority,
      date: ticket.openedAt,
      source: `ticket:${ticket.id}`,
    });
  }
  if (escalations.length > 0) contradict('open_escalation', 'block', escalations);

  const contractions: string[] = [];
  for (const opportunity of snapshot.opportunities) {
    if (opportunity.type !== 'contraction' || opportunity.stage !== 'closed_won') continue;
    const closedOn = opportunity.closedAt ?? opportunity.createdAt;
    const age = today - dayNumber(closedOn);
    if (age < 0 || age > ctx.config.contraction.lookbackDays) continue;
    const id = `xc:opportunity:${opportunity.id}`;
    contractions.push(id);
    evidence.push({
      id,
      description: `Contraction of ${opportunity.amount} closed on ${closedOn}`,
      value: opportunity.amount,
      date: closedOn,
      source: `opportunity:${opportunity.id}`,
    });
  }
  if (contractions.length > 0) contradict('recent_contraction', 'block', contractions);

  const { renewalDate } = snapshot.contract;
  const daysToRenewal = dayNumber(renewalDate) - today;
  const negativeContext = present(NEGATIVE_CONTEXT);
  if (
    daysToRenewal >= 0 &&
    daysToRenewal <= ctx.config.renewal.imminentDays &&
    (negativeContext.length > 0 || escalations.length > 0)
  ) {
    evidence.push({
      id: 'xc:renewal',
      description: `Renewal on ${renewalDate}, in ${daysToRenewal} days`,
      value: renewalDate,
      threshold: ctx.config.renewal.imminentDays,
      date: renewalDate,
      source: 'contract',
    });
    contradict('renewal_imminent', 'lower', ['xc:renewal', ...idsOf(negativeContext), ...escalations]);
  }

  const declining = present(['usage_declining']);
  if (declining.length > 0) contradict('declining_usage', 'block', idsOf(declining));

  const championGone = present(CHAMPION_GONE);
  if (championGone.length > 0) contradict('champion_left', 'lower', idsOf(championGone));

  const sentiment = present(SENTIMENT);
  if (sentiment.length > 0 && noisyOr(sentiment.map((signal) => signal.strength)) >= STRONG_SENTIMENT) {
    contradict('negative_sentiment', 'lower', idsOf(sentiment));
  }

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
