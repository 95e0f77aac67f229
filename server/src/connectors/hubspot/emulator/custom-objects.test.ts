import { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { createPortal } from './hubspot-emulator.ts';
import { getJson, postJson, useEmulator } from './emulator-test-kit.ts';
import { usageDateProperty, usageObjectName } from './usage-object.seed.ts';
import { associatedIds } from './portal-state.ts';

// The request of HubSpot's "Create a new schema" reference (POST /crm-object-schemas/v3/schemas), as documented.
const documentedEgg = {
  name: 'my_object',
  labels: { singular: 'My object', plural: 'My objects' },
  primaryDisplayProperty: 'my_object_property',
  requiredProperties: ['my_object_property'],
  properties: [{ name: 'my_object_property', label: 'My object property', isPrimaryDisplayLabel: true }],
  associatedObjects: ['CONTACT'],
  metaType: 'PORTAL_SPECIFIC',
};

const usageEgg = {
  name: 'usage_day',
  labels: { singular: 'Usage day', plural: 'Usage days' },
  primaryDisplayProperty: 'usage_key',
  requiredProperties: ['usage_key'],
  properties: [
    { name: 'usage_key', label: 'Key' },
    { name: 'usage_date', label: 'Date', type: 'date', fieldType: 'date' },
    { name: 'seats', label: 'Seats', type: 'number', fieldType: 'number' },
  ],
  associatedObjects: ['COMPANY'],
};

describe('HubSpot emulator custom objects', () => {
  const start = useEmulator();

  it('creates a schema and answers it in the documented shape, on every schemas path', async () => {
    const emulator = await start({ accounts: 0 });
    const { accessToken } = emulator.issueAccessToken();
    const created = await postJson(emulator, '/crm-object-schemas/v3/schemas', accessToken, documentedEgg);
    expect(created.status).toBe(201);
    const schema = created.body;
    const id = String(schema.id);
    // The documented answer: id, `2-{id}`, `p{portalId}_{name}`, the property with its defaults, one association.
    expect(schema).toMatchObject({
      objectTypeId: `2-${id}`,
      name: 'my_object',
      fullyQualifiedName: `p${emulator.state.hubId}_my_object`,
      labels: { singular: 'My object', plural: 'My objects' },
      primaryDisplayProperty: 'my_object_property',
      requiredProperties: ['my_object_property'],
      searchableProperties: ['my_object_property'],
      metaType: 'PORTAL_SPECIFIC',
      properties: [
        {
          name: 'my_object_property',
          label: 'My object property',
          type: 'string',
          fieldType: 'text',
          groupName: 'my_object_information',
          displayOrder: -1,
          calculated: false,
          externalOptions: false,
          archived: false,
          hasUniqueValue: false,
        },
      ],
      associations: [
        {
          fromObjectTypeId: `2-${id}`,
          toObjectTypeId: '0-1',
          name: 'my_object_to_contact',
        },
      ],
    });
    expect(typeof (schema.associations as { id: unknown }[])[0]?.id).toBe('string');
    for (const path of [
      '/crm-object-schemas/v3/schemas',
      '/crm/v3/schemas',
      '/crm-object-schemas/2026-03/schemas',
    ]) {
      const list = await getJson(emulator, path, accessToken);
      expect(list.status).toBe(200);
      expect(list.body.results).toStrictEqual([schema]);
    }
    for (const name of [`2-${id}`, `p${emulator.state.hubId}_my_object`]) {
      const one = await getJson(emulator, `/crm-object-schemas/2026-03/schemas/${name}`, accessToken);
      expect(one.body).toStrictEqual(schema);
    }
    const missing = await getJson(emulator, '/crm-object-schemas/v3/schemas/2-999', accessToken);
    expect(missing.status).toBe(404);
    const again = await postJson(emulator, '/crm/v3/schemas', accessToken, documentedEgg);
    expect(again.status).toBe(409);
    const bad = await postJson(emulator, '/crm/v3/schemas', accessToken, {
      ...documentedEgg,
      name: 'other',
      requiredProperties: ['nope'],
    });
    expect(bad.status).toBe(400);
    const anonymous = await fetch(`${emulator.url}/crm-object-schemas/v3/schemas`);
    expect(anonymous.status).toBe(401);
  });

  it('lists the schemas through @hubspot/api-client', async () => {
    const emulator = await start({ accounts: 0 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const created = await client.crm.schemas.coreApi.create(documentedEgg as never);
    const all = await client.crm.schemas.coreApi.getAll();
    expect(all.results.map((schema) => schema.objectTypeId)).toStrictEqual([created.objectTypeId]);
    expect(all.results[0]?.associations[0]?.toObjectTypeId).toBe('0-1');
  });

  it('serves the records of a custom object through the object, search and v4 association routes', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const [companyId = ''] = [...emulator.state.records.companies.keys()];
    const schema = (await postJson(emulator, '/crm-object-schemas/v3/schemas', accessToken, usageEgg)).body;
    const objectTypeId = String(schema.objectTypeId);
    const fullyQualifiedName = String(schema.fullyQualifiedName);
    // The schema's association type from the custom object, and the one back from companies.
    const labels = await getJson(
      emulator,
      `/crm/v4/associations/companies/${objectTypeId}/labels`,
      accessToken,
    );
    const [fromCompany] = labels.body.results as { category: string; typeId: number; label: string | null }[];
    expect(fromCompany).toMatchObject({ category: 'USER_DEFINED', label: null });
    const toCompany = Number((schema.associations as { id: string }[])[0]?.id);
    expect(fromCompany?.typeId).not.toBe(toCompany);

    const created = await postJson(emulator, `/crm/v3/objects/${objectTypeId}/batch/create`, accessToken, {
      inputs: ['2026-05-01', '2026-05-02'].map((day, index) => ({
        properties: { usage_key: `${companyId}:${day}`, usage_date: day, seats: 10 + index },
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'USER_DEFINED', associationTypeId: toCompany }],
          },
        ],
      })),
    });
    expect(created.status).toBe(201);
    const ids = (created.body.results as { id: string }[]).map((record) => record.id);
    expect(ids).toHaveLength(2);

    const read = await client.crm.objects.batchApi.read(fullyQualifiedName, {
      inputs: ids.map((id) => ({ id })),
      properties: ['usage_date', 'seats'],
      propertiesWithHistory: [],
    });
    expect(
      read.results
        .map((record) => record.properties)
        .sort((a, b) => String(a.usage_date).localeCompare(String(b.usage_date))),
    ).toStrictEqual([
      { usage_date: '2026-05-01', seats: '10' },
      { usage_date: '2026-05-02', seats: '11' },
    ]);
    const updated = await postJson(emulator, `/crm/v3/objects/${objectTypeId}/batch/update`, accessToken, {
      inputs: [{ id: ids[0], properties: { seats: 12 } }],
    });
    expect(updated.status).toBe(200);
    const notNumber = await postJson(emulator, `/crm/v3/objects/${objectTypeId}/batch/update`, accessToken, {
      inputs: [{ id: ids[0], properties: { seats: 'many' } }],
    });
    expect(notNumber.status).toBe(207);

    const found = await client.crm.objects.searchApi.doSearch(objectTypeId, {
      filterGroups: [{ filters: [{ propertyName: 'seats', operator: 'GTE' as never, value: '11' }] }],
      properties: ['seats'],
      limit: 10,
    });
    expect(found.results.map((record) => record.properties.seats).sort()).toStrictEqual(['11', '12']);

    // Both ways round, with the schema's types.
    const fromCompanies = await client.crm.associations.v4.batchApi.getPage('companies', objectTypeId, {
      inputs: [{ id: companyId }],
    });
    expect(fromCompanies.results[0]?.to.map((to) => String(to.toObjectId)).sort()).toStrictEqual(
      [...ids].sort(),
    );
    expect(fromCompanies.results[0]?.to[0]?.associationTypes).toEqual([
      { category: 'USER_DEFINED', typeId: fromCompany?.typeId, label: null },
    ]);
    const back = await client.crm.associations.v4.batchApi.getPage(objectTypeId, 'companies', {
      inputs: [{ id: ids[0] ?? '' }],
    });
    expect(back.results[0]?.to.map((to) => String(to.toObjectId))).toStrictEqual([companyId]);

    // The v4 batch create between a company and a record, answered with the object type ids.
    const third = await postJson(emulator, `/crm/v3/objects/${objectTypeId}`, accessToken, {
      properties: { usage_key: 'x', usage_date: '2026-05-03', seats: 3 },
    });
    const linked = await postJson(
      emulator,
      `/crm/v4/associations/companies/${objectTypeId}/batch/create`,
      accessToken,
      {
        inputs: [
          {
            from: { id: companyId },
            to: { id: third.body.id },
            types: [{ associationCategory: 'USER_DEFINED', associationTypeId: fromCompany?.typeId }],
          },
        ],
      },
    );
    expect(linked.status).toBe(201);
    expect(linked.body.results).toMatchObject([{ fromObjectTypeId: '0-2', toObjectTypeId: objectTypeId }]);
    expect(
      associatedIds(emulator.state, objectTypeId as `2-${number}`, String(third.body.id), 'companies').has(
        companyId,
      ),
    ).toBe(true);
  });

  it('seeds usage as one custom-object record a day per company when asked; the default seed has none', () => {
    const asOf = '2026-06-30';
    const plain = createPortal({ accounts: 2, seed: 7, asOf });
    expect(plain.schemas.size).toBe(0);
    const portal = createPortal({ accounts: 2, seed: 7, asOf, usage: 'custom_object', usageHistoryDays: 30 });
    const [schema] = [...portal.schemas.values()];
    expect(schema?.name).toBe(usageObjectName);
    const records = portal.records[schema?.objectTypeId ?? '2-0'] ?? new Map();
    for (const companyId of portal.records.companies.keys()) {
      const company = portal.records.companies.get(companyId);
      expect(Object.keys(company?.history ?? {}).filter((name) => name.startsWith('usage_'))).toStrictEqual(
        [],
      );
      const usage = [...associatedIds(portal, 'companies', companyId, schema?.objectTypeId ?? '2-0').keys()];
      expect(usage.length).toBeGreaterThan(0);
      expect(usage.length).toBeLessThanOrEqual(30);
      const days = usage.map((id) => records.get(id)?.properties[usageDateProperty]);
      expect(new Set(days).size).toBe(usage.length);
      expect(days.every((day) => day !== undefined && day > '2026-05-31' && day <= asOf)).toBe(true);
    }
  });
});
