// The latent levels behind the usage series: how many seats the account wants, how engaged its users
// are and how much it consumes, on any day. Episodes add to them as their readiness builds up.
import { smoothstep } from './calendar.ts';
import type { AccountProfile, Episode, Storyline } from './timeline.types.ts';

const FADE_DAYS = 45;
const ONBOARDING_DAYS = 60;

/** Readiness of an episode on `day`: 0 before it starts, rising to 1, fading after a fizzle. */
export function episodeProgress(episode: Episode, day: number): number {
  if (day <= episode.start) return 0;
  if (episode.outcome === 'expanded' || episode.lingers || day <= episode.end) {
    return smoothstep((day - episode.start) / episode.ramp);
  }
  const reached = smoothstep((episode.end - episode.start) / episode.ramp);
  return reached * (1 - 0.85 * smoothstep((day - episode.end) / FADE_DAYS));
}

function onboardingFactor(profile: AccountProfile, day: number, historyStart: number): number {
  // Accounts that started before the history are long onboarded; too-early accounts assign every seat at once.
  if (profile.createdOn < historyStart || profile.archetype === 'too_early') return 1;
  return 0.45 + 0.55 * smoothstep((day - profile.createdOn) / ONBOARDING_DAYS);
}

function declineFactor(story: Storyline, day: number): number {
  const decline = story.decline;
  if (!decline) return 1;
  return 1 - decline.depth * smoothstep((day - decline.start) / decline.days);
}

/** Seats the account wants to have assigned on `day` (may exceed what is licensed). */
export function seatDemandOn(
  profile: AccountProfile,
  story: Storyline,
  day: number,
  historyStart: number,
): number {
  let demand = profile.initialTerms.seats * profile.baseUtilisation;
  for (const episode of story.episodes) demand += episode.seatDemandGain * episodeProgress(episode, day);
  for (const cut of story.demandCuts) if (day >= cut.day) demand *= cut.factor;
  return demand * onboardingFactor(profile, day, historyStart) * declineFactor(story, day);
}

/** Share of assigned seats active on a working day. */
export function engagementOn(profile: AccountProfile, story: Storyline, day: number): number {
  let engagement = profile.baseEngagement;
  for (const episode of story.episodes) engagement += 0.08 * episodeProgress(episode, day);
  if (story.coolingFrom !== undefined && day >= story.coolingFrom) engagement *= 0.93;
  const decline = story.decline;
  if (decline) engagement *= 1 - 0.5 * smoothstep((day - decline.start) / decline.days);
  return Math.min(0.95, engagement);
}

/** Monthly consumption volume (usage unit) on `day`; 0 for accounts without a commit. */
export function monthlyVolumeOn(
  profile: AccountProfile,
  story: Storyline,
  day: number,
  historyStart: number,
): number {
  const commit = profile.initialTerms.committedVolume;
  if (commit === 0) return 0;
  let volume = commit * profile.baseConsumption;
  for (const episode of story.episodes) volume += episode.consumptionGain * episodeProgress(episode, day);
  return volume * onboardingFactor(profile, day, historyStart) * declineFactor(story, day);
}

/** Share of active users on the premium features of `tierRank` or `moduleId` while they are not licensed. */
export function trialShareOn(story: Storyline, day: number, tierRank?: number, moduleId?: string): number {
  let share = 0;
  for (const episode of story.episodes) {
    if (episode.premiumShare === 0) continue;
    const targets =
      (tierRank !== undefined && episode.targetRank === tierRank) ||
      (moduleId !== undefined && episode.moduleId === moduleId);
    if (targets) share += episode.premiumShare * episodeProgress(episode, day);
  }
  return share;
}
