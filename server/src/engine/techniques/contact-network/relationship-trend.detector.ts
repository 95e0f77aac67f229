// Is the relationship warming or cooling? Read from the people first — when each key stakeholder last took
// part and answered, against their own cadence, and how many of our emails went unanswered since
// (people.ts) — and from the key stakeholders' activity counts (last 45 days against the 90 before) second.
// Both are read as slopes, not steps: a ratio just short of a threshold gives a weak signal, not none.
import { isoDay } from '@ripe/shared';
import { HINT_MAX, makeSignal, ramp, round3 } from '../signal.ts';
import { PRIOR_DAYS, RECENT_DAYS, type EngagementIndex } from './engagement.ts';
import { describe, type NetworkDetector } from './network-detector.ts';
import { peopleCooling, readPeople, type PersonReading } from './people.ts';
import type { Stakeholder } from './stakeholder.ts';

/** Recent rate over prior rate from which a relationship is rising; a ramp leads up to it. */
const RISING_RATIO = 1.5;
const RISING_HINT_FROM = 1.2;
/** Recent rate over prior rate: cooling starts at 0.75, is complete at 0.25. */
const COOLING_FROM = 0.75;
const COOLING_FULL = 0.25;
const MIN_TREND_ACTIVITIES = 3;
/** The people weigh more than the counts when there are people to read. */
const PEOPLE_WEIGHT = 0.7;
/** Below this, a cooling is noise. */
const MIN_COOLING = 0.15;
/** A person this cold is named in the evidence. */
const NAMED_COOLING = 0.5;

/** Activities involving key stakeholders, in the recent and prior windows, and who was most involved. */
function keyStakeholderActivity(stakeholders: readonly Stakeholder[], engagement: EngagementIndex) {
  const key = stakeholders.filter((stakeholder) => stakeholder.key);
  // Without any known key stakeholder, the whole account's contacts stand in.
  const group = key.length > 0 ? key : stakeholders;
  let recent = 0;
  let prior = 0;
  let topRecent: Stakeholder | undefined;
  let topPrior: Stakeholder | undefined;
  for (const stakeholder of group) {
    const counts = engagement.byContact.get(stakeholder.contact.id);
    if (!counts) continue;
    recent += counts.recent;
    prior += counts.prior;
    if (!topRecent || counts.recent > (engagement.byContact.get(topRecent.contact.id)?.recent ?? 0))
      topRecent = stakeholder;
    if (!topPrior || counts.prior > (engagement.byContact.get(topPrior.contact.id)?.prior ?? 0))
      topPrior = stakeholder;
  }
  return { recent, prior, topRecent, topPrior };
}

function quietDescription(reading: PersonReading, today: number): string {
  const silent = today - (reading.lastSeen ?? today);
  const unanswered = reading.unanswered > 0 ? `; ${reading.unanswered} of our emails unanswered since` : '';
  return (
    `${describe(reading.stakeholder)} last took part on ${isoDay(reading.lastSeen ?? today)}, ${silent} days ago, ` +
    `against every ${reading.cadenceDays} days before${unanswered}`
  );
}

export const relationshipTrendDetector: NetworkDetector = (network) => {
  const { snapshot, stakeholders, engagement, today, signals, evidence } = network;
  const trend = keyStakeholderActivity(stakeholders, engagement);
  const recentRate = trend.recent / RECENT_DAYS;
  const priorRate = trend.prior / PRIOR_DAYS;
  const ratio = priorRate > 0 ? recentRate / priorRate : Number.POSITIVE_INFINITY;

  const people = readPeople(snapshot, stakeholders, today);
  const fromCounts =
    trend.prior >= MIN_TREND_ACTIVITIES && trend.topPrior ? ramp(ratio, COOLING_FROM, COOLING_FULL) : 0;
  const cooling =
    people.length > 0 ? PEOPLE_WEIGHT * peopleCooling(people) + (1 - PEOPLE_WEIGHT) * fromCounts : fromCounts;

  let rising = 0;
  if (trend.recent >= MIN_TREND_ACTIVITIES && trend.topRecent && cooling < NAMED_COOLING) {
    rising =
      priorRate === 0
        ? 0.5
        : ratio >= RISING_RATIO
          ? 0.4 + 0.3 * Math.min(2, ratio / RISING_RATIO)
          : HINT_MAX * ramp(ratio, RISING_HINT_FROM, RISING_RATIO);
  }
  if (rising > 0 && trend.topRecent) {
    evidence.push({
      id: 'net:engagement-rising',
      description:
        priorRate > 0
          ? `Stakeholder activity over the last ${RECENT_DAYS} days at ${round3(ratio)}× its rate of the ${PRIOR_DAYS} days before; most involved: ${trend.topRecent.contact.name}`
          : `${trend.recent} stakeholder activities over the last ${RECENT_DAYS} days, none in the ${PRIOR_DAYS} days before; most involved: ${trend.topRecent.contact.name}`,
      value: priorRate > 0 ? round3(ratio) : trend.recent,
      threshold: priorRate > 0 ? RISING_RATIO : MIN_TREND_ACTIVITIES,
      date: isoDay(today),
      source: `contact:${trend.topRecent.contact.id}`,
    });
    signals.push(makeSignal('engagement_rising', rising, ['net:engagement-rising']));
  }

  if (cooling < MIN_COOLING) return;
  const ids: string[] = [];
  for (const reading of people) {
    if (reading.cooling < NAMED_COOLING) continue;
    const id = `net:quiet:${reading.stakeholder.contact.id}`;
    ids.push(id);
    evidence.push({
      id,
      description: quietDescription(reading, today),
      value: today - (reading.lastSeen ?? today),
      threshold: reading.cadenceDays,
      date: isoDay(reading.lastSeen ?? today),
      source: `contact:${reading.stakeholder.contact.id}`,
    });
  }
  if (fromCounts > 0 && trend.topPrior) {
    ids.push('net:engagement-cooling');
    evidence.push({
      id: 'net:engagement-cooling',
      description: `Stakeholder activity over the last ${RECENT_DAYS} days at ${round3(ratio)}× its rate of the ${PRIOR_DAYS} days before; ${trend.topPrior.contact.name} was the most involved`,
      value: round3(ratio),
      threshold: COOLING_FROM,
      date: isoDay(today),
      source: `contact:${trend.topPrior.contact.id}`,
    });
  }
  if (ids.length > 0) signals.push(makeSignal('engagement_cooling', cooling, ids));
};
