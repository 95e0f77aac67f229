// Daily usage over the whole history of one account: seats used (capped by the licence, so it sits at the
// ceiling when demand exceeds it), active users (weekly seasonality, noise, one-off spikes), consumption
// against the commit, feature adoption (users of each feature per day), and outages as runs of null.
import { isWeekend } from './calendar.ts';
import { engagementOn, monthlyVolumeOn, seatDemandOn, trialShareOn } from './demand-model.ts';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { sandboxPriceBook, tiersByRank, topTierRank } from './sandbox-price-book.ts';
import type { AccountProfile, ContractState, Storyline, UsageTrack } from './timeline.types.ts';

interface FeatureTrack extends UsageTrack {
  /** Share of active users on the feature once licensed. */
  baseShare: number;
  /** Share while not licensed (a few curious users). */
  curiosity: number;
  /** Some episode explores it as a premium feature. */
  explored: boolean;
}

export interface UsageHistory {
  seriesStart: number;
  tracks: UsageTrack[];
}

function featureTracks(
  rng: Rng,
  profile: AccountProfile,
  story: Storyline,
  contracts: readonly ContractState[],
  endDay: number,
): FeatureTrack[] {
  let highestRank = 0;
  for (const state of contracts)
    if (state.from <= endDay) highestRank = Math.max(highestRank, state.tierRank);
  const visibleRanks = Math.min(topTierRank, highestRank + 1);
  const shallow = profile.archetype === 'too_early';
  const shareOf = (feature: string): number => {
    if (feature === 'core') return shallow ? rng.real(0.5, 0.7) : rng.real(0.85, 0.95);
    // Too early: nobody has gone past the core feature yet.
    if (shallow || rng.chance(0.15)) return 0;
    return Math.min(0.9, profile.featureBreadth * rng.real(0.5, 1.5));
  };
  const curiosity = (): number => (rng.chance(0.25) ? rng.real(0.005, 0.02) : 0);
  const tracks: FeatureTrack[] = [];
  const seen = new Set<string>();
  for (const tier of tiersByRank) {
    if (tier.rank > visibleRanks) break;
    for (const feature of tier.features) {
      if (seen.has(feature)) continue;
      seen.add(feature);
      const values: (number | null)[] = [];
      const explored = story.episodes.some((episode) => episode.targetRank === tier.rank);
      tracks.push({
        metric: `feature:${feature}`,
        kind: 'feature_adoption',
        feature,
        tierRank: tier.rank,
        values,
        baseShare: shareOf(feature),
        curiosity: curiosity(),
        explored,
      });
    }
  }
  for (const module of sandboxPriceBook.modules) {
    for (const feature of module.features) {
      const values: (number | null)[] = [];
      const explored = story.episodes.some((episode) => episode.moduleId === module.id);
      tracks.push({
        metric: `feature:${feature}`,
        kind: 'feature_adoption',
        feature,
        moduleId: module.id,
        values,
        baseShare: shareOf(feature),
        curiosity: curiosity(),
        explored,
      });
    }
  }
  return tracks;
}

function punchOutages(rng: Rng, tracks: UsageTrack[], length: number): void {
  const outages = rng.int(0, 3);
  for (let k = 0; k < outages; k += 1) {
    const from = rng.int(0, Math.max(0, length - 1));
    const days = rng.int(1, 6);
    // Most outages are the whole usage pipeline; some lose one metric only.
    const hit = rng.chance(0.7) ? tracks : [rng.pick(tracks)];
    for (const track of hit)
      for (let d = from; d < Math.min(length, from + days); d += 1) track.values[d] = null;
  }
}

export function generateUsage(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
  contracts: readonly ContractState[],
): UsageHistory {
  const seriesStart = Math.max(ctx.historyStart, profile.createdOn);
  const length = Math.max(0, ctx.endDay - seriesStart + 1);
  const seats: UsageTrack = { metric: 'seats_used', kind: 'seats_used', values: [] };
  const active: UsageTrack = { metric: 'active_users', kind: 'active_users', values: [] };
  const hasCommit = contracts.some((state) => state.committedVolume > 0);
  const consumption: UsageTrack = { metric: 'api_calls', kind: 'consumption', values: [] };
  const features = featureTracks(rng, profile, story, contracts, ctx.endDay);

  // Flat per-feature tables: this loop runs ~15 features × 450 days per account.
  const featureCount = features.length;
  const licensedIn = new Uint8Array(featureCount * contracts.length);
  const baseShares = new Float64Array(featureCount);
  const curiosities = new Float64Array(featureCount);
  const featureValues: (number | null)[][] = [];
  for (let f = 0; f < featureCount; f += 1) {
    const track = features[f] as FeatureTrack;
    baseShares[f] = track.baseShare;
    curiosities[f] = track.curiosity;
    featureValues.push(track.values);
    contracts.forEach((state, s) => {
      const licensed =
        track.moduleId !== undefined
          ? state.modules.includes(track.moduleId)
          : state.tierRank >= (track.tierRank ?? 0);
      licensedIn[f * contracts.length + s] = licensed ? 1 : 0;
    });
  }

  // Per-feature daily noise comes from a local xorshift seeded by the account's stream: ~6,000 draws per
  // account, the hottest loop of the generator.
  let noiseState = Math.floor(rng.next() * 4294967295) + 1;
  const xorshiftUnit = (): number => {
    noiseState ^= noiseState << 13;
    noiseState ^= noiseState >>> 17;
    noiseState ^= noiseState << 5;
    return (noiseState >>> 0) / 4294967296;
  };

  let stateIndex = 0;
  let wobble = 0;
  const spike = story.spike;
  for (let k = 0; k < length; k += 1) {
    const day = seriesStart + k;
    while (stateIndex + 1 < contracts.length && (contracts[stateIndex + 1]?.from ?? Infinity) <= day)
      stateIndex += 1;
    const state = contracts[stateIndex];
    if (!state) throw new RangeError('no contract in force');
    const demand = seatDemandOn(profile, story, day, ctx.historyStart);
    // A slow wobble: seats are assigned and removed a few at a time, not at random every day.
    wobble = 0.85 * wobble + rng.real(-1, 1) * Math.max(0.35, demand * 0.012);
    const used = Math.min(state.seats, Math.max(1, Math.round(demand + wobble)));
    seats.values.push(used);

    const weekend = isWeekend(day);
    const spiking = spike !== undefined && !weekend && day >= spike.start && day < spike.start + spike.days;
    const share = spiking
      ? rng.real(0.88, 1)
      : engagementOn(profile, story, day) * (weekend ? 0.3 : 1) * rng.real(0.92, 1.08);
    const activeUsers = Math.min(used, Math.round(used * share));
    active.values.push(activeUsers);

    if (hasCommit) {
      const daily = (monthlyVolumeOn(profile, story, day, ctx.historyStart) / 30) * (weekend ? 0.5 : 1.2);
      consumption.values.push(Math.round(daily * rng.real(0.88, 1.12) * 10) / 10);
    }
    for (let f = 0; f < featureCount; f += 1) {
      const track = features[f] as FeatureTrack;
      const trial = track.explored ? trialShareOn(story, day, track.tierRank, track.moduleId) : 0;
      const featureShare =
        licensedIn[f * contracts.length + stateIndex] === 1
          ? Math.max(baseShares[f] ?? 0, trial)
          : trial + (curiosities[f] ?? 0);
      const users =
        featureShare === 0 || activeUsers === 0
          ? 0
          : Math.min(activeUsers, Math.round(activeUsers * featureShare * (0.85 + 0.3 * xorshiftUnit())));
      (featureValues[f] as (number | null)[]).push(users);
    }
  }
  const tracks: UsageTrack[] = [seats, active, ...(hasCommit ? [consumption] : []), ...features];
  punchOutages(rng, tracks, length);
  return { seriesStart, tracks };
}
