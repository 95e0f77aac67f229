// The ground truth of one account, read from its latent timeline: what the evaluation scores against.
// Never part of a snapshot.
import type { Motion, Segment } from '@ripe/shared';
import type { MessageIntent } from './message-intent.ts';
import type { SandboxContext } from './sandbox-context.ts';
import {
  motionOfEpisode,
  type AccountTimeline,
  type Archetype,
  type ContractChange,
  type EpisodeKind,
} from './timeline.types.ts';

export interface ExpansionTruth {
  /** Day the expansion closed (the opportunity's close date). */
  date: string;
  motion: Motion;
  /** ARR added. */
  amount: number;
}

export interface EpisodeTruth {
  kind: EpisodeKind;
  motion: Motion;
  /** The need started growing (latent). */
  startedOn: string;
  /** First day the usage showed it clearly. */
  firstSignalOn: string;
  outcome: 'expanded' | 'fizzled';
  /** Expansion close day, or the day the need went away; may be after the end date. */
  endsOn: string;
  /** ARR added (or that would have been, for a fizzle). */
  amount: number;
}

export interface ArrChangeTruth {
  date: string;
  kind: ContractChange['kind'];
  delta: number;
  arr: number;
}

export interface GroundTruth {
  accountId: string;
  segment: Segment;
  archetype: Archetype;
  customerSince: string;
  /** Every expansion closed on or before the end date, in date order. */
  expansions: ExpansionTruth[];
  /** Every episode, including those still under way at the end date. */
  episodes: EpisodeTruth[];
  /** ARR when the history starts (or at signature), then every change up to the end date. */
  arrAtHistoryStart: number;
  arrChanges: ArrChangeTruth[];
  /** Confounder events, when the story has them. */
  confounders: {
    spikeOn?: string;
    declineFrom?: string;
    coolingFrom?: string;
    championLeftOn?: string;
    riskyRenewalsFrom?: string;
  };
  /** Intent of every non-noise message, by activity id. */
  messages: { activityId: string; intent: MessageIntent }[];
}

export function groundTruthOf(ctx: SandboxContext, timeline: AccountTimeline): GroundTruth {
  const { profile, storyline } = timeline;
  const iso = (day: number): string => ctx.isoOf(day);
  const isoOptional = (day: number | undefined): string | undefined =>
    day === undefined ? undefined : iso(day);
  const episodes = storyline.episodes.filter((episode) => episode.start <= ctx.endDay + 400);
  let arrAtHistoryStart = timeline.contracts[0]?.price ?? 0;
  for (const state of timeline.contracts) if (state.from <= ctx.historyStart) arrAtHistoryStart = state.price;
  const confounders: GroundTruth['confounders'] = {};
  const entries: [keyof GroundTruth['confounders'], string | undefined][] = [
    ['spikeOn', isoOptional(storyline.spike?.start)],
    ['declineFrom', isoOptional(storyline.decline?.start)],
    ['coolingFrom', isoOptional(storyline.coolingFrom)],
    ['championLeftOn', isoOptional(storyline.championLeavesOn)],
    ['riskyRenewalsFrom', isoOptional(storyline.riskyRenewalsFrom)],
  ];
  for (const [key, value] of entries) if (value !== undefined) confounders[key] = value;
  return {
    accountId: profile.id,
    segment: profile.segment,
    archetype: profile.archetype,
    customerSince: iso(profile.createdOn),
    expansions: episodes
      .filter((episode) => episode.outcome === 'expanded' && episode.amount > 0 && episode.end <= ctx.endDay)
      .sort((a, b) => a.end - b.end)
      .map((episode) => ({
        date: iso(episode.end),
        motion: motionOfEpisode[episode.kind],
        amount: episode.amount,
      })),
    episodes: episodes.map((episode) => ({
      kind: episode.kind,
      motion: motionOfEpisode[episode.kind],
      startedOn: iso(episode.start),
      firstSignalOn: iso(episode.firstSignal),
      outcome: episode.outcome,
      endsOn: iso(episode.end),
      amount: episode.amount,
    })),
    arrAtHistoryStart,
    arrChanges: timeline.changes
      .filter((change) => change.day > ctx.historyStart && change.day <= ctx.endDay)
      .map((change) => ({ date: iso(change.day), kind: change.kind, delta: change.delta, arr: change.arr })),
    confounders,
    messages: timeline.activities.flatMap((activity, k) =>
      activity.intent === 'noise' || activity.day > ctx.endDay
        ? []
        : [{ activityId: `${profile.id}-a${k + 1}`, intent: activity.intent }],
    ),
  };
}
