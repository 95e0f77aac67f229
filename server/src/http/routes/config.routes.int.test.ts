import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { expect, it } from 'vitest';
import { createApiKey } from '../../access/api-keys.repository.ts';
import { addMember } from '../../access/members.repository.ts';
import { provisionOrg } from '../../access/provision-org.ts';
import { parseEnv } from '../../config/env.ts';
import { withOrg } from '../../store/index.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { createTestApp } from '../testing/test-app.ts';

const config = parseEnv({ NODE_ENV: 'test', RIPE_MASTER_KEY: randomBytes(32).toString('base64') });
const slackUrl = `https://hooks.slack.com/services/T000/B000/${randomBytes(12).toString('hex')}`;

const settings = {
  fieldMapping: {
    seatsLicensed: 'Seats_Licensed__c',
    seatsUsed: 'Seats_Used__c',
    usage: { source: 'ingest' },
  },
  rules: { rules: { seatUtilisation: { threshold: 0.85 } } },
  priceBook: { currency: 'EUR', tiers: [{ id: 'team', name: 'Team', rank: 1, seatPrice: 480 }] },
  schedule: { timeOfDay: '02:30', timeZone: 'Europe/Paris' },
  channels: { email: { digestRecipients: ['cs@acme.example'] }, slack: { webhookUrl: slackUrl } },
};

describeOnEachBackend(process.env.DATABASE_URL, 'settings routes', ({ db }) => {
  async function orgWithKeys(name: string) {
    const { org, token, admin } = await provisionOrg(db(), {
      name,
      crm: 'sandbox',
      admin: { email: `admin@${name}.example`, name: 'Ann' },
    });
    const memberToken = await withOrg(db(), org.id, async (tx) => {
      const member = await addMember(tx, { email: `member@${name}.example`, name: 'Mo', role: 'member' });
      return (await createApiKey(tx, { memberId: member.id, name: 'read', scopes: ['read', 'write'] })).token;
    });
    return { orgId: org.id, admin: `Bearer ${token}`, adminId: admin.id, member: `Bearer ${memberToken}` };
  }

  it('saves, reads back without the webhook URL, and audits the changed paths', async () => {
    const { app, logLines } = createTestApp(db(), { config });
    const { orgId, admin, adminId } = await orgWithKeys('acme');
    const url = `/v1/orgs/${orgId}/settings`;
    const saved = await request(app).put(url).set('authorization', admin).send(settings).expect(200);
    expect(saved.body.changed).toEqual(expect.arrayContaining(['schedule', 'channels.slack.webhookUrl']));
    const read = await request(app).get(url).set('authorization', admin).expect(200);
    expect(read.body).toMatchObject({
      fieldMapping: settings.fieldMapping,
      schedule: settings.schedule,
      channels: { email: { digestRecipients: ['cs@acme.example'] }, slack: { webhookConfigured: true } },
      updatedBy: adminId,
    });
    expect(read.body.rules.rules.seatUtilisation).toStrictEqual({ threshold: 0.85, minDays: 30 });
    expect(read.body.priceBook.tiers[0]).toMatchObject({ id: 'team', seatPrice: 480 });

    const audit = await request(app).get(`/v1/orgs/${orgId}/audit`).set('authorization', admin).expect(200);
    expect(audit.body.entries[0]).toMatchObject({
      action: 'settings.updated',
      actor: adminId,
      details: { changed: saved.body.changed },
    });
    for (const text of [JSON.stringify(read.body), JSON.stringify(audit.body), logLines().join('\n')]) {
      expect(text).not.toContain(slackUrl);
    }
  });

  it('answers 400 invalid_config naming each wrong field, and keeps the previous config', async () => {
    const { app } = createTestApp(db(), { config });
    const { orgId, admin } = await orgWithKeys('bad');
    const url = `/v1/orgs/${orgId}/settings`;
    await request(app).put(url).set('authorization', admin).send(settings).expect(200);
    const before = await request(app).get(url).set('authorization', admin).expect(200);

    const refused = await request(app)
      .put(url)
      .set('authorization', admin)
      .send({
        ...settings,
        rules: { rules: { seatUtilisation: { threshold: 1.2 } } },
        schedule: { timeOfDay: '02:30', timeZone: 'Europe/Pariss' },
        channels: { email: { digestRecipients: ['not-an-email'] } },
      })
      .expect(400);
    expect(refused.body.error.code).toBe('invalid_config');
    expect(
      refused.body.error.issues.map((issue: { field: string; message: string }) => [
        issue.field,
        issue.message,
      ]),
    ).toStrictEqual([
      ['rules.rules.seatUtilisation.threshold', expect.any(String)],
      ['schedule.timeZone', 'must be an IANA time zone such as Europe/Paris'],
      ['channels.email.digestRecipients.0', 'must be an email address'],
    ]);

    const patched = await request(app)
      .patch(url)
      .set('authorization', admin)
      .send({ fieldMapping: { arr: 'has spaces' } })
      .expect(400);
    expect(patched.body.error.issues.map((issue: { field: string }) => issue.field)).toStrictEqual([
      'fieldMapping.arr',
    ]);
    const after = await request(app).get(url).set('authorization', admin).expect(200);
    expect(after.body).toStrictEqual(before.body);
  });

  it('patches one field and keeps the rest', async () => {
    const { app } = createTestApp(db(), { config });
    const { orgId, admin } = await orgWithKeys('patch');
    const url = `/v1/orgs/${orgId}/settings`;
    await request(app).put(url).set('authorization', admin).send(settings).expect(200);
    const patched = await request(app)
      .patch(url)
      .set('authorization', admin)
      .send({ schedule: { timeOfDay: '04:00' } })
      .expect(200);
    expect(patched.body.changed).toStrictEqual(['schedule.timeOfDay']);
    expect(patched.body.settings.schedule).toStrictEqual({ timeOfDay: '04:00', timeZone: 'Europe/Paris' });
    expect(patched.body.settings.fieldMapping).toStrictEqual(settings.fieldMapping);
  });

  it('lets members read but only admins with the admin scope write', async () => {
    const { app } = createTestApp(db(), { config });
    const { orgId, member } = await orgWithKeys('roles');
    const url = `/v1/orgs/${orgId}/settings`;
    await request(app).get(url).set('authorization', member).expect(200);
    const refused = await request(app).put(url).set('authorization', member).send(settings).expect(403);
    expect(refused.body.error.code).toBe('forbidden');
    await request(app).patch(url).set('authorization', member).send({}).expect(403);
    await request(app).get(url).expect(401);
  });

  it("answers 404 on another org's settings", async () => {
    const { app } = createTestApp(db(), { config });
    const a = await orgWithKeys('orga');
    const b = await orgWithKeys('orgb');
    await request(app).get(`/v1/orgs/${a.orgId}/settings`).set('authorization', b.admin).expect(404);
    await request(app)
      .put(`/v1/orgs/${a.orgId}/settings`)
      .set('authorization', b.admin)
      .send(settings)
      .expect(404);
  });

  it('names the webhook field when the server has no master key', async () => {
    const { app } = createTestApp(db(), { config: parseEnv({ NODE_ENV: 'test' }) });
    const { orgId, admin } = await orgWithKeys('keyless');
    const refused = await request(app)
      .put(`/v1/orgs/${orgId}/settings`)
      .set('authorization', admin)
      .send(settings)
      .expect(400);
    expect(refused.body.error.issues).toMatchObject([{ field: 'channels.slack.webhookUrl' }]);
    const { slack: _slack, ...withoutSlack } = settings.channels;
    await request(app)
      .put(`/v1/orgs/${orgId}/settings`)
      .set('authorization', admin)
      .send({ ...settings, channels: withoutSlack })
      .expect(200);
  });
});
