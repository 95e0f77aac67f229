import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { describe, expect, it } from 'vitest';
import { insertRecord } from './portal-records.ts';
import { postJson, getJson, useEmulator } from './emulator-test-kit.ts';

describe('HubSpot emulator CRM objects', () => {
  const start = useEmulator();

  it('searches companies through the official client with filters, a sort and after cursors', async () => {
    const emulator = await start({ accounts: 5 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const request = {
      filterGroups: [
        { filters: [{ propertyName: 'lifecyclestage', operator: FilterOperatorEnum.Eq, value: 'customer' }] },
      ],
      sorts: ['hs_object_id'],
      properties: ['name', 'seats_licensed'],
      limit: 2,
    };
    const first = await client.crm.companies.searchApi.doSearch(request);
    expect(first.total).toBe(5);
    expect(first.results).toHaveLength(2);
    expect(first.paging?.next?.after).toBe('2');
    const ids = [...first.results.map((r) => r.id)];
    let after = first.paging?.next?.after;
    while (after) {
      const page = await client.crm.companies.searchApi.doSearch({ ...request, after });
      ids.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    }
    expect(new Set(ids).size).toBe(5);
    const numeric = await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, {
      filterGroups: [
        {
          filters: [
            { propertyName: 'seats_licensed', operator: 'GT', value: '0' },
            { propertyName: 'domain', operator: 'HAS_PROPERTY' },
          ],
        },
      ],
      sorts: [{ propertyName: 'seats_licensed', direction: 'DESCENDING' }],
      properties: ['seats_licensed'],
      limit: 200,
    });
    const seats = (numeric.body.results as { properties: { seats_licensed: string } }[]).map((r) =>
      Number(r.properties.seats_licensed),
    );
    expect(seats).toStrictEqual([...seats].sort((a, b) => b - a));
    const inIds = await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, {
      filterGroups: [
        { filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: ids.slice(0, 2) }] },
      ],
    });
    expect(inIds.body.total).toBe(2);
  });

  it('answers with the documented search shape, refuses limit > 200 and stops at the 10,000-result cap', async () => {
    const emulator = await start({ accounts: 0 });
    for (let i = 0; i < 10_050; i += 1)
      insertRecord(emulator.state, 'companies', { name: `Co ${i}` }, '2026-06-30T06:00:00.000Z');
    const { accessToken } = emulator.issueAccessToken();
    const page = await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, {
      limit: 200,
      after: '9800',
    });
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(10_050);
    expect(Object.keys((page.body.results as object[])[0] ?? {}).sort()).toStrictEqual([
      'archived',
      'createdAt',
      'id',
      'properties',
      'updatedAt',
    ]);
    expect(page.body.paging).toBeUndefined();
    const beyond = await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, {
      limit: 200,
      after: '10000',
    });
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const tooMany = await postJson(emulator, '/crm/v3/objects/companies/search', accessToken, { limit: 201 });
    expect(tooMany.status).toBe(400);
  });

  it('batch reads, updates and upserts through the client; 207 with errors for missing ids; 400 past 100 inputs', async () => {
    const emulator = await start({ accounts: 2 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const [firstId = '', secondId = ''] = [...emulator.state.records.companies.keys()];
    const read = await client.crm.companies.batchApi.read({
      inputs: [{ id: firstId }, { id: secondId }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(read.status).toBe('COMPLETE');
    expect(read.results.map((r) => r.id).sort()).toStrictEqual([firstId, secondId].sort());
    const updated = await client.crm.companies.batchApi.update({
      inputs: [{ id: firstId, properties: { annualrevenue: '1000' } }],
    });
    expect(updated.results[0]?.properties.annualrevenue).toBe('1000');
    const upsert = await postJson(emulator, '/crm/v3/objects/companies/batch/upsert', accessToken, {
      inputs: [{ id: 'acme.example', idProperty: 'domain', properties: { name: 'Acme' } }],
    });
    expect(upsert.status).toBe(200);
    expect((upsert.body.results as { new: boolean }[])[0]?.new).toBe(true);
    const partial = await postJson(emulator, '/crm/v3/objects/companies/batch/read', accessToken, {
      inputs: [{ id: firstId }, { id: '999' }],
      properties: [],
    });
    expect(partial.status).toBe(207);
    expect(partial.body).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }],
    });
    expect(typeof partial.body.startedAt).toBe('string');
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i) }));
    expect(
      (await postJson(emulator, '/crm/v3/objects/companies/batch/read', accessToken, { inputs })).status,
    ).toBe(400);
    const one = await getJson(
      emulator,
      `/crm/v3/objects/companies/${firstId}?properties=name,annualrevenue`,
      accessToken,
    );
    expect(one.body).toMatchObject({ id: firstId, properties: { annualrevenue: '1000' } });
  });

  it('answers a batch update with the documented example keys (legacy update-companies reference)', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken } = emulator.issueAccessToken();
    const [id = ''] = [...emulator.state.records.companies.keys()];
    // Documented: {"completedAt", "results": [{"archived": false, "createdAt", "id": "512", "properties": {...},
    // "updatedAt"}], "startedAt", "status"} (requestedAt and links are optional).
    const response = await postJson(emulator, '/crm/v3/objects/companies/batch/update', accessToken, {
      inputs: [{ id, properties: { annualrevenue: '17' } }],
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toStrictEqual([
      'completedAt',
      'results',
      'startedAt',
      'status',
    ]);
    const [result] = response.body.results as Record<string, unknown>[];
    expect(Object.keys(result ?? {}).sort()).toStrictEqual([
      'archived',
      'createdAt',
      'id',
      'properties',
      'updatedAt',
    ]);
    expect(result).toMatchObject({ id, archived: false, properties: { annualrevenue: '17' } });
  });
});
