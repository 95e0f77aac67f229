import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce-emulator.ts';

const v = '/services/data/v68.0';
let emulator: SalesforceEmulator;
let token: string;

const get = async (path: string) => {
  const response = await fetch(`${emulator.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
};
const soql = (query: string) => get(`${v}/query?q=${encodeURIComponent(query)}`);

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ port: 0, accounts: 90, seed: 7 });
  token = emulator.issueAccessToken();
});
afterAll(() => emulator.close());

describe('query and queryMore', () => {
  it('answers in the documented shape: totalSize, done, records with attributes {type, url}', async () => {
    // Documented example (REST API Developer Guide, Query): {"totalSize": 3222, "done": false,
    // "nextRecordsUrl": "/services/data/v68.0/query/01gRO0000016PIAYA2-500", "records": [{"attributes":
    // {"type": "Contact", "url": "/services/data/v56.0/sobjects/Contact/003RO0000035WQgYAM"}, "Id": ..., "Name": ...}]}
    const { status, body } = await soql("SELECT Id, Name FROM Contact WHERE Name LIKE 'a%' LIMIT 1");
    expect(status).toBe(200);
    const page = body as { totalSize: number; done: boolean; records: Record<string, unknown>[] };
    expect(Object.keys(page)).toStrictEqual(['totalSize', 'done', 'records']);
    const [record] = page.records;
    expect(Object.keys(record ?? {})).toStrictEqual(['attributes', 'Id', 'Name']);
    expect(record?.attributes).toStrictEqual({
      type: 'Contact',
      url: `${v}/sobjects/Contact/${String(record?.Id)}`,
    });
    expect(String(record?.Id)).toMatch(/^003\w{15}$/);
  });

  it('pages by 2,000 with nextRecordsUrl until done, through jsforce queryMore', async () => {
    const conn = new jsforce.Connection({ instanceUrl: emulator.url, accessToken: token, version: '68.0' });
    const total = emulator.state.tables.EmailMessage.size;
    expect(total).toBeGreaterThan(2_000);
    const first = await conn.query<{ Id: string }>('SELECT Id FROM EmailMessage ORDER BY CreatedDate');
    expect(first).toMatchObject({ totalSize: total, done: false });
    expect(first.records).toHaveLength(2_000);
    // jsforce resolves the URL against the instance; the raw answer is relative, as documented.
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v68\.0\/query\/01g\w+-2000$/);
    const raw = (await soql('SELECT Id FROM EmailMessage')).body as { nextRecordsUrl: string };
    expect(raw.nextRecordsUrl).toMatch(/^\/services\/data\/v68\.0\/query\/01g\w+-2000$/);
    const second = (await get(raw.nextRecordsUrl)).body as { totalSize: number; records: unknown[] };
    expect(second).toMatchObject({ totalSize: total, done: total <= 4_000 });
    expect(second.records).toHaveLength(Math.min(2_000, total - 2_000));
    const ids = first.records.map((r) => r.Id);
    let next = first.nextRecordsUrl;
    while (next) {
      const more = await conn.queryMore<{ Id: string }>(next);
      ids.push(...more.records.map((r) => r.Id));
      next = more.done ? undefined : more.nextRecordsUrl;
    }
    expect(new Set(ids).size).toBe(total);
  });

  it('filters with AND/OR in parentheses, IN, datetime literals on SystemModstamp, and orders by several fields', async () => {
    const { body } = await soql(
      "SELECT Id, StageName, Amount, SystemModstamp FROM Opportunity WHERE (StageName = 'Closed Won' OR StageName IN ('Prospecting')) AND SystemModstamp >= 2026-01-01T00:00:00Z AND Amount > 0 ORDER BY StageName DESC, Amount ASC, Id",
    );
    const records = (body as { records: { StageName: string; Amount: number; SystemModstamp: string }[] })
      .records;
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(['Closed Won', 'Prospecting']).toContain(r.StageName);
      expect(Date.parse(r.SystemModstamp.replace('+0000', 'Z'))).toBeGreaterThanOrEqual(
        Date.parse('2026-01-01T00:00:00Z'),
      );
    }
    const keys = records.map((r) => [r.StageName, r.Amount] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? 1 : -1));
    expect(keys).toStrictEqual(sorted);
  });

  it('counts what it filters exactly: every Closed Won opportunity, none else', async () => {
    const all = [...emulator.state.tables.Opportunity.values()];
    const { body } = await soql("SELECT Id FROM Opportunity WHERE StageName = 'closed won'");
    expect((body as { totalSize: number }).totalSize).toBe(
      all.filter((r) => r.StageName === 'Closed Won').length,
    );
  });

  it.each([
    ['an aggregate', 'SELECT COUNT() FROM Account'],
    ['GROUP BY', 'SELECT Industry FROM Account GROUP BY Industry'],
    ['a relationship field', 'SELECT Id, Account.Name FROM Contact'],
    ['a subquery', 'SELECT Id, (SELECT Id FROM Contacts) FROM Account'],
    ['a date literal', 'SELECT Id FROM Task WHERE CreatedDate = LAST_N_DAYS:180'],
    [
      'AND beside OR without parentheses',
      "SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'",
    ],
    ['OFFSET', 'SELECT Id FROM Account LIMIT 10 OFFSET 5'],
    ['broken syntax', 'SELECT FROM Account'],
  ])('refuses %s with MALFORMED_QUERY instead of a wrong answer', async (_case, query) => {
    const { status, body } = await soql(query);
    expect(status).toBe(400);
    expect(body).toStrictEqual([{ message: expect.any(String), errorCode: 'MALFORMED_QUERY' }]);
  });

  it('names an unknown field INVALID_FIELD and an unknown object INVALID_TYPE', async () => {
    expect((await soql('SELECT Nope__c FROM Account')).body).toStrictEqual([
      {
        message: expect.stringContaining("No such column 'Nope__c' on entity 'Account'"),
        errorCode: 'INVALID_FIELD',
      },
    ]);
    expect((await soql('SELECT Id FROM Nope__c')).body).toStrictEqual([
      {
        message: expect.stringContaining("sObject type 'Nope__c' is not supported"),
        errorCode: 'INVALID_TYPE',
      },
    ]);
  });
});

describe('semi-joins', () => {
  it('answers `field IN (SELECT one field FROM …)` with the inner query’s values, as SOQL does', async () => {
    const conn = new jsforce.Connection({ instanceUrl: emulator.url, accessToken: token, version: '68.0' });
    const [accountId = ''] = emulator.state.tables.Account.keys();
    const opportunities = [...emulator.state.tables.Opportunity.values()].filter(
      (o) => o.AccountId === accountId,
    );
    const expected = [...emulator.state.tables.OpportunityHistory.values()].filter((h) =>
      opportunities.some((o) => o.Id === h.OpportunityId),
    );
    const result = await conn.query<{ Id: string }>(
      `SELECT Id FROM OpportunityHistory WHERE OpportunityId IN (SELECT Id FROM Opportunity WHERE AccountId = '${accountId}')`,
    );
    expect(result.records.map((r) => r.Id).sort()).toStrictEqual(expected.map((h) => String(h.Id)).sort());
    expect(expected.length).toBeGreaterThan(0);
    await expect(
      conn.query(
        `SELECT Id FROM OpportunityHistory WHERE OpportunityId IN (SELECT Id, Name FROM Opportunity)`,
      ),
    ).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });
});
