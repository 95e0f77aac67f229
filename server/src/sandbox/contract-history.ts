// Unfolds the episodes against the contract, in time order: each episode's kind depends on the contract
// when it starts (a tier ceiling needs a higher tier, a cross-sell an unlicensed module), and when it
// closes the contract changes from that day. Renewals happen yearly, with contractions for the
// declining and renewal-risk stories.
import type { Segment } from '@ripe/shared';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import type {
  AccountProfile,
  ContractChange,
  ContractState,
  Episode,
  EpisodeKind,
  Storyline,
} from './timeline.types.ts';
import { addYears } from './calendar.ts';
import {
  contractPrice,
  sandboxPriceBook,
  tierAt,
  topTierRank,
  type ContractTerms,
} from './sandbox-price-book.ts';
import { episodeProgress, monthlyVolumeOn, seatDemandOn } from './demand-model.ts';
import { EPISODE_HORIZON_DAYS, draftEpisode, earliestEpisodeStart, growerGapDays } from './storyline.ts';

export interface ContractHistory {
  contracts: ContractState[];
  changes: ContractChange[];
}

/** Chance of a routine contraction at any renewal (unused seats cut), by segment. */
const randomContraction: Record<Segment, number> = { smb: 0.2, mid_market: 0.06, enterprise: 0.04 };

function roundVolume(value: number): number {
  const step = value >= 1000 ? 100 : 10;
  return Math.max(step, Math.ceil(value / step) * step);
}

class ContractLedger {
  readonly contracts: ContractState[] = [];
  readonly changes: ContractChange[] = [];
  private renewalsDone = 0;

  constructor(
    private readonly rng: Rng,
    private readonly ctx: SandboxContext,
    readonly profile: AccountProfile,
    private readonly story: Storyline,
  ) {
    const created = profile.createdOn;
    const terms = profile.initialTerms;
    this.contracts.push({
      ...terms,
      modules: [...terms.modules],
      from: created,
      termStart: created,
      renewal: addYears(created, 1),
      price: contractPrice(terms, profile.discount),
    });
  }

  get current(): ContractState {
    const last = this.contracts[this.contracts.length - 1];
    if (!last) throw new RangeError('empty contract ledger');
    return last;
  }

  demandOn(day: number): number {
    return seatDemandOn(this.profile, this.story, day, this.ctx.historyStart);
  }

  volumeOn(day: number): number {
    return monthlyVolumeOn(this.profile, this.story, day, this.ctx.historyStart);
  }

  priceOf(terms: ContractTerms): number {
    return contractPrice(terms, this.profile.discount);
  }

  /** Moves to `terms` from `day`, keeping the term dates. */
  amend(day: number, terms: ContractTerms, kind: ContractChange['kind'], termStart?: number): ContractChange {
    const before = this.current;
    const price = this.priceOf(terms);
    const state: ContractState = {
      ...terms,
      modules: [...terms.modules],
      from: day,
      termStart: termStart ?? before.termStart,
      renewal:
        termStart === undefined ? before.renewal : addYears(this.profile.createdOn, this.renewalsDone + 1),
      price,
    };
    this.contracts.push(state);
    const change: ContractChange = { day, kind, delta: price - before.price, arr: price };
    this.changes.push(change);
    return change;
  }

  /** Applies every renewal due on or before `day`. */
  renewThrough(day: number): void {
    while (this.current.renewal <= day) {
      const renewalDay = this.current.renewal;
      this.renewalsDone += 1;
      const terms = this.renewalTerms(renewalDay);
      const shrinks =
        terms.seats < this.current.seats || terms.committedVolume < this.current.committedVolume;
      this.amend(renewalDay, terms, shrinks ? 'contraction' : 'renewal', renewalDay);
    }
  }

  private renewalTerms(day: number): ContractTerms {
    const { rng, story } = this;
    const now = this.current;
    const terms: ContractTerms = { ...now, modules: [...now.modules] };
    if (story.decline && day >= story.decline.start + 45) {
      const seats = Math.max(1, Math.ceil(this.demandOn(day) * rng.real(1.05, 1.2)));
      if (seats < now.seats * 0.95) terms.seats = seats;
      if (terms.modules.length > 0 && rng.chance(0.3)) terms.modules = terms.modules.slice(1);
      const volume = this.volumeOn(day);
      if (now.committedVolume > 0 && volume < now.committedVolume * 0.6)
        terms.committedVolume = roundVolume(volume * 1.2);
    } else if (
      (story.riskyRenewalsFrom !== undefined && day >= story.riskyRenewalsFrom && rng.chance(0.45)) ||
      rng.chance(randomContraction[this.profile.segment])
    ) {
      // Users are removed with the seats, so utilisation does not jump to the ceiling.
      const factor = rng.real(0.7, 0.9);
      terms.seats = Math.max(1, Math.floor(now.seats * factor));
      story.demandCuts.push({ day, factor });
    }
    return terms;
  }
}

function chooseKind(rng: Rng, state: ContractState, profile: AccountProfile): EpisodeKind {
  const tierMax = tierAt(state.tierRank).maxSeats;
  const nearCeiling = tierMax !== undefined && state.seats >= tierMax * 0.7;
  const unlicensed = sandboxPriceBook.modules.some((m) => !state.modules.includes(m.id));
  if (profile.archetype === 'cooling') return 'seat_growth';
  return rng.weighted<EpisodeKind>({
    seat_growth: 0.45,
    tier_ceiling: state.tierRank < topTierRank ? (nearCeiling ? 0.5 : 0.2) : 0,
    module_exploration: unlicensed ? 0.2 : 0,
    consumption_growth: state.committedVolume > 0 ? 0.25 : 0,
  });
}

/** Sets the episode's kind and gains from the contract when it starts. */
function settleStart(rng: Rng, ledger: ContractLedger, episode: Episode): void {
  const profile = ledger.profile;
  const state = ledger.current;
  const demand = ledger.demandOn(episode.start);
  let kind = chooseKind(rng, state, profile);
  const tierMax = tierAt(state.tierRank).maxSeats;
  const seatTarget = state.seats * rng.real(1.02, 1.22);
  if (
    kind === 'seat_growth' &&
    tierMax !== undefined &&
    seatTarget * 1.2 > tierMax &&
    state.tierRank < topTierRank
  ) {
    kind = 'tier_ceiling';
  }
  episode.kind = kind;
  if (kind === 'seat_growth') {
    episode.seatDemandGain = Math.max(1.5, seatTarget - demand);
  } else if (kind === 'tier_ceiling') {
    episode.targetRank = state.tierRank + 1;
    episode.premiumShare = rng.real(0.15, 0.45);
    const pressed = tierMax !== undefined && state.seats >= tierMax * 0.7;
    episode.seatDemandGain = pressed
      ? Math.max(0, Math.min(seatTarget, tierMax) - demand)
      : demand * rng.real(0, 0.08);
  } else if (kind === 'module_exploration') {
    const candidates = sandboxPriceBook.modules.filter((m) => !state.modules.includes(m.id));
    episode.moduleId = rng.pick(candidates).id;
    episode.premiumShare = rng.real(0.12, 0.4);
    episode.seatDemandGain = demand * rng.real(0, 0.08);
  } else {
    const volume = ledger.volumeOn(episode.start);
    episode.consumptionGain = Math.max(0, state.committedVolume * rng.real(0.95, 1.35) - volume);
  }
  episode.firstSignal = firstSignalDay(ledger, episode);
}

function firstSignalDay(ledger: ContractLedger, episode: Episode): number {
  const state = ledger.current;
  const last = episode.start + episode.ramp + 60;
  for (let day = episode.start; day <= last; day += 1) {
    const clear =
      episode.kind === 'seat_growth'
        ? ledger.demandOn(day) >= state.seats * 0.8
        : episode.kind === 'consumption_growth'
          ? ledger.volumeOn(day) >= state.committedVolume * 0.8
          : episode.premiumShare * episodeProgress(episode, day) >= 0.1;
    if (clear) return day;
  }
  return episode.start + Math.round(episode.ramp / 2);
}

/** The contract after the episode closes on `day`. */
function expandedTerms(rng: Rng, ledger: ContractLedger, episode: Episode, day: number): ContractTerms {
  const state = ledger.current;
  const terms: ContractTerms = { ...state, modules: [...state.modules] };
  const demand = ledger.demandOn(day);
  if (episode.kind === 'seat_growth') {
    terms.seats = Math.max(state.seats + 2, Math.ceil(demand * rng.real(1.05, 1.2)));
    const tierMax = tierAt(state.tierRank).maxSeats;
    if (tierMax !== undefined) terms.seats = Math.max(state.seats + 1, Math.min(terms.seats, tierMax));
  } else if (episode.kind === 'tier_ceiling') {
    terms.tierRank = Math.min(topTierRank, state.tierRank + 1);
    if (demand > state.seats * 0.95) terms.seats = Math.ceil(demand * rng.real(1.1, 1.25));
  } else if (episode.kind === 'module_exploration' && episode.moduleId) {
    terms.modules = [...state.modules, episode.moduleId];
  } else if (episode.kind === 'consumption_growth') {
    const volume = ledger.volumeOn(day);
    terms.committedVolume = roundVolume(Math.max(state.committedVolume * 1.15, volume * rng.real(1.1, 1.3)));
  }
  return terms;
}

function settleEnd(rng: Rng, ledger: ContractLedger, episode: Episode): void {
  if (episode.outcome === 'expanded') {
    episode.end = episode.firstSignal + rng.int(60, 180);
  } else {
    const reach = episode.lingers ? episode.ramp : Math.round(episode.ramp * rng.real(0.5, 1));
    episode.end = episode.start + reach + rng.int(0, 60);
  }
  ledger.renewThrough(episode.end);
  const before = ledger.current;
  const terms = expandedTerms(rng, ledger, episode, episode.end);
  episode.seatsAdded = Math.max(0, terms.seats - before.seats);
  if (episode.outcome === 'expanded') {
    episode.amount = ledger.amend(episode.end, terms, 'expansion').delta;
    episode.opportunity = { createdOn: episode.end - rng.int(14, 60), closesOn: episode.end, won: true };
  } else {
    episode.amount = ledger.priceOf(terms) - before.price;
    if (rng.chance(0.35)) {
      episode.opportunity = {
        createdOn: episode.end - rng.int(0, 30),
        closesOn: episode.end + rng.int(10, 45),
        won: false,
      };
    }
  }
}

export function buildContractHistory(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
): ContractHistory {
  const ledger = new ContractLedger(rng, ctx, profile, story);
  const horizon = ctx.endDay + EPISODE_HORIZON_DAYS;
  const unfold = (episode: Episode): void => {
    ledger.renewThrough(episode.start);
    settleStart(rng, ledger, episode);
    settleEnd(rng, ledger, episode);
  };
  if (profile.archetype === 'grower') {
    let start = earliestEpisodeStart(rng, ctx, profile);
    while (start <= horizon) {
      const episode = draftEpisode(rng, start, 0.17);
      story.episodes.push(episode);
      unfold(episode);
      start = episode.end + growerGapDays(rng, profile.segment);
    }
  } else {
    for (const episode of story.episodes) unfold(episode);
  }
  ledger.renewThrough(ctx.endDay + 400);
  return { contracts: ledger.contracts, changes: ledger.changes };
}
