import { Connection } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultValidationMessage } from './emulator-faults.ts';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce-emulator.ts';

const v = '/services/data/v68.0';
let emulator: SalesforceEmulator;
let conn: Connection;
let accountIds: string[];

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ port: 0, accounts: 4, seed: 7 });
  conn = new Connection({
    instanceUrl: emulator.url,
    accessToken: emulator.issueAccessToken(),
    version: '68.0',
  });
  accountIds = [...emulator.state.tables.Account.keys()];
});
afterEach(() => emulator.close());

const scores = (ids: readonly string[]) => ids.map((Id, i) => ({ Id, ripe__Score__c: 60 + i }));

describe('sObject collections', () => {
  it('updates through jsforce with the documented per-record results [{id, success, errors}]', async () => {
    const results = await conn.sobject('Account').update(scores(accountIds));
    // Documented example: [{"id": "001RM000003oLnnYAE", "success": true, "errors": []}, ...]
    expect(results).toStrictEqual(accountIds.map((id) => ({ id, success: true, errors: [] })));
    expect(emulator.state.tables.Account.get(accountIds[1] ?? '')?.ripe__Score__c).toBe(61);
  });

  it('fails only the locked and the rejected records when allOrNone is false', async () => {
    const [locked = '', rejected = '', ...others] = accountIds;
    emulator.faults.lockRows([locked]);
    emulator.faults.rejectByValidationRule([rejected]);
    const results = await conn.sobject('Account').update(scores(accountIds));
    expect(results.slice(0, 2)).toStrictEqual([
      {
        id: locked,
        success: false,
        errors: [
          {
            statusCode: 'UNABLE_TO_LOCK_ROW',
            message: 'unable to obtain exclusive access to this record',
            fields: [],
          },
        ],
      },
      {
        id: rejected,
        success: false,
        errors: [
          { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: defaultValidationMessage, fields: [] },
        ],
      },
    ]);
    expect(results.slice(2).every((r) => r.success)).toBe(true);
    expect(others.map((id) => emulator.state.tables.Account.get(id)?.ripe__Score__c)).toStrictEqual([62, 63]);
    expect(emulator.state.tables.Account.get(locked)?.ripe__Score__c).toBeUndefined();
  });

  it('rolls every record back when allOrNone is true and one fails', async () => {
    emulator.faults.rejectByValidationRule([accountIds[0] ?? '']);
    const results = await conn.sobject('Account').update(scores(accountIds), { allOrNone: true });
    expect(results.slice(1).map((r) => r.errors)).toStrictEqual(
      accountIds.slice(1).map(() => [
        {
          statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
          message:
            'Record rolled back because not all records were valid and the request was using AllOrNone header',
          fields: [],
        },
      ]),
    );
    expect(accountIds.map((id) => emulator.state.tables.Account.get(id)?.ripe__Score__c)).toStrictEqual(
      accountIds.map(() => undefined),
    );
  });

  it('creates, then upserts by external id: created true, then false on the same record', async () => {
    const task = { Subject: 'Expansion ready', WhatId: accountIds[0], ripe__Idempotency_Key__c: 'k-1' };
    const [created] = await conn.sobject('Task').upsert([task], 'ripe__Idempotency_Key__c');
    expect(created).toMatchObject({ success: true, created: true, errors: [] });
    const [again] = await conn
      .sobject('Task')
      .upsert([{ ...task, Subject: 'Still ready' }], 'ripe__Idempotency_Key__c');
    expect(again).toStrictEqual({ id: created?.id, success: true, errors: [], created: false });
    const [inserted] = await conn
      .sobject('Contact')
      .create([{ LastName: 'Okafor', AccountId: accountIds[0] }]);
    expect(inserted).toMatchObject({ success: true, errors: [] });
    expect(String(inserted?.id)).toMatch(/^003/);
  });

  it('refuses more than 200 records in one call', async () => {
    const response = await fetch(`${emulator.url}${v}/composite/sobjects`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${emulator.issueAccessToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        allOrNone: false,
        records: Array.from({ length: 201 }, () => ({ attributes: { type: 'Account' } })),
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject([{ errorCode: 'EXCEEDED_ID_LIMIT' }]);
  });
});

describe('describe and the package fault', () => {
  const ripeFields = async () =>
    (await conn.sobject('Account').describe()).fields
      .map((f) => f.name)
      .filter((name) => name.startsWith('ripe__'));

  it('lists the ripe__*__c fields while the package is installed, none once it is not', async () => {
    expect(await ripeFields()).toContain('ripe__Score__c');
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).toContain('ripe__Expansion_Snapshot__c');
    expect(names).toEqual(expect.arrayContaining(['Account', 'Contact', 'Task', 'Event', 'EmailMessage']));
    emulator.faults.uninstallPackage();
    expect(await ripeFields()).toStrictEqual([]);
    const without = (await conn.describeGlobal()).sobjects.map((s) => s.name);
    expect(without).toStrictEqual(names.filter((name) => name !== 'ripe__Expansion_Snapshot__c'));
    await expect(conn.query('SELECT Id, ripe__Score__c FROM Account')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    const [result] = await conn.sobject('Account').update([{ Id: accountIds[0] ?? '', ripe__Score__c: 1 }]);
    expect(result?.errors).toMatchObject([{ statusCode: 'INVALID_FIELD', fields: ['ripe__Score__c'] }]);
  });
});
