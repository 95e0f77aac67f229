// Who took part in what, when: one pass over the activities builds, per contact, the counts the
// network technique and the decision-maker need.
import type { AccountSnapshot } from '@ripe/shared';
import { instantDayNumber } from '@ripe/shared';

/** Recent window of the engagement trend, and the window before it it is compared with. */
export const RECENT_DAYS = 45;
export const PRIOR_DAYS = 90;
/** "Engaged recently" for the decision-maker and a new budget owner. */
export const ENGAGED_DAYS = 60;

export interface ContactEngagement {
  recent: number;
  /** Of the recent ones, those where they took part themselves: their emails, meetings and calls. */
  recentTwoWay: number;
  prior: number;
  /** Activities and meetings in the last `ENGAGED_DAYS`. */
  last60: number;
  meetings60: number;
  lastDay: number;
  lastActivityId: string;
}

export interface EngagementIndex {
  byContact: Map<string, ContactEngagement>;
  /** Activities with at least one participant, in the recent and prior windows. */
  linkedActivities: number;
}

export function buildEngagement(snapshot: AccountSnapshot, today: number): EngagementIndex {
  const byContact = new Map<string, ContactEngagement>();
  let linkedActivities = 0;
  for (const activity of snapshot.activities) {
    if (activity.participants.length === 0) continue;
    const day = instantDayNumber(activity.occurredAt);
    const age = today - day;
    if (age < 0 || age >= RECENT_DAYS + PRIOR_DAYS) continue;
    linkedActivities++;
    for (const contactId of activity.participants) {
      let engagement = byContact.get(contactId);
      if (!engagement) {
        engagement = {
          recent: 0,
          recentTwoWay: 0,
          prior: 0,
          last60: 0,
          meetings60: 0,
          lastDay: day,
          lastActivityId: activity.id,
        };
        byContact.set(contactId, engagement);
      }
      if (age < RECENT_DAYS) {
        engagement.recent++;
        // our own emails and notes say nothing of whether they answer
        if (activity.direction === 'inbound' || activity.type === 'meeting' || activity.type === 'call')
          engagement.recentTwoWay++;
      } else engagement.prior++;
      if (age < ENGAGED_DAYS) {
        engagement.last60++;
        if (activity.type === 'meeting') engagement.meetings60++;
      }
      if (day >= engagement.lastDay) {
        engagement.lastDay = day;
        engagement.lastActivityId = activity.id;
      }
    }
  }
  return { byContact, linkedActivities };
}
