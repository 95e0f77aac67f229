import { randomBytes } from 'node:crypto';
import { defaultOrgConfig, isRipeError, type FieldIssue } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/index.ts';
import { createMasterKeyring, createSecretsRepository } from '../secrets/index.ts';
import { withOrg } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { webhookSecretName } from './channels.schema.ts';
import {
  getOrgSettings,
  patchOrgSettings,
  replaceOrgSettings,
  type SettingsWriter,
} from './settings.service.ts';

const secrets = createSecretsRepository(createMasterKeyring({ test: randomBytes(32) }, 'test'));
const admin: SettingsWriter = { actor: 'member-admin', secrets };
const slackUrl = 'https://hooks.slack.com/services/T000/B000/s3cr3tS3cr3t';

const document = {
  fieldMapping: { seatsLicensed: 'Seats_Licensed__c', csmOwner: 'CSM__c', usage: { source: 'ingest' } },
  rules: { composite: { readyScore: 70 } },
  priceBook: { currency: 'EUR', tiers: [{ id: 'team', name: 'Team', rank: 1, seatPrice: 480 }] },
  schedule: { timeOfDay: '02:30', timeZone: 'Europe/Paris' },
  channels: { email: { digestRecipients: ['cs@acme.example'] }, slack: { webhookUrl: slackUrl } },
};

async function issuesOf(promise: Promise<unknown>): Promise<FieldIssue[]> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRipeError(error) || error.code !== 'invalid_config')
    throw new Error(`expected invalid_config, got ${String(error)}`);
  return error.issues;
}

describeOnEachBackend(process.env.DATABASE_URL, 'org settings', ({ db, newOrg }) => {
  it('reads defaults before anything is saved', async () => {
    const orgId = await newOrg();
    expect(await withOrg(db(), orgId, getOrgSettings)).toStrictEqual({
      fieldMapping: { usage: { source: 'ingest' } },
      rules: defaultOrgConfig,
      priceBook: null,
      schedule: null,
      channels: {
        email: { digestRecipients: [] },
        slack: { webhookConfigured: false },
        teams: { webhookConfigured: false },
      },
      sync: { apiBudgetShare: 0.2 },
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('saves a document, seals the webhook URL, and audits the changed paths without values', async () => {
    const orgId = await newOrg();
    const { settings, changed } = await withOrg(db(), orgId, (tx) => replaceOrgSettings(tx, document, admin));
    expect(settings.rules.composite.readyScore).toBe(70);
    expect(settings.priceBook?.tiers[0]?.seatPrice).toBe(480);
    expect(settings.schedule).toStrictEqual({ timeOfDay: '02:30', timeZone: 'Europe/Paris' });
    expect(settings.channels.slack).toStrictEqual({ webhookConfigured: true });
    expect(settings.updatedBy).toBe('member-admin');
    expect(changed).toContain('rules.composite.readyScore');
    expect(changed).toContain('channels.slack.webhookUrl');
    expect(changed).toContain('schedule');

    await withOrg(db(), orgId, async (tx) => {
      expect(await secrets.getSecret(tx, webhookSecretName.slack)).toBe(slackUrl);
      const { rows } = await tx.query<{ schedule: unknown; channels: unknown }>(
        'select schedule, channels from org_settings',
      );
      expect(rows[0]?.schedule).toStrictEqual({ timeOfDay: '02:30', timeZone: 'Europe/Paris' });
      expect(JSON.stringify(rows)).not.toContain('s3cr3t');
      const { entries } = await listAudit(tx, { limit: 10 });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actor: 'member-admin',
        action: 'settings.updated',
        target: 'settings',
      });
      expect(entries[0]?.details.changed).toStrictEqual(changed);
      expect(JSON.stringify(entries)).not.toContain('s3cr3t');
    });
  });

  it('changes nothing, and audits nothing, when the same document is read and written back', async () => {
    const orgId = await newOrg();
    const { settings } = await withOrg(db(), orgId, (tx) => replaceOrgSettings(tx, document, admin));
    const roundTrip = JSON.parse(JSON.stringify(settings)) as unknown;
    const again = await withOrg(db(), orgId, (tx) => replaceOrgSettings(tx, roundTrip, admin));
    expect(again.changed).toStrictEqual([]);
    expect(again.settings.channels.slack.webhookConfigured).toBe(true);
    const { entries } = await withOrg(db(), orgId, (tx) => listAudit(tx, { limit: 10 }));
    expect(entries).toHaveLength(1);
  });

  it('refuses a bad document naming each wrong field, and keeps the previous settings', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, (tx) => replaceOrgSettings(tx, document, admin));
    const before = await withOrg(db(), orgId, getOrgSettings);
    const issues = await issuesOf(
      withOrg(db(), orgId, (tx) =>
        replaceOrgSettings(
          tx,
          {
            ...document,
            rules: { rules: { seatUtilisation: { threshold: 2 } } },
            schedule: { timeOfDay: '25:00', timeZone: 'Europe/Paris' },
            fieldMpping: {},
            channels: { slack: { webhookUrl: 'https://hooks.slack.com/services/T/B/changed' } },
          },
          admin,
        ),
      ),
    );
    expect(issues.map((issue) => issue.field).sort()).toStrictEqual([
      'fieldMpping',
      'rules.rules.seatUtilisation.threshold',
      'schedule.timeOfDay',
    ]);
    expect(issues[0]).toMatchObject({ record: 'settings', recordId: orgId });
    expect(await withOrg(db(), orgId, getOrgSettings)).toStrictEqual(before);
    expect(await withOrg(db(), orgId, (tx) => secrets.getSecret(tx, webhookSecretName.slack))).toBe(slackUrl);
  });

  it('patches with a merge patch: one threshold, the schedule removed, the webhook removed', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, (tx) => replaceOrgSettings(tx, document, admin));
    const { settings, changed } = await withOrg(db(), orgId, (tx) =>
      patchOrgSettings(
        tx,
        {
          rules: { rules: { seatUtilisation: { threshold: 0.9 } } },
          schedule: null,
          channels: { slack: { webhookUrl: null } },
        },
        admin,
      ),
    );
    expect(settings.rules.rules.seatUtilisation).toStrictEqual({ threshold: 0.9, minDays: 30 });
    expect(settings.rules.composite.readyScore).toBe(70);
    expect(settings.priceBook?.currency).toBe('EUR');
    expect(settings.schedule).toBeNull();
    expect(settings.channels.slack.webhookConfigured).toBe(false);
    expect(changed.sort()).toStrictEqual([
      'channels.slack.webhookUrl',
      'rules.rules.seatUtilisation.threshold',
      'schedule',
    ]);
    await withOrg(db(), orgId, async (tx) => {
      expect(await secrets.getSecret(tx, webhookSecretName.slack)).toBeUndefined();
      const { rows } = await tx.query<{ schedule: unknown }>('select schedule from org_settings');
      expect(rows[0]?.schedule).toStrictEqual({});
    });
  });

  it('refuses a patch that breaks a rule across sections, and keeps the settings', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, (tx) => replaceOrgSettings(tx, document, admin));
    const before = await withOrg(db(), orgId, getOrgSettings);
    const issues = await issuesOf(
      withOrg(db(), orgId, (tx) =>
        patchOrgSettings(tx, { rules: { composite: { nurtureScore: 80 } } }, admin),
      ),
    );
    expect(issues).toStrictEqual([
      {
        record: 'settings',
        recordId: orgId,
        field: 'rules.composite.nurtureScore',
        message: 'must be below rules.composite.readyScore (70)',
      },
    ]);
    expect(await withOrg(db(), orgId, getOrgSettings)).toStrictEqual(before);
    expect(await issuesOf(withOrg(db(), orgId, (tx) => patchOrgSettings(tx, [1], admin)))).toMatchObject([
      { field: '(settings)' },
    ]);
  });

  it('refuses to store a webhook URL without a master key, naming the field', async () => {
    const orgId = await newOrg();
    const issues = await issuesOf(
      withOrg(db(), orgId, (tx) =>
        replaceOrgSettings(tx, document, { actor: 'member-admin', secrets: undefined }),
      ),
    );
    expect(issues).toMatchObject([
      { field: 'channels.slack.webhookUrl', message: expect.stringContaining('master key') },
    ]);
    expect((await withOrg(db(), orgId, getOrgSettings)).updatedAt).toBeNull();
  });

  describe('isolation', () => {
    it("never reads another org's settings", async () => {
      const orgA = await newOrg();
      const orgB = await newOrg();
      await withOrg(db(), orgA, (tx) => replaceOrgSettings(tx, document, admin));
      const seenByB = await withOrg(db(), orgB, getOrgSettings);
      expect(seenByB.schedule).toBeNull();
      expect(seenByB.channels.slack.webhookConfigured).toBe(false);
    });
  });
});
