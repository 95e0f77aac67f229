// What "an account changed" looks like in the fake CRM: more seats used on the latest usage day (never past
// the seats licensed) and a new inbound email asking to buy, dated at the change's instant.
import type { AccountSnapshot } from '@ripe/shared';
import type { Rng } from '../../sandbox/prng.ts';

const buyingEmails = [
  {
    subject: 'Adding seats',
    text: 'We have run out of licences again. Could you send a quote for {seats} additional seats?',
  },
  {
    subject: 'More licences',
    text: "Every seat is taken and people are sharing logins. Let's talk about adding {seats} seats.",
  },
  {
    subject: 'Quick question on seats',
    text: "Can you prepare an order form for {seats} more seats? We'd like to sign this quarter.",
  },
] as const;

function useMoreSeats(snapshot: AccountSnapshot, rng: Rng): void {
  const seats = snapshot.usage.find((series) => series.kind === 'seats_used');
  if (!seats || seats.values.length === 0) return;
  const latest = seats.values.findLast((value) => value !== null) ?? 0;
  const more = latest + rng.int(1, 3);
  seats.values[seats.values.length - 1] = Math.min(snapshot.contract.seatsLicensed, more);
}

/** Changes the snapshot in place; `activityId` must be new in the CRM. */
export function applyBuyingChange(
  snapshot: AccountSnapshot,
  rng: Rng,
  change: { occurredAt: string; activityId: string },
): void {
  useMoreSeats(snapshot, rng);
  const email = rng.pick(buyingEmails);
  const contact = snapshot.contacts.find((candidate) => candidate.leftAt === undefined);
  snapshot.activities.push({
    id: change.activityId,
    type: 'email',
    occurredAt: change.occurredAt,
    direction: 'inbound',
    participants: contact ? [contact.id] : [],
    subject: email.subject,
    text: email.text.replace('{seats}', String(rng.int(3, 20))),
  });
}
