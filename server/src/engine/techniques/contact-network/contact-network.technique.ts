import type { Evidence, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber, isoDay } from '@ripe/shared';
import type { Technique } from '../technique.ts';
import { makeSignal, round3, scoreFromSignals } from '../signal.ts';
import {
  buildEngagement,
  ENGAGED_DAYS,
  PRIOR_DAYS,
  RECENT_DAYS,
  type EngagementIndex,
} from './engagement.ts';
import { hasLeft, toStakeholder, type Stakeholder } from './stakeholder.ts';

/** A budget owner created this recently is "new". */
const NEW_CONTACT_DAYS = 90;
/** Activities in the recent window that make a sponsor or champion "engaged". */
const ENGAGED_MIN_ACTIVITIES = 2;
/** Recent rate over prior rate for a rising, and for a cooling, relationship. */
const RISING_RATIO = 1.5;
const COOLING_RATIO = 0.5;
const MIN_TREND_ACTIVITIES = 3;

function describe(stakeholder: Stakeholder): string {
  const { contact } = stakeholder;
  return `${contact.name} (${contact.title || stakeholder.seniority}, ${contact.role.replace('_', ' ')})`;
}

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

/**
 * The stakeholder graph: sponsors and champions engaged, engagement rising or cooling (last 45 days vs
 * the 90 before), a new budget owner appearing, a champion leaving.
 */
export const contactNetworkTechnique: Technique = (snapshot, ctx): TechniqueResult => {
  const today = dayNumber(ctx.now);
  const stakeholders = snapshot.contacts.map(toStakeholder);
  const engagement = buildEngagement(snapshot, today);
  const signals: Signal[] = [];
  const evidence: Evidence[] = [];

  // Sponsors and champions in the room lately.
  const engagedIds: string[] = [];
  let engagedStrength = 0;
  for (const stakeholder of stakeholders) {
    const { contact } = stakeholder;
    if (contact.role !== 'sponsor' && contact.role !== 'champion') continue;
    const counts = engagement.byContact.get(contact.id);
    if (!counts || hasLeft(contact, today) || counts.recent < ENGAGED_MIN_ACTIVITIES) continue;
    const id = `net:engaged:${contact.id}`;
    engagedIds.push(id);
    evidence.push({
      id,
      description: `${describe(stakeholder)} took part in ${counts.recent} activities in the last ${RECENT_DAYS} days`,
      value: counts.recent,
      threshold: ENGAGED_MIN_ACTIVITIES,
      date: isoDay(counts.lastDay),
      source: `contact:${contact.id}`,
    });
    engagedStrength = Math.max(
      engagedStrength,
      0.5 + 0.1 * Math.min(5, counts.recent - 1) + (contact.role === 'sponsor' ? 0.1 : 0),
    );
  }
  if (engagedIds.length > 0) signals.push(makeSignal('sponsor_engaged', engagedStrength, engagedIds));

  // Trend of the key stakeholders' engagement, as daily rates.
  const trend = keyStakeholderActivity(stakeholders, engagement);
  const recentRate = trend.recent / RECENT_DAYS;
  const priorRate = trend.prior / PRIOR_DAYS;
  if (trend.recent >= MIN_TREND_ACTIVITIES && recentRate >= RISING_RATIO * priorRate && trend.topRecent) {
    const ratio = priorRate > 0 ? recentRate / priorRate : 0;
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
    signals.push(
      makeSignal('engagement_rising', priorRate > 0 ? 0.4 + 0.3 * Math.min(2, ratio / RISING_RATIO) : 0.5, [
        'net:engagement-rising',
      ]),
    );
  } else if (
    trend.prior >= MIN_TREND_ACTIVITIES &&
    recentRate <= COOLING_RATIO * priorRate &&
    trend.topPrior
  ) {
    const ratio = recentRate / priorRate;
    evidence.push({
      id: 'net:engagement-cooling',
      description: `${trend.recent} stakeholder activities in the last ${RECENT_DAYS} days vs ${trend.prior} in the ${PRIOR_DAYS} before; ${trend.topPrior.contact.name} was the most involved`,
      value: round3(ratio),
      threshold: COOLING_RATIO,
      date: isoDay(today),
      source: `contact:${trend.topPrior.contact.id}`,
    });
    signals.push(
      makeSignal('engagement_cooling', 0.4 + 0.6 * (1 - ratio / COOLING_RATIO), ['net:engagement-cooling']),
    );
  }

  // A budget owner who appeared lately and is already active.
  const newOwnerIds: string[] = [];
  for (const stakeholder of stakeholders) {
    const { contact } = stakeholder;
    if (!stakeholder.budgetOwner || hasLeft(contact, today)) continue;
    const created = dayNumber(contact.createdAt);
    if (today - created > NEW_CONTACT_DAYS || created > today) continue;
    const counts = engagement.byContact.get(contact.id);
    const lastSeen = Math.max(
      counts?.lastDay ?? -Infinity,
      contact.lastActivityAt ? dayNumber(contact.lastActivityAt) : -Infinity,
    );
    if (today - lastSeen > ENGAGED_DAYS) continue;
    const id = `net:budget-owner:${contact.id}`;
    newOwnerIds.push(id);
    evidence.push({
      id,
      description: `${describe(stakeholder)} appeared on ${contact.createdAt} and has been active since`,
      value: contact.title || contact.role,
      date: contact.createdAt,
      source: `contact:${contact.id}`,
    });
  }
  if (newOwnerIds.length > 0) signals.push(makeSignal('new_budget_owner', 0.7, newOwnerIds));

  // Champions and sponsors gone within the lookback.
  const leftIds: string[] = [];
  let leftStrength = 0;
  const { lookbackDays } = ctx.config.conversation;
  for (const stakeholder of stakeholders) {
    const { contact } = stakeholder;
    if ((contact.role !== 'champion' && contact.role !== 'sponsor') || !contact.leftAt) continue;
    const left = dayNumber(contact.leftAt);
    if (left > today || today - left > lookbackDays) continue;
    const id = `net:left:${contact.id}`;
    leftIds.push(id);
    evidence.push({
      id,
      description: `${describe(stakeholder)} left on ${contact.leftAt}`,
      value: contact.name,
      date: contact.leftAt,
      source: `contact:${contact.id}`,
    });
    leftStrength = Math.max(leftStrength, contact.role === 'champion' ? 0.8 : 0.6);
  }
  if (leftIds.length > 0) signals.push(makeSignal('champion_left', leftStrength, leftIds));

  // Confidence: some contacts to reason about, and activities that say who took part.
  const contactsKnown = Math.min(1, stakeholders.length / 3);
  const activityLinked = 1 - Math.exp(-engagement.linkedActivities / 10);
  return {
    technique: 'contact_network',
    score: scoreFromSignals(signals),
    confidence: round3(0.3 * contactsKnown + 0.7 * activityLinked),
    signals,
    evidence,
    contradictions: [],
  };
};
