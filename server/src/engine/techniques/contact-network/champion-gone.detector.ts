// Champions and sponsors gone within the lookback. A champion replaced by a newcomer who already takes
// part is less of a loss than one gone with nobody after them — but the newcomer does not know us yet.
import { dayNumber, type Contact } from '@ripe/shared';
import { makeSignal } from '../signal.ts';
import { describe, type NetworkContext, type NetworkDetector } from './network-detector.ts';
import { hasLeft, type Stakeholder } from './stakeholder.ts';

/** A successor appears at most this long before the departure (a handover) or any time after it. */
const HANDOVER_DAYS = 60;
const GONE = { champion: 0.8, sponsor: 0.6 } as const;
/** A replaced champion or sponsor weighs this share of one gone with nobody after them. */
const REPLACED_SHARE = 0.6;

/** The newcomer who took over: created around the departure, still there, seen in an activity since. */
function successorOf(gone: Contact, network: NetworkContext): Stakeholder | null {
  const left = dayNumber(gone.leftAt!);
  let best: Stakeholder | null = null;
  for (const stakeholder of network.stakeholders) {
    const { contact } = stakeholder;
    if (contact.id === gone.id || hasLeft(contact, network.today)) continue;
    const created = dayNumber(contact.createdAt);
    if (created < left - HANDOVER_DAYS || created > network.today) continue;
    const counts = network.engagement.byContact.get(contact.id);
    const lastSeen = Math.max(
      counts?.lastDay ?? -Infinity,
      contact.lastActivityAt ? dayNumber(contact.lastActivityAt) : -Infinity,
    );
    if (lastSeen < left) continue;
    // the same role first, then a key stakeholder, then the earliest
    const rank = (candidate: Stakeholder) =>
      (candidate.contact.role === gone.role ? 2 : 0) + (candidate.key ? 1 : 0);
    if (!best || rank(stakeholder) > rank(best)) best = stakeholder;
  }
  return best !== null && (best.contact.role === gone.role || best.key) ? best : null;
}

export const championGoneDetector: NetworkDetector = (network) => {
  const { stakeholders, ctx, today, signals, evidence } = network;
  const leftIds: string[] = [];
  let leftStrength = 0;
  const { lookbackDays } = ctx.config.conversation;
  for (const stakeholder of stakeholders) {
    const { contact } = stakeholder;
    if ((contact.role !== 'champion' && contact.role !== 'sponsor') || !contact.leftAt) continue;
    const left = dayNumber(contact.leftAt);
    if (left > today || today - left > lookbackDays) continue;
    const successor = successorOf(contact, network);
    const id = `net:left:${contact.id}`;
    leftIds.push(id);
    evidence.push({
      id,
      description: successor
        ? `${describe(stakeholder)} left on ${contact.leftAt}; ${describe(successor)}, new since ${successor.contact.createdAt}, has taken over`
        : `${describe(stakeholder)} left on ${contact.leftAt}, with nobody new taking part since`,
      value: contact.name,
      date: contact.leftAt,
      source: `contact:${contact.id}`,
    });
    leftStrength = Math.max(leftStrength, GONE[contact.role] * (successor ? REPLACED_SHARE : 1));
  }
  if (leftIds.length > 0) signals.push(makeSignal('champion_left', leftStrength, leftIds));
};
