// The account's own records against expansion: an open escalation, a recent contraction, a renewal close
// by with something negative going on, usage declining.
import type { SignalCode } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import { formatMoney } from '../../sizing/money.ts';
import { HINT_MAX } from '../signal.ts';
import { idsOf, type ContradictionCheck } from './contradiction-check.ts';

const NEGATIVE_CONTEXT: readonly SignalCode[] = [
  'dissatisfaction',
  'budget_cut',
  'churn_threat',
  'champion_leaving_mentioned',
  'engagement_cooling',
  'champion_left',
  'usage_declining',
];

export const escalationCheck: ContradictionCheck = ({ snapshot, ctx, today, evidence, contradict }) => {
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
};

export const contractionCheck: ContradictionCheck = ({ snapshot, ctx, today, evidence, contradict }) => {
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
      description: `Contraction of ${formatMoney(opportunity.amount, ctx.priceBook.currency)} closed on ${closedOn}`,
      value: opportunity.amount,
      date: closedOn,
      source: `opportunity:${opportunity.id}`,
    });
  }
  if (contractions.length > 0) contradict('recent_contraction', 'block', contractions);
};

export const renewalCheck: ContradictionCheck = (check) => {
  const { renewalDate } = check.snapshot.contract;
  const daysToRenewal = dayNumber(renewalDate) - check.today;
  if (daysToRenewal < 0 || daysToRenewal > check.ctx.config.renewal.imminentDays) return;
  // a decline read short of its threshold is a hint, not negative context
  const negativeContext = check
    .present(NEGATIVE_CONTEXT)
    .filter((signal) => signal.code !== 'usage_declining' || signal.strength > HINT_MAX);
  const escalations =
    check.contradictions.find((contradiction) => contradiction.code === 'open_escalation')?.evidenceIds ?? [];
  if (negativeContext.length === 0 && escalations.length === 0) return;
  check.evidence.push({
    id: 'xc:renewal',
    description: `Renewal on ${renewalDate}, in ${daysToRenewal} days`,
    value: renewalDate,
    threshold: check.ctx.config.renewal.imminentDays,
    date: renewalDate,
    source: 'contract',
  });
  check.contradict('renewal_imminent', 'lower', ['xc:renewal', ...idsOf(negativeContext), ...escalations]);
};

export const decliningUsageCheck: ContradictionCheck = ({ present, contradict }) => {
  // a decline read short of its threshold is a hint, not a decline
  const declining = present(['usage_declining']).filter((signal) => signal.strength > HINT_MAX);
  if (declining.length > 0) contradict('declining_usage', 'block', idsOf(declining));
};
