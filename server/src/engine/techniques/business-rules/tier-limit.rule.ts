import { isoDay } from '@ripe/shared';
import { accountFacts } from '../../facts/account-facts.ts';
import { makeSignal } from '../signal.ts';
import type { BusinessRule } from './business-rule.ts';

/** Seats licensed near the tier's seat ceiling, or seats used at the ceiling, with a higher tier to go to. */
export const tierLimitRule: BusinessRule = (snapshot, ctx, today, out) => {
  const tiers = ctx.priceBook.tiers;
  const tier = tiers.find((candidate) => candidate.id === snapshot.contract.tier);
  if (!tier?.maxSeats || !tiers.some((candidate) => candidate.rank > tier.rank)) return;
  const ceiling = tier.maxSeats;
  const { threshold } = ctx.config.rules.tierReached;
  const licensed = snapshot.contract.seatsLicensed;
  const evidenceIds: string[] = [];

  if (licensed >= threshold * ceiling) {
    const id = 'br:tier-seats-licensed';
    evidenceIds.push(id);
    out.evidence.push({
      id,
      description: `${licensed} seats licensed on the ${tier.name} tier, which allows ${ceiling}`,
      value: licensed,
      threshold: Math.ceil(threshold * ceiling),
      date: isoDay(today),
      source: 'contract',
    });
  }

  const seats = accountFacts(snapshot, ctx).seats;
  if (seats && seats.used >= ceiling) {
    const id = 'br:tier-seats-used';
    evidenceIds.push(id);
    out.evidence.push({
      id,
      description: `${seats.used} seats in use, at the ${tier.name} tier ceiling of ${ceiling}`,
      value: seats.used,
      threshold: ceiling,
      date: seats.on,
      source: `usage:${seats.metric}`,
    });
  }
  if (evidenceIds.length === 0) return;
  const share = Math.max(licensed, 0) / ceiling;
  const closeness = Math.min(1, Math.max(0, (share - threshold) / Math.max(0.01, 1 - threshold)));
  const strength = evidenceIds.length === 2 ? 0.9 : 0.6 + 0.3 * closeness;
  out.signals.push(makeSignal('tier_limit_reached', strength, evidenceIds));
};
