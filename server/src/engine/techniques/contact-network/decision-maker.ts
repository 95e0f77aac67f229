import type { AccountSnapshot, ContactRole } from '@ripe/shared';
import { dayNumber } from '@ripe/shared';
import { buildEngagement, ENGAGED_DAYS, type ContactEngagement, type EngagementIndex } from './engagement.ts';
import { hasLeft, seniorityRank, toStakeholder, type Stakeholder } from './stakeholder.ts';

export interface DecisionMaker {
  contactId: string;
  name: string;
  title: string;
  reason: string;
}

const roleRank: Partial<Record<ContactRole, number>> = { budget_owner: 3, decision_maker: 3, sponsor: 2 };
const roleWords: Partial<Record<ContactRole, string>> = {
  budget_owner: 'budget owner',
  decision_maker: 'decision-maker',
  sponsor: 'executive sponsor',
  champion: 'champion',
  admin: 'product administrator',
  technical_buyer: 'technical buyer',
};
const seniorityWords = {
  c_level: 'C-level',
  vp: 'VP',
  director: 'director',
  manager: 'manager',
  individual: 'contributor',
};

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

function engagementWords(engagement: ContactEngagement | undefined): string {
  if (!engagement || engagement.last60 === 0) return `no activity in the last ${ENGAGED_DAYS} days`;
  const others = engagement.last60 - engagement.meetings60;
  const parts: string[] = [];
  if (engagement.meetings60 > 0) parts.push(count(engagement.meetings60, 'meeting', 'meetings'));
  if (others > 0) {
    parts.push(
      engagement.meetings60 > 0
        ? count(others, 'other activity', 'other activities')
        : count(others, 'activity', 'activities'),
    );
  }
  return `in ${parts.join(' and ')} in the last ${ENGAGED_DAYS} days`;
}

/** The pick among stakeholders: engaged first, then seniority, role, activity, id (for stable output). */
export function pickDecisionMaker(
  stakeholders: readonly Stakeholder[],
  engagement: EngagementIndex,
  today: number,
): DecisionMaker | null {
  let best: Stakeholder | undefined;
  let bestKey: number[] = [];
  for (const stakeholder of stakeholders) {
    const { contact } = stakeholder;
    if (hasLeft(contact, today)) continue;
    const role = roleRank[contact.role] ?? (stakeholder.budgetOwner ? 1 : 0);
    if (role === 0) continue;
    const activity = engagement.byContact.get(contact.id)?.last60 ?? 0;
    const key = [activity > 0 ? 1 : 0, seniorityRank[stakeholder.seniority], role, activity];
    if (
      !best ||
      compareKeys(key, bestKey) > 0 ||
      (compareKeys(key, bestKey) === 0 && contact.id < best.contact.id)
    ) {
      best = stakeholder;
      bestKey = key;
    }
  }
  if (!best) return null;
  const { contact } = best;
  const what = roleWords[contact.role] ?? 'budget holder by title';
  const who = contact.title || seniorityWords[best.seniority];
  return {
    contactId: contact.id,
    name: contact.name,
    title: contact.title,
    reason: `${who}, ${what}, ${engagementWords(engagement.byContact.get(contact.id))}`,
  };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++)
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) - (b[i] as number);
  return 0;
}

/**
 * The most senior active budget owner, decision-maker or sponsor, preferring those engaged in the last
 * 60 days, with the reason in words ("VP Operations, budget owner, in 4 meetings in the last 60 days").
 * `now` is `YYYY-MM-DD`.
 */
export function identifyDecisionMaker(snapshot: AccountSnapshot, now: string): DecisionMaker | null {
  const today = dayNumber(now);
  return pickDecisionMaker(snapshot.contacts.map(toStakeholder), buildEngagement(snapshot, today), today);
}
