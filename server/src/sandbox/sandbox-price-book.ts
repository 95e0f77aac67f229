// The sandbox org's price book and the pricing of a contract from it. Amounts of expansions are the
// difference of two contract prices, so they are always consistent with the price book.
import { priceBookSchema, type PriceBook, type Tier } from '@ripe/shared';

export const sandboxPriceBook: PriceBook = priceBookSchema.parse({
  currency: 'USD',
  tiers: [
    { id: 'starter', name: 'Starter', rank: 0, seatPrice: 240, maxSeats: 25, features: ['core', 'reports'] },
    {
      id: 'team',
      name: 'Team',
      rank: 1,
      seatPrice: 360,
      platformFee: 600,
      maxSeats: 150,
      features: ['core', 'reports', 'sso', 'integrations'],
    },
    {
      id: 'business',
      name: 'Business',
      rank: 2,
      seatPrice: 600,
      platformFee: 6000,
      maxSeats: 600,
      features: ['core', 'reports', 'sso', 'integrations', 'audit_log', 'sandbox'],
    },
    {
      id: 'enterprise',
      name: 'Enterprise',
      rank: 3,
      seatPrice: 840,
      platformFee: 20000,
      features: [
        'core',
        'reports',
        'sso',
        'integrations',
        'audit_log',
        'sandbox',
        'custom_roles',
        'data_residency',
      ],
    },
  ],
  modules: [
    { id: 'analytics', name: 'Analytics', seatPrice: 90, features: ['dashboards', 'forecasting'] },
    { id: 'automation', name: 'Automation', seatPrice: 72, features: ['workflows'] },
    { id: 'ai_assist', name: 'AI Assist', seatPrice: 120, features: ['ai_summaries'] },
  ],
  usage: { unit: 'API calls (thousands)', unitPrice: 1, commitDiscount: 0.2 },
});

/** Tiers by rank (the price book lists them in rank order). */
export const tiersByRank: readonly Tier[] = [...sandboxPriceBook.tiers].sort((a, b) => a.rank - b.rank);

export function tierAt(rank: number): Tier {
  const tier = tiersByRank[Math.max(0, Math.min(tiersByRank.length - 1, rank))];
  if (!tier) throw new RangeError(`no tier of rank ${rank}`);
  return tier;
}

export const topTierRank = tiersByRank.length - 1;

/** Every feature of the price book, the tiers' by rank, then the modules': the usage a product reports per feature. */
export const sandboxFeatures: readonly string[] = [
  ...new Set([
    ...tiersByRank.flatMap((tier) => tier.features),
    ...sandboxPriceBook.modules.flatMap((module) => module.features),
  ]),
];

/** What a contract buys; its price follows from the price book and the account's discount. */
export interface ContractTerms {
  tierRank: number;
  seats: number;
  modules: readonly string[];
  /** Monthly committed volume in the usage unit (0 when none). */
  committedVolume: number;
}

/** Annual contract value: platform fee + seats × (tier + modules) + committed volume, less the discount. */
export function contractPrice(terms: ContractTerms, discount: number): number {
  const tier = tierAt(terms.tierRank);
  let seatPrice = tier.seatPrice;
  for (const moduleId of terms.modules) {
    seatPrice += sandboxPriceBook.modules.find((module) => module.id === moduleId)?.seatPrice ?? 0;
  }
  const usage = sandboxPriceBook.usage;
  const commit = usage ? terms.committedVolume * 12 * usage.unitPrice * (1 - usage.commitDiscount) : 0;
  return Math.round((tier.platformFee + terms.seats * seatPrice + commit) * (1 - discount));
}

/** The smallest tier rank whose seat ceiling allows `seats`. */
export function minimumRankFor(seats: number): number {
  for (const tier of tiersByRank) if (tier.maxSeats === undefined || seats <= tier.maxSeats) return tier.rank;
  return topTierRank;
}
