import { readFileSync, writeFileSync } from 'node:fs';
import { accountSnapshotSchema } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';
import { emulatorFieldMapping } from '../emulator/emulator-org.ts';
import type { SfRecord } from '../salesforce-transport.ts';
import { emptyRelated, type AccountRecords } from './account-records.ts';
import { salesforceFieldMap } from './salesforce-field-map.ts';
import { mapHumanValues, mapSnapshot } from './snapshot.mapper.ts';

// Stored query responses, at paths that mirror the request (`/services/data/v68.0/query` of each object), as the
// emulator answered the pull's own queries for one account; the mapped snapshot is compared whole.
const fixture = (object: string) =>
  JSON.parse(
    readFileSync(new URL(`./fixtures/services/data/v68.0/query/${object}.json`, import.meta.url), 'utf8'),
  ) as { q: string; response: { records: SfRecord[] } };
const expectedPath = new URL('./fixtures/expected/account-snapshot.json', import.meta.url);

function storedAccount(): AccountRecords {
  const [account] = fixture('Account').response.records;
  if (!account) throw new Error('no account in the fixture');
  const records = emptyRelated(account);
  const objects: [Exclude<keyof AccountRecords, 'account'>, string][] = [
    ['contacts', 'Contact'],
    ['relations', 'AccountContactRelation'],
    ['emails', 'EmailMessage'],
    ['tasks', 'Task'],
    ['events', 'Event'],
    ['notes', 'Note'],
    ['cases', 'Case'],
    ['opportunities', 'Opportunity'],
    ['opportunityHistory', 'OpportunityHistory'],
    ['usage', 'Product_Usage__c'],
  ];
  for (const [key, object] of objects) records[key].push(...fixture(object).response.records);
  return records;
}

const ctx = {
  map: salesforceFieldMap(emulatorFieldMapping),
  priceBook: sandboxPriceBook,
  usage: { asOf: '2026-06-01', days: 30 },
};

describe('the Salesforce snapshot mapper', () => {
  it('maps the stored responses of one account into the canonical snapshot, compared whole', () => {
    const snapshot = mapSnapshot(storedAccount(), ctx);
    if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, `${JSON.stringify(snapshot, null, 2)}\n`);
    expect(snapshot).toStrictEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    expect(accountSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it("reads the customer's activity, never Ripe's own tasks", () => {
    const records = storedAccount();
    const ripeTasks = records.tasks.filter((task) => typeof task.ripe__Idempotency_Key__c === 'string');
    expect(ripeTasks).toHaveLength(1);
    const ids = mapSnapshot(records, ctx).activities.map((a) => a.id);
    expect(ids).not.toContain(ripeTasks[0]?.Id);
    expect(ids).toHaveLength(
      records.emails.length + records.tasks.length - 1 + records.events.length + records.notes.length,
    );
  });

  it('emails take their direction from Incoming and their contact from the address', () => {
    const records = storedAccount();
    const snapshot = mapSnapshot(records, ctx);
    for (const email of records.emails) {
      const mapped = snapshot.activities.find((a) => a.id === email.Id);
      expect(mapped?.direction).toBe(email.Incoming === true ? 'inbound' : 'outbound');
      const address = String(email.Incoming === true ? email.FromAddress : email.ToAddress).toLowerCase();
      const contact = records.contacts.find((c) => String(c.Email).toLowerCase() === address);
      expect(mapped?.participants).toStrictEqual(contact ? [contact.Id] : []);
    }
  });

  it('takes roles from AccountContactRelation.Roles and who left from IsActive and EndDate', () => {
    const records = storedAccount();
    const [relation] = records.relations;
    if (!relation) throw new Error('no relation');
    relation.Roles = 'Influencer;Economic Decision Maker';
    relation.IsActive = false;
    relation.EndDate = '2026-03-31';
    const contact = mapSnapshot(records, ctx).contacts.find((c) => c.id === relation.ContactId);
    expect(contact).toMatchObject({ role: 'decision_maker', leftAt: '2026-03-31' });
  });

  it('leaves a value it cannot read for validation to name, and reads what the account team set', () => {
    const records = storedAccount();
    records.account.Segment__c = 'Mid-Market';
    records.account.Seats_Licensed__c = 'forty';
    records.account.ripe__Status__c = 'snoozed';
    records.account.ripe__SnoozedUntil__c = '2026-07-15';
    const parsed = accountSnapshotSchema.safeParse(mapSnapshot(records, ctx));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual([
      'contract.seatsLicensed',
    ]);
    expect(mapSnapshot(records, ctx).account.segment).toBe('mid_market');
    expect(mapHumanValues(records.account)).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-07-15' });
  });

  it("dates a deal's close by its stage history, not by a close date someone planned", () => {
    const records = storedAccount();
    const won = records.opportunities.find((o) => o.IsWon === true);
    if (!won) throw new Error('no won deal in the fixture');
    const moved = records.opportunityHistory.find(
      (h) => h.OpportunityId === won.Id && h.StageName === won.StageName,
    );
    expect(mapSnapshot(records, ctx).opportunities.find((o) => o.id === won.Id)?.closedAt).toBe(
      String(moved?.CreatedDate).slice(0, 10),
    );
    won.CloseDate = '2099-01-01';
    expect(mapSnapshot(records, ctx).opportunities.find((o) => o.id === won.Id)?.closedAt).toBe(
      String(moved?.CreatedDate).slice(0, 10),
    );
    records.opportunityHistory = [];
    expect(mapSnapshot(records, ctx).opportunities.find((o) => o.id === won.Id)?.closedAt).toBe('2099-01-01');
  });
});
