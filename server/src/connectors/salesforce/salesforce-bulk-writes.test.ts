import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { WriteOperation } from '../write-operation.ts';
import { startEmulatorOrg, type EmulatorOrg } from './emulator/emulator-org.ts';

let org: EmulatorOrg;
let accountIds: string[];
beforeAll(async () => {
  org = await startEmulatorOrg({ port: 0, accounts: 60, seed: 9, asOf: '2026-06-01', usageDays: 30 });
  accountIds = [...org.emulator.state.tables.Account.keys()];
});
afterAll(() => org.close());
beforeEach(() => org.emulator.faults.clear());

// A small threshold stands in for the 2,000 of a real night: 60 accounts are "large" above 50.
const bulkConnector = () => org.connector({ sync: { bulkWriteRows: 50 } });
const scores = (score: number): WriteOperation[] =>
  accountIds.map((accountId) => ({
    kind: 'account_fields',
    accountId,
    fields: { score, motion: null },
  }));
const history = (score: number): WriteOperation[] =>
  accountIds.map((accountId) => ({
    kind: 'history',
    accountId,
    externalId: `${accountId}-2026-06-01`,
    fields: { score, snapshot_date: '2026-06-01' },
  }));
const account = (id: string | undefined) => org.emulator.state.tables.Account.get(id ?? '');

it('a write of more records of one object than bulkWriteRows goes through one ingest job', async () => {
  const connector = bulkConnector();
  const written = await connector.applyWrites(scores(64));
  expect(written.ok && written.value.every((outcome) => outcome.ok)).toBe(true);
  // Create, upload, close, one status read: no results read when no record failed.
  expect(connector.calls()).toStrictEqual({ reads: 0, writes: 4, byKind: { bulk_ingest: 4 } });
  for (const id of accountIds) {
    expect(account(id)?.ripe__Score__c).toBe(64);
    expect(account(id)?.ripe__Motion__c).toBeNull();
  }
});

it('history upserted in bulk by external id twice leaves one record each', async () => {
  const table = org.emulator.state.tables.ripe__Expansion_Snapshot__c;
  const before = table.size;
  for (const score of [40, 41]) {
    const written = await bulkConnector().applyWrites(history(score));
    expect(written.ok && written.value.every((outcome) => outcome.ok)).toBe(true);
  }
  expect(table.size).toBe(before + accountIds.length);
  const mine = [...table.values()].filter((r) => String(r.ripe__External_Id__c).endsWith('-2026-06-01'));
  expect(mine.map((r) => r.ripe__Score__c)).toStrictEqual(accountIds.map(() => 41));
});

it('each record a rule rejects comes back with its message; every other record is written', async () => {
  const rejected = accountIds.slice(0, 3);
  org.emulator.faults.rejectByValidationRule(rejected, 'Scores are frozen during legal review.');
  const connector = bulkConnector();
  const written = await connector.applyWrites(scores(65));
  if (!written.ok) throw new Error(written.error.message);
  expect(written.value.slice(0, 3)).toStrictEqual(
    rejected.map(() => ({
      ok: false,
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Scores are frozen during legal review.',
      fields: [],
      retryable: false,
    })),
  );
  expect(written.value.slice(3).every((outcome) => outcome.ok)).toBe(true);
  expect(account(rejected[0])?.ripe__Score__c).not.toBe(65);
  expect(account(accountIds[3])?.ripe__Score__c).toBe(65);
  // The failed results are read once: five calls.
  expect(connector.calls().byKind).toStrictEqual({ bulk_ingest: 5 });
});

it('a failed job is a retryable error, and the same writes run again land once', async () => {
  org.emulator.faults.hideField('Account.ripe__Score__c');
  const failed = await bulkConnector().applyWrites(scores(66));
  expect(failed).toStrictEqual({
    ok: false,
    error: {
      code: 'unavailable',
      message: expect.stringMatching(
        /ingest job 750\w+ on Account Failed: InvalidBatch : Field name not found : ripe__Score__c/,
      ),
    },
  });
  expect(account(accountIds[0])?.ripe__Score__c).not.toBe(66);
  org.emulator.faults.clear();
  const again = await bulkConnector().applyWrites(scores(66));
  expect(again.ok && again.value.every((outcome) => outcome.ok)).toBe(true);
  expect(account(accountIds[0])?.ripe__Score__c).toBe(66);
});

it('a batch of 200 or fewer still goes through one composite call', async () => {
  const connector = bulkConnector();
  const written = await connector.applyWrites(scores(67).slice(0, 40));
  expect(written.ok && written.value.every((outcome) => outcome.ok)).toBe(true);
  expect(connector.calls().byKind).toStrictEqual({ composite: 1 });
});

it('at or below the threshold, more than a batch is refused without a call', async () => {
  const connector = org.connector({ sync: { bulkWriteRows: 2_000 } });
  const refused = await connector.applyWrites([...scores(68), ...scores(68), ...scores(68), ...scores(68)]);
  expect(refused.ok).toBe(false);
  expect(connector.calls().writes).toBe(0);
});
