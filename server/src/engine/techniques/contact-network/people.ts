// The relationship read from the people: for each key stakeholder (sponsor, champion, decision-maker,
// budget owner) still at the company, when they last took part and last answered, how often they used to,
// and how many of our emails and calls went unanswered since. A person goes quiet gradually: the silence
// is measured against their own cadence, so a weekly champion silent for a month reads colder than a
// quarterly sponsor silent for the same month.
import type { AccountSnapshot, ContactRole } from '@ripe/shared';
import { dayNumber, instantDayNumber } from '@ripe/shared';
import { ramp } from '../signal.ts';
import { hasLeft, type Stakeholder } from './stakeholder.ts';

/** How far back a person's habits are read. */
export const HABIT_DAYS = 180;
/** Activities a person needs in that time before their cadence means anything. */
const MIN_ACTIVITIES = 3;
/** A cadence is never read as tighter than this: nobody owes us a weekly meeting. */
const MIN_CADENCE_DAYS = 14;

/** How much each role's silence weighs in the relationship. */
export const roleWeight: Partial<Record<ContactRole, number>> = {
  sponsor: 1,
  champion: 1,
  decision_maker: 0.7,
  budget_owner: 0.6,
  // the customer's admin sees the licence fill up and asks for seats; a technical buyer signs off the tool
  admin: 0.5,
  technical_buyer: 0.5,
};

export interface PersonReading {
  stakeholder: Stakeholder;
  /** Day numbers; null when never seen in the habit window. */
  lastSeen: number | null;
  lastAnswered: number | null;
  /** Activities they took part in over the habit window (their emails, meetings, calls). */
  activities: number;
  /** Their usual gap between two activities, in days (median, at least 14). */
  cadenceDays: number;
  /** Our emails to them since they last answered. */
  unanswered: number;
  /** 0..1: how cold this person went, from the silence against their cadence and the unanswered. */
  cooling: number;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function push(map: Map<string, number[]>, id: string, day: number): void {
  const list = map.get(id);
  if (list) list.push(day);
  else map.set(id, [day]);
}

/** The key stakeholders still there, read from their activities; only those with habits to compare. */
export function readPeople(
  snapshot: AccountSnapshot,
  stakeholders: readonly Stakeholder[],
  today: number,
): PersonReading[] {
  const key = stakeholders.filter(
    (stakeholder) =>
      roleWeight[stakeholder.contact.role] !== undefined && !hasLeft(stakeholder.contact, today),
  );
  if (key.length === 0) return [];
  const days = new Map<string, number[]>();
  const answered = new Map<string, number>();
  const reached = new Map<string, number[]>();
  for (const activity of snapshot.activities) {
    if (activity.participants.length === 0) continue;
    const day = instantDayNumber(activity.occurredAt);
    if (day > today || today - day > HABIT_DAYS) continue;
    // they took part in their own emails, in meetings and in calls; our emails and notes only reach them
    const twoWay =
      activity.direction === 'inbound' || activity.type === 'meeting' || activity.type === 'call';
    for (const id of activity.participants) {
      if (twoWay) push(days, id, day);
      if (activity.direction === 'inbound') answered.set(id, Math.max(answered.get(id) ?? -Infinity, day));
      else if (activity.direction === 'outbound' && activity.type === 'email') push(reached, id, day);
    }
  }
  const readings: PersonReading[] = [];
  for (const stakeholder of key) {
    const { contact } = stakeholder;
    const seen = (days.get(contact.id) ?? []).toSorted((a, b) => a - b);
    const recorded = contact.lastActivityAt ? dayNumber(contact.lastActivityAt) : null;
    if (seen.length < MIN_ACTIVITIES) continue;
    const gaps = seen.slice(1).map((day, i) => day - seen[i]!);
    const cadenceDays = Math.max(MIN_CADENCE_DAYS, median(gaps));
    const lastSeen = Math.max(seen.at(-1)!, recorded !== null && recorded <= today ? recorded : -Infinity);
    const lastAnswered = answered.get(contact.id) ?? null;
    const unanswered = (reached.get(contact.id) ?? []).filter(
      (day) => day > (lastAnswered ?? -Infinity),
    ).length;
    const silence = (today - lastSeen) / cadenceDays;
    const cooling = Math.max(ramp(silence, 1.5, 4), 0.9 * ramp(unanswered, 1, 3));
    readings.push({
      stakeholder,
      lastSeen,
      lastAnswered,
      activities: seen.length,
      cadenceDays: Math.round(cadenceDays),
      unanswered,
      cooling,
    });
  }
  return readings;
}

/** The relationship's cooling, 0..1: the key people's, weighted by role. */
export function peopleCooling(readings: readonly PersonReading[]): number {
  let weighted = 0;
  let total = 0;
  for (const reading of readings) {
    const weight = roleWeight[reading.stakeholder.contact.role] ?? 0;
    weighted += weight * reading.cooling;
    total += weight;
  }
  return total > 0 ? weighted / total : 0;
}
