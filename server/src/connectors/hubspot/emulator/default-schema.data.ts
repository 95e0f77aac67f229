import type { CrmObjectType, PropertyFieldType, PropertyType } from './crm-records.types.ts';

/** A property the portal has before any app installs: HubSpot-defined ones and the usage integration's. */
export interface SeedProperty {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: PropertyFieldType;
  groupName: string;
  options?: readonly string[];
  hubspotDefined?: boolean;
}

const text = (name: string, label: string, groupName: string): SeedProperty => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
  groupName,
  hubspotDefined: true,
});
const num = (name: string, label: string, groupName: string): SeedProperty => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
  groupName,
  hubspotDefined: true,
});
const when = (name: string, label: string, groupName: string): SeedProperty => ({
  name,
  label,
  type: 'datetime',
  fieldType: 'date',
  groupName,
  hubspotDefined: true,
});
const pick = (name: string, label: string, groupName: string, options: readonly string[]): SeedProperty => ({
  name,
  label,
  type: 'enumeration',
  fieldType: 'select',
  groupName,
  options,
  hubspotDefined: true,
});

const system = (group: string): SeedProperty[] => [
  num('hs_object_id', 'Record ID', group),
  when('createdate', 'Create Date', group),
  when('hs_lastmodifieddate', 'Last Modified Date', group),
  text('hubspot_owner_id', 'Owner', group),
];

/** The group the product-usage integration writes its company properties into. */
export const usageGroupName = 'product_usage';

export const defaultGroups: Record<CrmObjectType, readonly { name: string; label: string }[]> = {
  companies: [
    { name: 'companyinformation', label: 'Company information' },
    { name: usageGroupName, label: 'Product usage' },
  ],
  contacts: [{ name: 'contactinformation', label: 'Contact information' }],
  deals: [{ name: 'dealinformation', label: 'Deal information' }],
  tasks: [{ name: 'task', label: 'Task information' }],
  notes: [{ name: 'note', label: 'Note information' }],
  emails: [{ name: 'email', label: 'Email information' }],
  meetings: [{ name: 'meeting', label: 'Meeting information' }],
  calls: [{ name: 'call', label: 'Call information' }],
};

export const defaultProperties: Record<CrmObjectType, readonly SeedProperty[]> = {
  companies: [
    ...system('companyinformation'),
    text('name', 'Company name', 'companyinformation'),
    text('domain', 'Company Domain Name', 'companyinformation'),
    text('industry', 'Industry', 'companyinformation'),
    text('country', 'Country/Region', 'companyinformation'),
    num('annualrevenue', 'Annual Revenue', 'companyinformation'),
    pick('lifecyclestage', 'Lifecycle Stage', 'companyinformation', ['lead', 'opportunity', 'customer']),
  ],
  contacts: [
    ...system('contactinformation'),
    when('lastmodifieddate', 'Last Modified Date', 'contactinformation'),
    text('firstname', 'First Name', 'contactinformation'),
    text('lastname', 'Last Name', 'contactinformation'),
    text('email', 'Email', 'contactinformation'),
    text('phone', 'Phone Number', 'contactinformation'),
    text('jobtitle', 'Job Title', 'contactinformation'),
    pick('hs_buying_role', 'Buying Role', 'contactinformation', [
      'BLOCKER',
      'BUDGET_HOLDER',
      'CHAMPION',
      'DECISION_MAKER',
      'END_USER',
      'EXECUTIVE_SPONSOR',
      'INFLUENCER',
      'LEGAL_AND_COMPLIANCE',
      'OTHER',
    ]),
  ],
  deals: [
    ...system('dealinformation'),
    text('dealname', 'Deal Name', 'dealinformation'),
    num('amount', 'Amount', 'dealinformation'),
    text('pipeline', 'Pipeline', 'dealinformation'),
    text('dealstage', 'Deal Stage', 'dealinformation'),
    when('closedate', 'Close Date', 'dealinformation'),
    text('deal_currency_code', 'Currency', 'dealinformation'),
    pick('dealtype', 'Deal Type', 'dealinformation', ['newbusiness', 'existingbusiness']),
  ],
  tasks: [
    ...system('task'),
    when('hs_timestamp', 'Due date', 'task'),
    text('hs_task_subject', 'Task Title', 'task'),
    text('hs_task_body', 'Task notes', 'task'),
    pick('hs_task_status', 'Task Status', 'task', [
      'NOT_STARTED',
      'IN_PROGRESS',
      'WAITING',
      'COMPLETED',
      'DEFERRED',
    ]),
    pick('hs_task_priority', 'Priority', 'task', ['NONE', 'LOW', 'MEDIUM', 'HIGH']),
    pick('hs_task_type', 'Task Type', 'task', ['TODO', 'CALL', 'EMAIL']),
  ],
  notes: [
    ...system('note'),
    when('hs_timestamp', 'Activity date', 'note'),
    text('hs_note_body', 'Note body', 'note'),
  ],
  emails: [
    ...system('email'),
    when('hs_timestamp', 'Activity date', 'email'),
    text('hs_email_subject', 'Email subject', 'email'),
    text('hs_email_text', 'Email text', 'email'),
    pick('hs_email_direction', 'Email direction', 'email', ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']),
  ],
  meetings: [
    ...system('meeting'),
    when('hs_timestamp', 'Activity date', 'meeting'),
    text('hs_meeting_title', 'Meeting name', 'meeting'),
    text('hs_meeting_body', 'Meeting description', 'meeting'),
  ],
  calls: [
    ...system('call'),
    when('hs_timestamp', 'Activity date', 'call'),
    text('hs_call_title', 'Call Title', 'call'),
    text('hs_call_body', 'Call notes', 'call'),
    pick('hs_call_direction', 'Call direction', 'call', ['INBOUND', 'OUTBOUND']),
  ],
};
