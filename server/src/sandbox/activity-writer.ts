// Turns "a message of this kind, on this day, from this kind of person" into an activity record: picks the
// participants among the contacts present that day, fills the slots, frames it as an e-mail or notes.
import type { ContactRole } from '@ripe/shared';
import type { MessageIntent } from './message-intent.ts';
import {
  intentOfTemplate,
  writeMessage,
  type Framing,
  type Slots,
  type TemplateKey,
} from './message-templates.ts';
import { MessageSlots } from './message-slots.ts';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import type { AccountProfile, ActivityTrack, ContactTrack, ContractState } from './timeline.types.ts';

export type Channel = 'email_in' | 'email_out' | 'call' | 'meeting' | 'note';

const framingOf: Record<Channel, Framing> = {
  email_in: 'email',
  email_out: 'email',
  call: 'call_note',
  meeting: 'meeting_note',
  note: 'call_note',
};

export interface MessageRequest {
  day: number;
  key: TemplateKey;
  channel: Channel;
  /** Roles to pick the speaker from, in order of preference. */
  from: readonly ContactRole[];
  slots?: Slots;
  /** Extra participants (a sponsor in a meeting, a new stakeholder). */
  with?: readonly ContactTrack[];
}

export function roleOn(contact: ContactTrack, day: number): ContactRole {
  let role: ContactRole = 'unknown';
  for (const entry of contact.roles) if (entry.from <= day) role = entry.role;
  return role;
}

export function presentOn(contact: ContactTrack, day: number): boolean {
  return contact.createdOn <= day && (contact.leftOn === undefined || day < contact.leftOn);
}

export class ActivityWriter {
  readonly activities: ActivityTrack[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly ctx: SandboxContext,
    private readonly profile: AccountProfile,
    private readonly contacts: readonly ContactTrack[],
    private readonly contracts: readonly ContractState[],
  ) {}

  contractOn(day: number): ContractState {
    let current = this.contracts[0];
    for (const state of this.contracts) if (state.from <= day) current = state;
    if (!current) throw new RangeError('no contract');
    return current;
  }

  /** A contact present on `day`, preferring the given roles in order. */
  speaker(day: number, roles: readonly ContactRole[]): ContactTrack {
    const present = this.contacts.filter((contact) => presentOn(contact, day));
    // Mostly the first role that is present; sometimes anyone in the listed roles.
    const ordered = this.rng.chance(0.7) ? roles : [];
    for (const role of ordered) {
      const matching = present.filter((contact) => roleOn(contact, day) === role);
      if (matching.length > 0) return this.rng.pick(matching);
    }
    const listed = present.filter((contact) => roles.includes(roleOn(contact, day)));
    if (listed.length > 0) return this.rng.pick(listed);
    if (present.length > 0) return this.rng.pick(present);
    // Nobody present (everyone left, or before onboarding): someone who was known by then.
    const known = this.contacts.filter((contact) => contact.createdOn <= day);
    return this.rng.pick(known.length > 0 ? known : this.contacts);
  }

  write(request: MessageRequest): void {
    const { rng } = this;
    const day = request.day;
    if (day > this.ctx.endDay || day < this.profile.createdOn) return;
    const speaker = this.speaker(day, request.from);
    // Outbound e-mails are ours: the CSM signs and the customer is greeted.
    const slots = new MessageSlots(
      rng,
      this.ctx,
      this.profile,
      this.contractOn(day),
      speaker,
      request.slots ?? {},
      day,
      request.channel === 'email_out',
    );
    const intent: MessageIntent = intentOfTemplate[request.key];
    // Meeting summaries are our own words, not a quote of the customer.
    const framing = intent === 'engagement' ? 'summary' : framingOf[request.channel];
    const message = writeMessage(rng, this.profile.language, request.key, framing, slots);
    const participants = [speaker.id, ...(request.with ?? []).map((contact) => contact.id)];
    this.activities.push({
      day,
      minuteOfDay: rng.int(8 * 60, 17 * 60 + 59),
      type: request.channel === 'email_in' || request.channel === 'email_out' ? 'email' : request.channel,
      direction:
        request.channel === 'email_in'
          ? 'inbound'
          : request.channel === 'note'
            ? 'internal'
            : request.channel === 'call' && rng.chance(0.5)
              ? 'inbound'
              : 'outbound',
      participants: [...new Set(participants)],
      subject: message.subject,
      text: message.text,
      intent,
    });
  }

  /** Activities sorted by time: ids are positions in this order. */
  sorted(): ActivityTrack[] {
    return this.activities.sort((a, b) => a.day - b.day || a.minuteOfDay - b.minuteOfDay);
  }
}
