// The settings the page edits, each named by its dotted path in the settings document (the path a 400 names in
// `issues[].field`), grouped in the page's sections.

export type FieldKind = 'text' | 'number' | 'list' | 'secret';

export interface FieldSpec {
  path: string;
  label: string;
  kind: FieldKind;
  description?: string;
}

const mapped = (key: string, label: string): FieldSpec => ({
  path: `fieldMapping.${key}`,
  label,
  kind: 'text',
  description: "A HubSpot property's internal name; empty: Ripe's default",
});
const ratio = (path: string, label: string): FieldSpec => ({
  path,
  label,
  kind: 'number',
  description: '0 to 1',
});
const days = (path: string, label: string): FieldSpec => ({
  path,
  label,
  kind: 'number',
  description: 'days',
});

export const fieldMappingFields: FieldSpec[] = [
  mapped('seatsLicensed', 'Seats licensed'),
  mapped('seatsUsed', 'Seats used'),
  mapped('tier', 'Tier'),
  mapped('arr', 'ARR'),
  mapped('renewalDate', 'Renewal date'),
  mapped('csmOwner', 'CSM owner'),
  mapped('contractStart', 'Contract start'),
  mapped('committedVolume', 'Committed volume'),
  mapped('segment', 'Segment'),
  mapped('modules', 'Modules'),
];

export const ruleFields: FieldSpec[] = [
  ratio('rules.rules.seatUtilisation.threshold', 'Seat utilisation threshold'),
  days('rules.rules.seatUtilisation.minDays', 'Seat utilisation sustained for'),
  ratio('rules.rules.tierReached.threshold', 'Share of the tier ceiling reached'),
  {
    path: 'rules.rules.activeUserSpike.ratio',
    label: 'Active-user spike ratio',
    kind: 'number',
    description: '1.3 = +30 %',
  },
  ratio('rules.rules.premiumFeature.minAdoption', 'Premium feature adoption'),
  ratio('rules.rules.consumption.threshold', 'Consumption of the commit'),
  days('rules.rules.consumption.minDays', 'Consumption sustained for'),
  ratio('rules.rules.shallowAdoption', 'Shallow adoption below'),
  { path: 'rules.composite.readyScore', label: 'Ready from score', kind: 'number', description: '0 to 100' },
  {
    path: 'rules.composite.nurtureScore',
    label: 'Nurture from score',
    kind: 'number',
    description: '0 to 100',
  },
  { path: 'rules.composite.minConvergingTechniques', label: 'Techniques that must agree', kind: 'number' },
  days('rules.window.leadDaysMax', 'Window opens before the limit'),
  days('rules.window.leadDaysMin', 'Window closes before the limit'),
  days('rules.renewal.imminentDays', 'Renewal imminent within'),
];

export const scheduleFields: FieldSpec[] = [
  { path: 'schedule.timeOfDay', label: 'Time of the night run', kind: 'text', description: 'HH:mm, 24-hour' },
  { path: 'schedule.timeZone', label: 'Time zone', kind: 'text', description: 'IANA, e.g. Europe/Paris' },
];

export const channelFields: FieldSpec[] = [
  {
    path: 'channels.email.digestRecipients',
    label: 'Morning digest recipients',
    kind: 'list',
    description: 'One email address a line',
  },
  { path: 'channels.slack.webhookUrl', label: 'Slack webhook URL', kind: 'secret' },
  { path: 'channels.teams.webhookUrl', label: 'Microsoft Teams webhook URL', kind: 'secret' },
];

export const syncFields: FieldSpec[] = [
  ratio('sync.apiBudgetShare', 'Share of the daily API allowance a night may use'),
];

/** The price book's editable prices: one field per tier, by its position in the book. */
export function priceBookFields(tiers: readonly { name: string }[]): FieldSpec[] {
  return tiers.flatMap((tier, index) => [
    {
      path: `priceBook.tiers.${index}.seatPrice`,
      label: `${tier.name}: seat price a year`,
      kind: 'number' as const,
    },
    {
      path: `priceBook.tiers.${index}.platformFee`,
      label: `${tier.name}: platform fee a year`,
      kind: 'number' as const,
    },
  ]);
}
