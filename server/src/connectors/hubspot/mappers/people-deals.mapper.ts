import type { ActivityType, ContactInput, OpportunityInput } from './snapshot-inputs.ts';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import { day, numberOrText, text, type HubSpotRecord } from './hubspot-record.ts';

const roles: Record<string, ContactInput['role']> = {
  CHAMPION: 'champion',
  EXECUTIVE_SPONSOR: 'sponsor',
  DECISION_MAKER: 'decision_maker',
  BUDGET_HOLDER: 'budget_owner',
  END_USER: 'user',
  INFLUENCER: 'influencer',
};

// HubSpot keeps no seniority of its own: read it off the job title.
const seniorities: [RegExp, NonNullable<ContactInput['seniority']>][] = [
  [/\b(chief|ceo|cto|cfo|coo|cio|cmo|founder|president)\b/i, 'c_level'],
  [/\b(vp|vice president|svp|evp)\b/i, 'vp'],
  [/\b(director|head)\b/i, 'director'],
  [/\b(manager|lead)\b/i, 'manager'],
];

export function mapContact(contact: HubSpotRecord): ContactInput {
  const name = [text(contact, 'firstname'), text(contact, 'lastname')].filter(Boolean).join(' ');
  const title = text(contact, 'jobtitle') ?? '';
  const email = text(contact, 'email');
  const phone = text(contact, 'phone');
  return {
    id: contact.id,
    name: name || (email ?? contact.id),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    title,
    role: roles[text(contact, 'hs_buying_role') ?? ''] ?? 'unknown',
    seniority: seniorities.find(([pattern]) => pattern.test(title))?.[1] ?? 'individual',
    createdAt: day(contact, 'createdate') ?? contact.createdAt.slice(0, 10),
  };
}

/** The deal as an opportunity; null for a deal type the mapping does not know (it is left out). */
export function mapDeal(deal: HubSpotRecord, settings: HubSpotConnectorSettings): OpportunityInput | null {
  const type = settings.dealTypes[text(deal, 'dealtype') ?? ''];
  if (!type) return null;
  const stageId = text(deal, 'dealstage') ?? '';
  const stage = settings.wonStages.includes(stageId)
    ? 'closed_won'
    : settings.lostStages.includes(stageId)
      ? 'closed_lost'
      : 'open';
  // The day it entered its closed stage, from the stage history; the close date when there is none.
  const entered = deal.propertiesWithHistory?.dealstage?.find((version) => version.value === stageId);
  const closedAt = stage === 'open' ? undefined : (entered?.timestamp.slice(0, 10) ?? day(deal, 'closedate'));
  return {
    id: deal.id,
    type,
    amount: (numberOrText(deal, 'amount') ?? 0) as number,
    stage,
    createdAt: day(deal, 'createdate') ?? deal.createdAt.slice(0, 10),
    ...(closedAt ? { closedAt } : {}),
  };
}

/** The engagement objects Ripe reads, and the activity type each one is. */
export const engagementTypes = {
  emails: 'email',
  notes: 'note',
  meetings: 'meeting',
  calls: 'call',
} as const satisfies Record<string, ActivityType>;
export type EngagementObject = keyof typeof engagementTypes;
