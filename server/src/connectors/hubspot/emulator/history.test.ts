import { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { postJson, useEmulator } from './emulator-test-kit.ts';

describe('HubSpot emulator property history', () => {
  const start = useEmulator();

  it('answers propertiesWithHistory on batch read, newest first, for usage and the deal stage', async () => {
    const emulator = await start({ accounts: 2, usageHistoryDays: 30 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const [company] = [...emulator.state.records.companies.values()];
    const read = await client.crm.objects.batchApi.read('companies', {
      inputs: [{ id: company?.id ?? '' }],
      properties: ['usage_seats_used'],
      propertiesWithHistory: ['usage_seats_used'],
    });
    const versions = read.results[0]?.propertiesWithHistory?.usage_seats_used ?? [];
    expect(versions.length).toBeGreaterThan(0);
    expect(versions[0]?.value).toBe(read.results[0]?.properties.usage_seats_used);
    const times = versions.map((version) => version.timestamp.getTime());
    expect(times).toStrictEqual([...times].sort((a, b) => b - a));
    expect(times.at(-1)).toBeGreaterThanOrEqual(Date.parse('2026-05-31T22:00:00.000Z'));
    const deals = [...emulator.state.records.deals.values()].filter((deal) => deal.properties.closedate);
    const stages = await client.crm.objects.batchApi.read('deals', {
      inputs: deals.slice(0, 1).map((deal) => ({ id: deal.id })),
      properties: ['dealstage'],
      propertiesWithHistory: ['dealstage'],
    });
    expect(stages.results[0]?.propertiesWithHistory?.dealstage?.map((v) => v.value).at(-1)).toBe(
      'qualifiedtobuy',
    );
  });

  it('runs out of the daily allowance after n requests, and rejects a property with a rule message', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken } = emulator.issueAccessToken();
    const [company] = [...emulator.state.records.companies.values()];
    const id = company?.id ?? '';
    emulator.faults.rejectedProperties.push({
      objectType: 'companies',
      property: 'name',
      ids: [id],
      message: 'Name is locked during renewal',
    });
    const update = await postJson(emulator, '/crm/v3/objects/companies/batch/update', accessToken, {
      inputs: [{ id, properties: { name: 'Other' } }],
    });
    expect(update.status).toBe(207);
    expect(JSON.stringify(update.body.errors)).toContain('Name is locked during renewal');
    emulator.faults.dailyLimitAfterRequests = 1;
    const search = (body: object) =>
      postJson(emulator, '/crm/v3/objects/companies/search', accessToken, body).then((r) => r.status);
    expect([await search({}), await search({})]).toStrictEqual([200, 429]);
  });
});
