// Who account i is: segment, company, staff, archetype and its contract and usage levels at the start.
import type { Segment } from '@ripe/shared';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import type { AccountProfile, Archetype } from './timeline.types.ts';
import { companyName } from './company-names.ts';
import { countries, industries } from './places.data.ts';
import type { Language } from './people.data.ts';
import { minimumRankFor, sandboxPriceBook, tierAt } from './sandbox-price-book.ts';

const countryWeights: Record<string, number> = Object.fromEntries(countries.map((c) => [c.code, c.weight]));

const segmentMix: Record<Segment, number> = { smb: 0.5, mid_market: 0.33, enterprise: 0.17 };

/** Enterprise has more growers, SMB more decliners (NRR benchmarks in SPEC.md). */
export const archetypeMix: Record<Segment, Record<Archetype, number>> = {
  smb: {
    grower: 0.24,
    steady: 0.3,
    one_off_spike: 0.07,
    too_early: 0.08,
    cooling: 0.07,
    declining: 0.18,
    renewal_risk: 0.06,
  },
  mid_market: {
    grower: 0.42,
    steady: 0.23,
    one_off_spike: 0.07,
    too_early: 0.06,
    cooling: 0.08,
    declining: 0.08,
    renewal_risk: 0.06,
  },
  enterprise: {
    grower: 0.52,
    steady: 0.18,
    one_off_spike: 0.06,
    too_early: 0.05,
    cooling: 0.08,
    declining: 0.06,
    renewal_risk: 0.05,
  },
};

const seatRange: Record<Segment, [number, number]> = {
  smb: [5, 40],
  mid_market: [30, 300],
  enterprise: [200, 3000],
};

const discountRange: Record<Segment, [number, number]> = {
  smb: [0, 0.05],
  mid_market: [0, 0.12],
  enterprise: [0.05, 0.2],
};

const commitShare: Record<Segment, number> = { smb: 0.3, mid_market: 0.5, enterprise: 0.65 };
const commitRange: Record<Segment, [number, number]> = {
  smb: [50, 300],
  mid_market: [300, 3000],
  enterprise: [2000, 30000],
};

/** Log-uniform: seat counts and volumes are skewed toward the low end. */
function logUniform(rng: Rng, [min, max]: [number, number]): number {
  return Math.exp(rng.real(Math.log(min), Math.log(max)));
}

function roundNicely(value: number): number {
  const step = value >= 1000 ? 100 : value >= 100 ? 10 : 1;
  return Math.max(step, Math.round(value / step) * step);
}

/**
 * The draws the name took when it was picked at random (two, three in French): skipped, so that every later
 * draw of the profile, and so every seed's portfolio, stays what it was. The name is `companyName`'s now.
 */
function skipNameDraws(rng: Rng, language: Language): void {
  const draws = language === 'fr' ? 3 : 2;
  for (let i = 0; i < draws; i++) rng.next();
}

function domainOf(name: string, index: number): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
  return `${slug}${index % 97}.example`;
}

function baseEngagementOf(rng: Rng, archetype: Archetype): number {
  if (archetype === 'too_early') return rng.real(0.2, 0.35);
  // A training week stands out against a modest baseline.
  if (archetype === 'one_off_spike') return rng.real(0.4, 0.6);
  return rng.real(0.55, 0.85);
}

function createdOnFor(rng: Rng, ctx: SandboxContext, archetype: Archetype): number {
  const latestNew = ctx.endDay - 200;
  const recentShare = archetype === 'too_early' ? 0.65 : 0.15;
  if (latestNew > ctx.historyStart && rng.chance(recentShare)) return rng.int(ctx.historyStart, latestNew);
  return ctx.historyStart - rng.int(30, 1400);
}

export function drawProfile(rng: Rng, ctx: SandboxContext, index: number): AccountProfile {
  const segment = rng.weighted(segmentMix);
  const archetype = rng.weighted(archetypeMix[segment]);
  const country = rng.weighted(countryWeights);
  const place = countries.find((c) => c.code === country) ?? countries[0];
  if (!place) throw new RangeError('no country profile');
  const language: Language = rng.chance(place.french) ? 'fr' : 'en';
  skipNameDraws(rng, language);
  const name = companyName(ctx.seed, index, language);

  const seats = Math.round(logUniform(rng, seatRange[segment]));
  const preferredRank = {
    smb: rng.chance(0.7) ? 0 : 1,
    mid_market: rng.chance(0.6) ? 1 : 2,
    enterprise: rng.chance(0.5) ? 2 : 3,
  }[segment];
  // Too-early accounts bought a tier with several features, so that using only the core one is shallow.
  const floorRank = archetype === 'too_early' ? 1 : 0;
  const tierRank = Math.max(preferredRank, floorRank, minimumRankFor(Math.ceil(seats * 1.1)));
  const moduleCount = { smb: rng.chance(0.2) ? 1 : 0, mid_market: rng.int(0, 1), enterprise: rng.int(0, 2) }[
    segment
  ];
  const modules = sandboxPriceBook.modules
    .slice(0, 3)
    .filter((_, k) => (k + index) % 3 < moduleCount)
    .map((m) => m.id);
  const committedVolume = rng.chance(commitShare[segment])
    ? roundNicely(logUniform(rng, commitRange[segment]))
    : 0;
  const [minDiscount, maxDiscount] = discountRange[segment];
  const discount = Math.round(rng.real(minDiscount, maxDiscount) * 100) / 100;

  const baseUtilisation = {
    grower: rng.real(0.55, 0.76),
    steady: rng.real(0.5, 0.85),
    one_off_spike: rng.real(0.5, 0.75),
    too_early: 1,
    cooling: rng.real(0.6, 0.78),
    declining: rng.real(0.62, 0.86),
    renewal_risk: rng.real(0.72, 0.9),
  }[archetype];

  return {
    index,
    id: `acc-${String(index).padStart(6, '0')}`,
    name,
    domain: domainOf(name, index),
    segment,
    industry: rng.pick(industries),
    country,
    language,
    utcOffset: rng.pick(place.offsets),
    city: rng.pick(place.cities),
    owner: rng.pick(ctx.owners),
    csm: rng.pick(ctx.csms),
    createdOn: createdOnFor(rng, ctx, archetype),
    archetype,
    discount,
    initialTerms: {
      tierRank,
      seats: Math.min(seats, tierAt(tierRank).maxSeats ?? seats),
      modules,
      committedVolume,
    },
    baseUtilisation,
    baseEngagement: baseEngagementOf(rng, archetype),
    baseConsumption: rng.real(0.45, 0.78),
    featureBreadth: archetype === 'too_early' ? rng.real(0, 0.06) : rng.real(0.2, 0.6),
  };
}
