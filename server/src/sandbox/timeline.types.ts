// The latent timeline of one sandbox account: everything that happens to it over the history, in day
// numbers. Snapshots are views of it on a date; the ground truth is read from it directly.
import type { ActivityType, ContactRole, Motion, OpportunityType, Segment, Seniority } from '@ripe/shared';
import type { ContractTerms } from './sandbox-price-book.ts';
import type { Language } from './people.data.ts';
import type { MessageIntent } from './message-intent.ts';

export type Archetype =
  'grower' | 'steady' | 'one_off_spike' | 'too_early' | 'cooling' | 'declining' | 'renewal_risk';

export type EpisodeKind = 'seat_growth' | 'tier_ceiling' | 'module_exploration' | 'consumption_growth';

export const motionOfEpisode: Record<EpisodeKind, Motion> = {
  seat_growth: 'seat_upsell',
  tier_ceiling: 'tier_upgrade',
  module_exploration: 'cross_sell',
  consumption_growth: 'usage_commit',
};

export interface StaffMember {
  id: string;
  name: string;
}

/** Who the account is, and its levels before any episode. */
export interface AccountProfile {
  index: number;
  id: string;
  name: string;
  /** E-mail domain of its contacts. */
  domain: string;
  segment: Segment;
  industry: string;
  country: string;
  language: Language;
  /** UTC offset of its office, minutes. */
  utcOffset: number;
  city: string;
  owner: StaffMember;
  csm: StaffMember;
  createdOn: number;
  archetype: Archetype;
  /** Negotiated discount on list prices. */
  discount: number;
  initialTerms: ContractTerms;
  /** Seats in use as a share of licensed seats, before any episode. */
  baseUtilisation: number;
  /** Share of assigned seats active on a working day. */
  baseEngagement: number;
  /** Monthly consumption as a share of the commit, before any episode. */
  baseConsumption: number;
  /** Share of active users on a typical included feature (low = shallow adoption). */
  featureBreadth: number;
}

/** A latent expansion episode: a need grows, consequences show up, then it closes or fizzles. */
export interface Episode {
  kind: EpisodeKind;
  start: number;
  /** Days for the observable consequences to build up. */
  ramp: number;
  /** First day the usage shows it clearly (seats past 80 %, premium feature in use, ...). */
  firstSignal: number;
  outcome: 'expanded' | 'fizzled';
  /** Expansion close day (expanded) or the day the need went away (fizzled). */
  end: number;
  /** Usage keeps rising after a fizzle instead of fading (the cooling confounder). */
  lingers: boolean;
  /** Product-led: no conversation about it. */
  silent: boolean;
  /** A new budget owner or executive appears during it. */
  newStakeholder: boolean;
  /** Extra seats wanted at the end of the ramp. */
  seatDemandGain: number;
  /** Extra monthly consumption at the end of the ramp. */
  consumptionGain: number;
  /** Share of active users on the premium features it explores. */
  premiumShare: number;
  /** Tier rank the premium features belong to (tier episodes). */
  targetRank?: number;
  /** Module explored (module episodes). */
  moduleId?: string;
  /** ARR added when it closes (what it would have added, for a fizzle). */
  amount: number;
  /** Seats added when it closes, for the conversation ("add 20 seats"). */
  seatsAdded: number;
  /** The expansion (or lost) opportunity, if the CRM saw one. */
  opportunity?: { createdOn: number; closesOn: number; won: boolean };
}

export interface Storyline {
  episodes: Episode[];
  /** A one-off burst of active users (training week). */
  spike?: { start: number; days: number };
  /** Usage decline from `start`, losing `depth` of the demand over `days`. */
  decline?: { start: number; days: number; depth: number };
  /** Relationship cooling from this day: fewer meetings, unhappy messages, escalations. */
  coolingFrom?: number;
  /** The first champion leaves the company on this day. */
  championLeavesOn?: number;
  /** Renewals in this range come with negative context (renewal-risk accounts). */
  riskyRenewalsFrom?: number;
  /** Users removed at a contraction: the seat demand is multiplied by `factor` from `day`. */
  demandCuts: { day: number; factor: number }[];
}

/** The contract in force from `from` until the next state. */
export interface ContractState extends ContractTerms {
  from: number;
  termStart: number;
  renewal: number;
  price: number;
}

export interface ContractChange {
  day: number;
  kind: 'expansion' | 'contraction' | 'renewal';
  /** ARR difference (positive for expansions, negative for contractions, 0 for a flat renewal). */
  delta: number;
  /** ARR after the change. */
  arr: number;
}

export interface UsageTrack {
  metric: string;
  kind: 'seats_used' | 'active_users' | 'consumption' | 'feature_adoption';
  feature?: string;
  /** Tier rank that includes the feature, or the module that unlocks it. */
  tierRank?: number;
  moduleId?: string;
  /** values[k] is day `seriesStart + k`, up to the sandbox's end date. */
  values: (number | null)[];
}

export interface ContactTrack {
  id: string;
  name: string;
  email: string;
  phone?: string;
  firstName: string;
  createdOn: number;
  leftOn?: number;
  /** Role, title and seniority from a day on (promotions, a user becoming champion). */
  roles: { from: number; role: ContactRole; title: string; seniority: Seniority }[];
}

export interface ActivityTrack {
  day: number;
  minuteOfDay: number;
  type: ActivityType;
  direction: 'inbound' | 'outbound' | 'internal';
  participants: string[];
  subject?: string;
  text: string;
  intent: MessageIntent;
}

export interface TicketTrack {
  openedOn: number;
  closedOn?: number;
  /** Waiting on the customer between these days. */
  pendingFrom?: number;
  escalatedOn?: number;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  subject: string;
}

export interface OpportunityTrack {
  type: OpportunityType;
  amount: number;
  createdOn: number;
  closesOn: number;
  won: boolean;
}

export interface AccountTimeline {
  profile: AccountProfile;
  storyline: Storyline;
  contracts: ContractState[];
  changes: ContractChange[];
  seriesStart: number;
  usage: UsageTrack[];
  contacts: ContactTrack[];
  /** Sorted by day then minute; ids are positions in this list. */
  activities: ActivityTrack[];
  tickets: TicketTrack[];
  opportunities: OpportunityTrack[];
}
