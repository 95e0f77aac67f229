// The latent story of an account by archetype: when expansion episodes start and how they end, and
// the confounders (one-off spike, decline, cooling relationship, risky renewals, a champion leaving).
import type { Segment } from '@ripe/shared';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import type { AccountProfile, Episode, Storyline } from './timeline.types.ts';

/** Days between the end of one episode and the start of the next, for growers. */
const growerGap: Record<Segment, [number, number]> = {
  smb: [120, 360],
  mid_market: [40, 180],
  enterprise: [20, 120],
};

/** Chance that a non-grower has one (rare) episode over the history. */
const rareEpisodeChance = {
  grower: 0,
  steady: 0.15,
  one_off_spike: 0.06,
  too_early: 0.05,
  cooling: 0,
  declining: 0.04,
  renewal_risk: 0.05,
} as const;

/** An episode starting on `start`; its kind, gains and end are settled against the contract later. */
export function draftEpisode(rng: Rng, start: number, fizzleChance: number): Episode {
  return {
    kind: 'seat_growth',
    start,
    ramp: rng.int(60, 150),
    firstSignal: start,
    outcome: rng.chance(fizzleChance) ? 'fizzled' : 'expanded',
    end: Number.POSITIVE_INFINITY,
    lingers: false,
    silent: rng.chance(0.2),
    newStakeholder: rng.chance(0.4),
    seatDemandGain: 0,
    consumptionGain: 0,
    premiumShare: 0,
    amount: 0,
    seatsAdded: 0,
  };
}

/** First day an episode may start: once onboarded, and not long before the history. */
export function earliestEpisodeStart(rng: Rng, ctx: SandboxContext, profile: AccountProfile): number {
  return Math.max(profile.createdOn + rng.int(60, 200), ctx.historyStart - rng.int(0, 250));
}

export function growerGapDays(rng: Rng, segment: Segment): number {
  const [min, max] = growerGap[segment];
  return rng.int(min, max);
}

/** Episode starts stop this long after the end date: later ones could never show in a snapshot. */
export const EPISODE_HORIZON_DAYS = 60;

/** The confounders and the one-off episodes of non-growers; growers' episodes unfold in the contract pass. */
export function planStoryline(rng: Rng, ctx: SandboxContext, profile: AccountProfile): Storyline {
  const story: Storyline = { episodes: [], demandCuts: [] };
  const from = Math.max(ctx.historyStart, profile.createdOn + 60);
  const inHistory = (latestBeforeEnd: number): number =>
    rng.int(from, Math.max(from, ctx.endDay - latestBeforeEnd));

  switch (profile.archetype) {
    case 'one_off_spike':
      story.spike = { start: inHistory(20), days: rng.int(4, 9) };
      break;
    case 'cooling': {
      const start = Math.max(profile.createdOn + 45, inHistory(90) - rng.int(0, 60));
      const episode = draftEpisode(rng, start, 0.85);
      episode.lingers = true;
      episode.silent = rng.chance(0.5);
      story.episodes.push(episode);
      story.coolingFrom = episode.start + rng.int(20, 80);
      story.championLeavesOn = story.coolingFrom + rng.int(0, 40);
      break;
    }
    case 'declining': {
      const start = Math.max(profile.createdOn + 45, inHistory(100) - rng.int(0, 60));
      story.decline = { start, days: rng.int(90, 240), depth: rng.real(0.2, 0.5) };
      story.coolingFrom = start + rng.int(0, 60);
      break;
    }
    case 'renewal_risk':
      story.riskyRenewalsFrom = ctx.historyStart + rng.int(0, 120);
      break;
    default:
      break;
  }

  const rareChance = rareEpisodeChance[profile.archetype];
  if (rareChance > 0 && rng.chance(rareChance)) {
    const start = inHistory(30);
    if (!story.decline || start < story.decline.start - 200)
      story.episodes.push(draftEpisode(rng, start, 0.25));
  }
  if (story.championLeavesOn === undefined && rng.chance(0.12)) story.championLeavesOn = inHistory(0);
  return story;
}
