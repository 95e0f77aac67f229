import type { Activity } from '@ripe/shared';
import type { SfRecord } from '../salesforce-transport.ts';
import { instant, text, type AccountRecords } from './account-records.ts';

/** The Task field that marks Ripe's own tasks: they are ours, not the customer's activity. */
export const taskKeyField = 'ripe__Idempotency_Key__c';

function activity(
  record: SfRecord,
  type: Activity['type'],
  direction: Activity['direction'],
  at: unknown,
  participants: string[],
  subject: unknown,
  body: unknown,
): Activity | undefined {
  const id = text(record.Id);
  const occurredAt = instant(at);
  if (!id || !occurredAt) return undefined;
  const subjectText = text(subject);
  return {
    id,
    type,
    occurredAt,
    direction,
    participants,
    ...(subjectText ? { subject: subjectText } : {}),
    text: typeof body === 'string' ? body : '',
  };
}

/**
 * Emails (EmailMessage: direction from `Incoming`, the contact found by address), logged calls (Task with
 * `TaskSubtype = Call`, direction from `CallType`), meetings (Event) and notes (Note), oldest first.
 */
export function mapActivities(records: AccountRecords): Activity[] {
  const byEmail = new Map<string, string>();
  for (const contact of records.contacts) {
    const email = text(contact.Email)?.toLowerCase();
    const id = text(contact.Id);
    if (email && id) byEmail.set(email, id);
  }
  const contactIds = new Set(records.contacts.map((c) => text(c.Id)).filter((id) => id !== undefined));
  const who = (value: unknown) => {
    const id = text(value);
    return id && contactIds.has(id) ? [id] : [];
  };
  const out: (Activity | undefined)[] = [];
  for (const email of records.emails) {
    const incoming = email.Incoming === true;
    const addresses = String((incoming ? email.FromAddress : email.ToAddress) ?? '')
      .split(/[;,]/)
      .map((a) => a.trim().toLowerCase());
    const participants = addresses.flatMap((a) => byEmail.get(a) ?? []);
    const direction = incoming ? 'inbound' : 'outbound';
    out.push(
      activity(email, 'email', direction, email.MessageDate, participants, email.Subject, email.TextBody),
    );
  }
  for (const task of records.tasks) {
    if (text(task[taskKeyField])) continue;
    const subtype = text(task.TaskSubtype);
    if (subtype === 'Call') {
      const direction = text(task.CallType) === 'Inbound' ? 'inbound' : 'outbound';
      out.push(
        activity(task, 'call', direction, task.CreatedDate, who(task.WhoId), task.Subject, task.Description),
      );
    } else if (subtype === 'Email') {
      out.push(
        activity(
          task,
          'email',
          'outbound',
          task.CreatedDate,
          who(task.WhoId),
          task.Subject,
          task.Description,
        ),
      );
    } else {
      out.push(
        activity(task, 'note', 'internal', task.CreatedDate, who(task.WhoId), task.Subject, task.Description),
      );
    }
  }
  for (const event of records.events) {
    const participants = who(event.WhoId);
    out.push(
      activity(
        event,
        'meeting',
        'outbound',
        event.StartDateTime,
        participants,
        event.Subject,
        event.Description,
      ),
    );
  }
  for (const note of records.notes) {
    out.push(activity(note, 'note', 'internal', note.CreatedDate, [], note.Title, note.Body));
  }
  return out
    .filter((a): a is Activity => a !== undefined)
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : 1));
}
