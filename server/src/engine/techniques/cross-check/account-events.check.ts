// The account's own records against expansion: an open escalation, a recent contraction, a renewal close
// by with something negative going on, usage declining.
import type { SignalCode } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import { formatMoney } from '../../sizing/money.ts';
import { HINT_MAX } from '../signal.ts';
import { idsOf, type CheckContext, type ContradictionCheck } from './contradiction-check.ts';

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
  contractions.push(...licenceCuts({ snapshot, ctx, today, evidence }));
  if (contractions.length > 0) contradict('recent_contraction', 'block', contractions);
};

/** Amendments of the licence that cut seats or moved to a lower tier within the lookback: evidence ids. */
function licenceCuts({
  snapshot,
  ctx,
  today,
  evidence,
}: Pick<CheckContext, 'snapshot' | 'ctx' | 'today' | 'evidence'>): string[] {
  const history = snapshot.contract.licenceHistory ?? [];
  const rank = new Map(ctx.priceBook.tiers.map((tier) => [tier.id, tier] as const));
  const ids: string[] = [];
  for (let i = 1; i < history.length; i++) {
    const before = history[i - 1]!;
    const after = history[i]!;
    const age = today - dayNumber(after.effectiveDate);
    if (age < 0 || age > ctx.config.contraction.lookbackDays) continue;
    const fewerSeats = after.seatsLicensed < before.seatsLicensed;
    const lowerTier = (rank.get(after.tier)?.rank ?? 0) < (rank.get(before.tier)?.rank ?? 0);
    if (!fewerSeats && !lowerTier) continue;
    const id = `xc:licence:${after.effectiveDate}`;
    ids.push(id);
    const tierName = (tier: string) => rank.get(tier)?.name ?? tier;
    evidence.push({
      id,
      description: fewerSeats
        ? `Licence cut from ${before.seatsLicensed} to ${after.seatsLicensed} seats on ${after.effectiveDate}`
        : `Tier moved down from ${tierName(before.tier)} to ${tierName(after.tier)} on ${after.effectiveDate}`,
      value: fewerSeats ? after.seatsLicensed : after.tier,
      date: after.effectiveDate,
      source: 'contract',
    });
  }
  return ids;
}

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
