import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce-emulator.ts';

let emulator: SalesforceEmulator;
let conn: Connection;

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, accounts: 12, seed: 4, usageDays: 60 });
  conn = new Connection({
    instanceUrl: emulator.url,
    accessToken: emulator.issueAccessToken(),
    version: '68.0',
  });
  conn.bulk2.pollInterval = 10;
});
afterAll(() => emulator.close());

describe('Bulk API 2.0 through jsforce', () => {
  it('a query job answers every record in CSV, paged by Sforce-Locator', async () => {
    const total = emulator.state.tables.Product_Usage__c.size;
    const records = (await (
      await conn.bulk2.query('SELECT Id, Account__c, Usage_Date__c, Seats_Used__c FROM Product_Usage__c')
    ).toArray()) as Record<string, string>[];
    expect(records).toHaveLength(total);
    expect(Object.keys(records[0] ?? {})).toStrictEqual([
      'Id',
      'Account__c',
      'Usage_Date__c',
      'Seats_Used__c',
    ]);
    expect(new Set(records.map((r) => r.Id)).size).toBe(total);
  });

  it('pages results by maxRecords with the documented headers', async () => {
    const token = emulator.issueAccessToken();
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${emulator.url}/services/data/v68.0${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const job = (await (
      await call('/jobs/query', {
        method: 'POST',
        body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Account' }),
      })
    ).json()) as { id: string; state: string };
    expect(job).toMatchObject({ id: expect.stringMatching(/^750\w{15}$/), state: 'UploadComplete' });
    expect(await (await call(`/jobs/query/${job.id}`)).json()).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 12,
    });
    const first = await call(`/jobs/query/${job.id}/results?maxRecords=5`);
    expect(first.headers.get('sforce-numberofrecords')).toBe('5');
    const locator = first.headers.get('sforce-locator') ?? 'null';
    expect((await first.text()).trim().split('\n')).toHaveLength(6);
    const rest = await call(`/jobs/query/${job.id}/results?locator=${locator}&maxRecords=50`);
    expect(rest.headers.get('sforce-locator')).toBe('null');
    expect(rest.headers.get('sforce-numberofrecords')).toBe('7');
  });

  it('an ingest job updates the records and reports each refused one with its error', async () => {
    const [ok = '', refused = ''] = [...emulator.state.tables.Account.keys()];
    emulator.faults.rejectByValidationRule([refused], 'Seats must be set');
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'update',
      input: [
        { Id: ok, ripe__Score__c: 71 },
        { Id: refused, ripe__Score__c: 72 },
      ],
      pollInterval: 10,
    });
    expect(results.successfulResults).toMatchObject([{ sf__Id: ok, sf__Created: 'false' }]);
    expect(results.failedResults).toMatchObject([
      { sf__Id: refused, sf__Error: 'FIELD_CUSTOM_VALIDATION_EXCEPTION:Seats must be set:' },
    ]);
    expect(emulator.state.tables.Account.get(ok)?.ripe__Score__c).toBe(71);
  });

  it('an empty cell leaves a field as it is; #N/A sets it to null (Valid CSV Record Rows)', async () => {
    const [id = ''] = [...emulator.state.tables.Account.keys()];
    const account = emulator.state.tables.Account.get(id);
    if (!account) throw new Error('no account');
    Object.assign(account, { ripe__Score__c: 50, ripe__Motion__c: 'seats' });
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'update',
      input: `Id,ripe__Score__c,ripe__Motion__c\n${id},,#N/A\n`,
      pollInterval: 10,
    });
    expect(results.failedResults).toStrictEqual([]);
    const after = emulator.state.tables.Account.get(id);
    expect(after?.ripe__Score__c).toBe(50);
    expect(after?.ripe__Motion__c).toBeNull();
  });

  it('a header naming a field the org lacks fails the job, every record unprocessed', async () => {
    const [id = ''] = [...emulator.state.tables.Account.keys()];
    const job = conn.bulk2.createJob({ object: 'Account', operation: 'update' });
    await job.open();
    await job.uploadData(`Id,No_Such_Field__c\n${id},1\n`);
    await job.close();
    expect(await job.check()).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : No_Such_Field__c',
    });
    expect(await job.getUnprocessedRecords()).toStrictEqual([{ Id: id, No_Such_Field__c: '1' }]);
    expect(await job.getFailedResults()).toStrictEqual([]);
  });
});
