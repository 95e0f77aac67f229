import type { EngagementObject } from './people-deals.mapper.ts';
import { engagementTypes } from './people-deals.mapper.ts';
import { text, type HubSpotRecord } from './hubspot-record.ts';
import type { ActivityInput } from './snapshot-inputs.ts';

/** The properties each engagement object is read with. */
export const engagementProperties: Record<EngagementObject, readonly string[]> = {
  emails: ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_direction'],
  notes: ['hs_timestamp', 'hs_note_body'],
  meetings: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_body'],
  calls: ['hs_timestamp', 'hs_call_title', 'hs_call_body', 'hs_call_direction'],
};

function fields(type: EngagementObject, record: HubSpotRecord) {
  switch (type) {
    case 'emails':
      return {
        subject: text(record, 'hs_email_subject'),
        body: text(record, 'hs_email_text'),
        direction: text(record, 'hs_email_direction') === 'INCOMING_EMAIL' ? 'inbound' : 'outbound',
      } as const;
    case 'notes':
      return { subject: undefined, body: text(record, 'hs_note_body'), direction: 'internal' } as const;
    case 'meetings':
      // A meeting has no direction in HubSpot: the account team set it up.
      return {
        subject: text(record, 'hs_meeting_title'),
        body: text(record, 'hs_meeting_body'),
        direction: 'outbound',
      } as const;
    case 'calls':
      return {
        subject: text(record, 'hs_call_title'),
        body: text(record, 'hs_call_body'),
        direction: text(record, 'hs_call_direction') === 'INBOUND' ? 'inbound' : 'outbound',
      } as const;
  }
}

/** An engagement as an activity; its text is the body HubSpot holds (emails' plain text). */
export function mapEngagement(type: EngagementObject, record: HubSpotRecord): ActivityInput {
  const { subject, body, direction } = fields(type, record);
  const when = text(record, 'hs_timestamp');
  return {
    id: record.id,
    type: engagementTypes[type],
    occurredAt:
      when && /^\d+$/.test(when) ? new Date(Number(when)).toISOString() : (when ?? record.createdAt),
    direction,
    participants: [],
    ...(subject ? { subject } : {}),
    text: body ?? '',
  };
}
