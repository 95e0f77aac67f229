// Sponsors and champions in the room lately: their own emails, meetings and calls — our emails to them and
// our notes about them say nothing of whether they answer. One such activity is a hint, two or more a
// signal that grows with them.
import { isoDay } from '@ripe/shared';
import { makeSignal } from '../signal.ts';
import { RECENT_DAYS } from './engagement.ts';
import { describe, type NetworkDetector } from './network-detector.ts';
import { hasLeft } from './stakeholder.ts';

/** Two-way activities in the recent window that make a sponsor or champion "engaged". */
export const ENGAGED_MIN_ACTIVITIES = 2;
/** Strength of a single two-way activity: a hint, not a vote. */
const ONE_ACTIVITY = 0.3;

export const engagedDetector: NetworkDetector = ({ stakeholders, engagement, today, signals, evidence }) => {
  const engagedIds: string[] = [];
  let engagedStrength = 0;
  for (const stakeholder of stakeholders) {
    const { contact } = stakeholder;
    if (contact.role !== 'sponsor' && contact.role !== 'champion') continue;
    const counts = engagement.byContact.get(contact.id);
    if (!counts || hasLeft(contact, today) || counts.recentTwoWay === 0) continue;
    const id = `net:engaged:${contact.id}`;
    engagedIds.push(id);
    evidence.push({
      id,
      description: `${describe(stakeholder)} took part in ${counts.recentTwoWay} activities in the last ${RECENT_DAYS} days (their emails, meetings and calls)`,
      value: counts.recentTwoWay,
      threshold: ENGAGED_MIN_ACTIVITIES,
      date: isoDay(counts.lastDay),
      source: `contact:${contact.id}`,
    });
    const strength =
      counts.recentTwoWay < ENGAGED_MIN_ACTIVITIES
        ? ONE_ACTIVITY
        : 0.5 + 0.1 * Math.min(5, counts.recentTwoWay - 1) + (contact.role === 'sponsor' ? 0.1 : 0);
    engagedStrength = Math.max(engagedStrength, strength);
  }
  if (engagedIds.length > 0) signals.push(makeSignal('sponsor_engaged', engagedStrength, engagedIds));
};
