import { defaultOrgConfig } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { orgSettingsSchema } from './org-settings.schema.ts';

const issuesOf = (input: unknown) => {
  const parsed = orgSettingsSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const priceBook = {
  tiers: [
    { id: 'team', name: 'Team', rank: 1, seatPrice: 480, maxSeats: 50 },
    { id: 'business', name: 'Business', rank: 2, seatPrice: 720 },
  ],
};

describe('orgSettingsSchema', () => {
  it('gives every section its defaults', () => {
    expect(orgSettingsSchema.parse({})).toStrictEqual({
      fieldMapping: { usage: { source: 'ingest' } },
      rules: defaultOrgConfig,
      priceBook: null,
      schedule: null,
      channels: {
        email: { digestRecipients: [] },
        slack: {},
        teams: {},
      },
      sync: { apiBudgetShare: 0.2 },
    });
  });

  it.each([0, -0.1, 1.5, '0.2'])('refuses an API budget share of %s, naming the field', (share) => {
    const parsed = orgSettingsSchema.safeParse({ sync: { apiBudgetShare: share } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual(['sync.apiBudgetShare']);
  });

  it('accepts a complete document', () => {
    const parsed = orgSettingsSchema.parse({
      fieldMapping: {
        seatsLicensed: 'Seats_Licensed__c',
        seatsUsed: 'Seats_Used__c',
        tier: 'Plan__c',
        arr: 'ARR__c',
        renewalDate: 'Renewal_Date__c',
        csmOwner: 'CSM__r.Email',
        usage: {
          source: 'crm_field',
          fields: [{ field: 'Active_Users__c', metric: 'active_users', kind: 'active_users' }],
        },
      },
      rules: { rules: { seatUtilisation: { threshold: 0.85 } } },
      priceBook,
      schedule: { timeOfDay: '02:30', timeZone: 'Europe/Paris' },
      channels: {
        email: { digestRecipients: ['cs-leads@acme.example'] },
        slack: { webhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX' },
        teams: { webhookUrl: null },
      },
    });
    expect(parsed.rules.rules.seatUtilisation).toStrictEqual({ threshold: 0.85, minDays: 30 });
    expect(parsed.channels.slack.webhookUrl).toBe('https://hooks.slack.com/services/T000/B000/XXXX');
    expect(parsed.channels.teams.webhookUrl).toBeNull();
  });

  it.each([
    [
      'a time of day out of range',
      { schedule: { timeOfDay: '24:00', timeZone: 'UTC' } },
      ['schedule.timeOfDay: must be a time HH:mm, 00:00 to 23:59'],
    ],
    [
      'an unknown time zone',
      { schedule: { timeOfDay: '02:00', timeZone: 'Mars/Olympus' } },
      ['schedule.timeZone: must be an IANA time zone such as Europe/Paris'],
    ],
    [
      'a threshold above 1',
      { rules: { rules: { seatUtilisation: { threshold: 1.5 } } } },
      [expect.stringMatching(/^rules\.rules\.seatUtilisation\.threshold: /)],
    ],
    [
      'a window that closes before it opens',
      { rules: { window: { leadDaysMin: 100, leadDaysMax: 90 } } },
      ['rules.window.leadDaysMin: must not exceed rules.window.leadDaysMax (90)'],
    ],
    [
      'nurture above ready',
      { rules: { composite: { readyScore: 50, nurtureScore: 60 } } },
      ['rules.composite.nurtureScore: must be below rules.composite.readyScore (50)'],
    ],
    [
      'a price book without tiers',
      { priceBook: { tiers: [] } },
      [expect.stringMatching(/^priceBook\.tiers: /)],
    ],
    [
      'two tiers with one id',
      { priceBook: { tiers: [priceBook.tiers[0], { ...priceBook.tiers[1], id: 'team' }] } },
      ['priceBook.tiers.1.id: is used by another tier'],
    ],
    [
      'two tiers with one rank',
      { priceBook: { tiers: [priceBook.tiers[0], { ...priceBook.tiers[1], rank: 1 }] } },
      ['priceBook.tiers.1.rank: is used by another tier: ranks order the upgrades'],
    ],
    [
      'a field name with a space',
      { fieldMapping: { seatsUsed: 'Seats Used' } },
      [expect.stringMatching(/^fieldMapping\.seatsUsed: must be a CRM API name/)],
    ],
    [
      'a misspelt mapping key',
      { fieldMapping: { seatUsed: 'Seats__c' } },
      [expect.stringMatching(/^fieldMapping: Unrecognized key/)],
    ],
    [
      'an unknown usage source',
      { fieldMapping: { usage: { source: 'ftp' } } },
      ['fieldMapping.usage.source: must say its source: ingest, crm_field, crm_object or crm_object_columns'],
    ],
    [
      'crm_field without fields',
      { fieldMapping: { usage: { source: 'crm_field', fields: [] } } },
      ['fieldMapping.usage.fields: must name at least one field'],
    ],
    [
      'a bad email',
      { channels: { email: { digestRecipients: ['ok@acme.example', 'nope'] } } },
      ['channels.email.digestRecipients.1: must be an email address'],
    ],
    [
      'a Slack URL on another host',
      { channels: { slack: { webhookUrl: 'https://evil.example/services/x' } } },
      [expect.stringMatching(/^channels\.slack\.webhookUrl: must be an https Slack webhook URL/)],
    ],
    [
      'a plain-http Teams URL',
      { channels: { teams: { webhookUrl: 'http://acme.webhook.office.com/webhookb2/x' } } },
      [expect.stringMatching(/^channels\.teams\.webhookUrl: must be an https Teams webhook URL/)],
    ],
    [
      'a misspelt section',
      { shedule: { timeOfDay: '02:00', timeZone: 'UTC' } },
      [expect.stringMatching(/^: Unrecognized key: "shedule"/)],
    ],
  ])('names the field at fault: %s', (_name, input, expected) => {
    expect(issuesOf(input)).toStrictEqual(expected);
  });

  it('reports every wrong field at once', () => {
    expect(
      issuesOf({
        schedule: { timeOfDay: '2am', timeZone: 'Nowhere' },
        fieldMapping: { arr: '1ARR' },
      }),
    ).toHaveLength(3);
  });

  it('never quotes a webhook URL in a message', () => {
    const secretUrl = 'https://hooks.example/services/T0/B0/s3cr3t-token';
    const messages = issuesOf({ channels: { slack: { webhookUrl: secretUrl } } }).join('\n');
    expect(messages).not.toContain('s3cr3t');
  });
});
