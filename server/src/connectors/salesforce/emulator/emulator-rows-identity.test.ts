import { Connection } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce-emulator.ts';

let emulator: SalesforceEmulator;
let conn: Connection;

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ port: 0, accounts: 2, seed: 9 });
  conn = new Connection({
    instanceUrl: emulator.url,
    accessToken: emulator.issueAccessToken(),
    version: '68.0',
  });
});
afterEach(() => emulator.close());

describe('sObject rows through jsforce', () => {
  it('creates, reads, updates and deletes a record with the documented answers', async () => {
    // Documented: create answers 201 {"id": "001D000000IqhSLIAZ", "errors": [], "success": true}.
    const created = await conn.sobject('Account').create({ Name: 'Acme', Segment__c: 'smb' });
    expect(created).toStrictEqual({ id: expect.stringMatching(/^001\w{15}$/), success: true, errors: [] });
    const id = created.success ? created.id : '';
    const read = await conn.sobject('Account').retrieve(id);
    expect(read).toMatchObject({ attributes: { type: 'Account' }, Id: id, Name: 'Acme', Segment__c: 'smb' });
    await conn.sobject('Account').update({ Id: id, Name: 'Acme Corp' });
    expect(emulator.state.tables.Account.get(id)?.Name).toBe('Acme Corp');
    await conn.sobject('Account').destroy(id);
    await expect(conn.sobject('Account').retrieve(id)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('upserts by external id: created once, then updated in place', async () => {
    const [accountId = ''] = emulator.state.tables.Account.keys();
    const task = {
      WhatId: accountId,
      Subject: 'Call about seats',
      ripe__Idempotency_Key__c: 'acc:2026-06-01',
    };
    const first = await conn.sobject('Task').upsert(task, 'ripe__Idempotency_Key__c');
    const second = await conn
      .sobject('Task')
      .upsert({ ...task, Subject: 'Call about 25 seats' }, 'ripe__Idempotency_Key__c');
    expect(first).toMatchObject({ success: true, created: true });
    expect(second).toMatchObject({ success: true, created: false, id: first.id });
    const tasks = [...emulator.state.tables.Task.values()].filter(
      (t) => t.ripe__Idempotency_Key__c === 'acc:2026-06-01',
    );
    expect(tasks).toMatchObject([{ Subject: 'Call about 25 seats', Status: 'Not Started' }]);
  });

  it('a validation rule refuses a row with its message and field list', async () => {
    const [accountId = ''] = emulator.state.tables.Account.keys();
    emulator.faults.rejectByValidationRule([accountId], 'Seats must be set');
    // A single row answers 400 with Salesforce's error list [{message, errorCode, fields}].
    await expect(conn.sobject('Account').update({ Id: accountId, Name: 'x' })).rejects.toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      data: { message: 'Seats must be set', fields: [] },
    });
  });
});

describe('identity', () => {
  it("answers jsforce's identity(): the user and the org the token acts for", async () => {
    const identity = await conn.identity();
    expect(identity).toMatchObject({
      user_id: emulator.oauth.userId,
      organization_id: emulator.oauth.orgId,
      id: `${emulator.url}/id/${emulator.oauth.orgId}/${emulator.oauth.userId}`,
    });
  });
});
