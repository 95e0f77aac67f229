// A budget owner who appeared lately and already takes part: room for a larger deal.
import { dayNumber } from '@ripe/shared';
import { makeSignal } from '../signal.ts';
import { ENGAGED_DAYS } from './engagement.ts';
import { describe, type NetworkDetector } from './network-detector.ts';
import { hasLeft } from './stakeholder.ts';

/** A budget owner created this recently is "new". */
export const NEW_CONTACT_DAYS = 90;

export const budgetOwnerDetector: NetworkDetector = ({
  stakeholders,
  engagement,
  today,
  signals,
  evidence,
}) => {
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
};
