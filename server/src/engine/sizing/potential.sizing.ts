// Potential ARR for a motion, priced from the org's price book. Projections look `horizonDays` ahead:
// the far edge of the expansion window (config.window.leadDaysMax).
import type { AccountSnapshot, Evidence, Motion, Potential } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { sizeCrossSell } from './cross-sell.sizing.ts';
import { seatsNeededFor, sizeSeatUpsell } from './seat-upsell.sizing.ts';
import { statedNeedOf } from '../techniques/conversation/stated-need.evidence.ts';
import { nextTier, sizeTierUpgrade } from './tier-upgrade.sizing.ts';
import { sizeUsageCommit } from './usage-commit.sizing.ts';
import { seatDemand } from './seat-demand.ts';

/** The potential of an account with no motion: nothing to size. */
export function noPotential(currency: string): Potential {
  return { currency, arr: 0, low: 0, high: 0, basis: 'No expansion motion.' };
}

/** `evidence`: the verdict's, for what the customer stated (a need in numbers sizes a seat upsell). */
export function sizePotential(
  motion: Motion,
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  evidence: readonly Evidence[] = [],
): Potential {
  const horizonDays = ctx.config.window.leadDaysMax;
  const currency = ctx.priceBook.currency;
  switch (motion) {
    case 'seat_upsell':
    case 'tier_upgrade': {
      const tier = ctx.priceBook.tiers.find((candidate) => candidate.id === snapshot.contract.tier);
      if (!tier) {
        return {
          ...noPotential(currency),
          basis: `Tier ${snapshot.contract.tier} is not in the price book.`,
        };
      }
      if (motion === 'seat_upsell') return sizeSeatUpsell(snapshot, ctx, tier, horizonDays, evidence);
      const demand = seatDemand(snapshot, ctx, horizonDays);
      // a need the customer stated in numbers sets the seats the next tier must hold
      const need = statedNeedOf(evidence);
      const stated = need ? { seats: seatsNeededFor(need, demand), on: need.date } : null;
      const next = nextTier(ctx.priceBook.tiers, tier, Math.max(Math.ceil(demand.mid), stated?.seats ?? 0));
      if (!next) {
        const seats = sizeSeatUpsell(snapshot, ctx, tier, horizonDays, evidence);
        return {
          ...seats,
          basis: `Already on the top tier (${tier.name}): sized as extra seats. ${seats.basis}`,
        };
      }
      const upgrade = sizeTierUpgrade(ctx, tier, next, demand, horizonDays, stated);
      return need && stated && stated.seats > demand.licensed
        ? { ...upgrade, evidenceIds: [need.evidenceId] }
        : upgrade;
    }
    case 'cross_sell':
      return sizeCrossSell(snapshot, ctx, horizonDays, evidence);
    case 'usage_commit':
      return sizeUsageCommit(snapshot, ctx, horizonDays);
  }
}
