import { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { getJson, postJson, useEmulator } from './emulator-test-kit.ts';

const ripeGroup = { name: 'ripe', label: 'Ripe', displayOrder: -1 };
const readiness = {
  name: 'ripe_readiness',
  label: 'Ripe readiness',
  type: 'number',
  fieldType: 'number',
  groupName: 'ripe',
};

describe('HubSpot emulator properties and groups', () => {
  const start = useEmulator();

  it('creates a group and a property once through the client; a second create answers 409', async () => {
    const emulator = await start({ accounts: 0 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const group = await client.crm.properties.groupsApi.create('companies', ripeGroup);
    expect(group).toMatchObject({ name: 'ripe', label: 'Ripe', archived: false });
    const again = await postJson(emulator, '/crm/v3/properties/companies/groups', accessToken, ripeGroup);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 'error', category: 'OBJECT_ALREADY_EXISTS' });
    const created = await postJson(emulator, '/crm/v3/properties/companies', accessToken, readiness);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...readiness, options: [], hidden: false, archived: false });
    const duplicate = await postJson(emulator, '/crm/v3/properties/companies', accessToken, readiness);
    expect(duplicate.status).toBe(409);
    const listed = await client.crm.properties.coreApi.getAll('companies');
    expect(listed.results.map((p) => p.name)).toContain('ripe_readiness');
  });

  it('a missing property group: reads 404 and a property create in it answers 400', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken } = emulator.issueAccessToken();
    emulator.faults.missingPropertyGroups.push({ objectType: 'companies', name: 'product_usage' });
    expect(
      (await getJson(emulator, '/crm/v3/properties/companies/groups/product_usage', accessToken)).status,
    ).toBe(404);
    const create = await postJson(emulator, '/crm/v3/properties/companies', accessToken, {
      ...readiness,
      name: 'x_y',
      groupName: 'product_usage',
    });
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({ category: 'VALIDATION_ERROR' });
  });
});
