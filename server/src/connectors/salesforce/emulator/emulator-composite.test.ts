import { Connection } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce-emulator.ts';

const v = '/services/data/v68.0';
let emulator: SalesforceEmulator;
let conn: Connection;
let accountIds: string[];

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ port: 0, accounts: 3, seed: 5 });
  conn = new Connection({
    instanceUrl: emulator.url,
    accessToken: emulator.issueAccessToken(),
    version: '68.0',
  });
  accountIds = [...emulator.state.tables.Account.keys()];
});
afterEach(() => emulator.close());

const composite = (compositeRequest: unknown[]) =>
  conn.request<{
    compositeResponse: { body: unknown; httpHeaders: object; httpStatusCode: number; referenceId: string }[];
  }>(
    {
      method: 'POST',
      url: `${v}/composite`,
      body: JSON.stringify({ allOrNone: false, compositeRequest }),
      headers: { 'content-type': 'application/json' },
    },
    { retry: { maxRetries: 0 } },
  );

describe('composite', () => {
  it('answers each subrequest in the documented shape {body, httpHeaders, httpStatusCode, referenceId}, one API call', async () => {
    // Documented example (REST API Developer Guide, Composite): {"compositeResponse": [{"body": {...},
    // "httpHeaders": {...}, "httpStatusCode": 201, "referenceId": "refAccount"}, ...]}
    const used = emulator.state.apiUsage.used;
    const answer = await composite([
      {
        method: 'PATCH',
        url: `${v}/composite/sobjects`,
        referenceId: 'accounts',
        body: {
          allOrNone: false,
          records: accountIds.map((Id) => ({ attributes: { type: 'Account' }, Id, ripe__Score__c: 70 })),
        },
      },
      {
        method: 'PATCH',
        url: `${v}/composite/sobjects/Task/ripe__Idempotency_Key__c`,
        referenceId: 'tasks',
        body: {
          allOrNone: false,
          records: [
            {
              attributes: { type: 'Task' },
              ripe__Idempotency_Key__c: 'k1',
              WhatId: accountIds[0],
              Subject: 'Call',
            },
          ],
        },
      },
      { method: 'GET', url: `${v}/sobjects/Account/describe`, referenceId: 'describe' },
    ]);
    expect(emulator.state.apiUsage.used).toBe(used + 1);
    const [accounts, tasks, describe] = answer.compositeResponse;
    expect(Object.keys(accounts ?? {}).sort()).toStrictEqual([
      'body',
      'httpHeaders',
      'httpStatusCode',
      'referenceId',
    ]);
    expect(accounts).toMatchObject({ httpStatusCode: 200, referenceId: 'accounts' });
    expect(accounts?.body).toStrictEqual(accountIds.map((id) => ({ id, success: true, errors: [] })));
    expect(tasks?.body).toMatchObject([{ success: true, created: true }]);
    expect(describe).toMatchObject({ httpStatusCode: 200, body: { name: 'Account' } });
    const task = [...emulator.state.tables.Task.values()].find((t) => t.ripe__Idempotency_Key__c === 'k1');
    // The org's default picklist values fill what a create leaves out.
    expect(task).toMatchObject({ Status: 'Not Started', Priority: 'Normal', Subject: 'Call' });
  });

  it('refuses more than 5 collections in one call, and a subrequest it does not serve is a 404 inside the answer', async () => {
    const collection = {
      method: 'POST',
      url: `${v}/composite/sobjects`,
      body: { allOrNone: false, records: [] },
    };
    await expect(
      composite(Array.from({ length: 6 }, (_, i) => ({ ...collection, referenceId: `c${i}` }))),
    ).rejects.toMatchObject({ errorCode: 'INVALID_BATCH_REQUEST' });
    const answer = await composite([
      { method: 'DELETE', url: `${v}/sobjects/Account/${accountIds[0]}`, referenceId: 'del' },
    ]);
    expect(answer.compositeResponse[0]).toMatchObject({
      httpStatusCode: 404,
      body: [{ errorCode: 'NOT_FOUND' }],
    });
  });
});

describe('the URI cap', () => {
  it('answers 414 past 16,384 bytes of URI and 431 when the URI and headers together pass it, as documented', async () => {
    const soql = (n: number) =>
      `SELECT Id FROM Account WHERE Id IN (${Array.from({ length: n }, () => `'${accountIds[0]}'`).join(',')})`;
    await expect(conn.query(soql(700))).rejects.toMatchObject({ errorCode: 'URI_TOO_LONG' });
    // A URI just under the cap alone (within 100 bytes of it), over it with the headers.
    // As the request line carries it (the URL parser escapes what encodeURIComponent leaves, such as quotes).
    const url = (n: number) => {
      const parsed = new URL(`${v}/query?q=${encodeURIComponent(soql(n))}`, emulator.url);
      return `${parsed.pathname}${parsed.search}`;
    };
    let n = 500;
    while (Buffer.byteLength(url(n + 1)) <= 16_384) n += 1;
    expect(Buffer.byteLength(url(n))).toBeGreaterThan(16_384 - 100);
    const response = await fetch(`${emulator.url}${url(n)}`, {
      headers: { authorization: `Bearer ${emulator.issueAccessToken()}` },
    });
    expect(response.status).toBe(431);
    expect(await response.json()).toStrictEqual([
      { message: 'Request Header Fields Too Large', errorCode: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },
    ]);
    await expect(conn.query(soql(500))).resolves.toMatchObject({ totalSize: 1 });
  });
});
