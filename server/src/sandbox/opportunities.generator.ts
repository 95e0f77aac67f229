// The CRM's opportunity history: the new business deal, yearly renewals, contractions, and one expansion
// opportunity per closed episode (won) or per fizzle that reached the CRM (lost).
import type { OpportunityType } from '@ripe/shared';
import type { Rng } from './prng.ts';
import type {
  AccountProfile,
  ContractChange,
  ContractState,
  Episode,
  OpportunityTrack,
} from './timeline.types.ts';

const opportunityTypeOf: Record<Episode['kind'], OpportunityType> = {
  seat_growth: 'upsell',
  tier_ceiling: 'upsell',
  module_exploration: 'cross_sell',
  consumption_growth: 'usage_commit',
};

export function generateOpportunities(
  rng: Rng,
  profile: AccountProfile,
  contracts: readonly ContractState[],
  changes: readonly ContractChange[],
  episodes: readonly Episode[],
): OpportunityTrack[] {
  const opportunities: OpportunityTrack[] = [];
  const first = contracts[0];
  if (first) {
    opportunities.push({
      type: 'new_business',
      amount: first.price,
      createdOn: profile.createdOn - rng.int(30, 120),
      closesOn: profile.createdOn,
      won: true,
    });
  }
  for (const change of changes) {
    if (change.kind === 'expansion') continue;
    opportunities.push({
      type: 'renewal',
      amount: change.arr,
      createdOn: change.day - 90,
      closesOn: change.day,
      won: true,
    });
    if (change.kind === 'contraction') {
      opportunities.push({
        type: 'contraction',
        amount: -change.delta,
        createdOn: change.day - rng.int(20, 60),
        closesOn: change.day,
        won: true,
      });
    }
  }
  for (const episode of episodes) {
    const opportunity = episode.opportunity;
    if (!opportunity || episode.amount <= 0) continue;
    opportunities.push({ type: opportunityTypeOf[episode.kind], amount: episode.amount, ...opportunity });
  }
  return opportunities.sort((a, b) => a.createdOn - b.createdOn || a.closesOn - b.closesOn);
}
