import { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { postJson, useEmulator } from './emulator-test-kit.ts';

describe('HubSpot emulator v4 associations and owners', () => {
  const start = useEmulator();

  it('batch reads the seeded company→contact associations with their types', async () => {
    const emulator = await start({ accounts: 2 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const companyIds = [...emulator.state.records.companies.keys()];
    const read = await client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
      inputs: companyIds.map((id) => ({ id })),
    });
    expect(read.status).toBe('COMPLETE');
    const [first] = read.results;
    expect(first?.to.length).toBeGreaterThan(0);
    expect(first?.to[0]?.associationTypes).toContainEqual({
      category: 'HUBSPOT_DEFINED',
      typeId: 280,
      label: null,
    });
    const tooMany = await postJson(
      emulator,
      '/crm/v4/associations/companies/contacts/batch/read',
      accessToken,
      {
        inputs: Array.from({ length: 1_001 }, (_, i) => ({ id: String(i) })),
      },
    );
    expect(tooMany.status).toBe(400);
  });

  it('creates a task associated to a company with the defined type and a custom label', async () => {
    const emulator = await start({ accounts: 1 });
    const { accessToken } = emulator.issueAccessToken();
    const [companyId = ''] = [...emulator.state.records.companies.keys()];
    const task = await postJson(emulator, '/crm/v3/objects/tasks', accessToken, {
      properties: { hs_task_subject: 'Call the sponsor', hs_task_status: 'NOT_STARTED' },
    });
    const taskId = String(task.body.id);
    const label = await postJson(emulator, '/crm/v4/associations/tasks/companies/labels', accessToken, {
      label: 'Ripe follow-up',
      name: 'ripe_follow_up',
    });
    const [custom] = label.body.results as { typeId: number }[];
    const created = await postJson(
      emulator,
      '/crm/v4/associations/tasks/companies/batch/create',
      accessToken,
      {
        inputs: [
          {
            from: { id: taskId },
            to: { id: companyId },
            types: [
              { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 },
              { associationCategory: 'USER_DEFINED', associationTypeId: custom?.typeId },
            ],
          },
        ],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.results).toStrictEqual([
      {
        fromObjectTypeId: '0-27',
        fromObjectId: Number(taskId),
        toObjectTypeId: '0-2',
        toObjectId: Number(companyId),
        labels: ['Ripe follow-up'],
      },
    ]);
    const back = await postJson(emulator, '/crm/v4/associations/companies/tasks/batch/read', accessToken, {
      inputs: [{ id: companyId }],
    });
    const types = (
      back.body.results as { to: { associationTypes: { typeId: number }[] }[] }[]
    )[0]?.to[0]?.associationTypes.map((t) => t.typeId);
    expect(types).toStrictEqual([191, (custom?.typeId ?? 0) + 1]);
  });

  it('lists owners and the default deal pipeline through the client', async () => {
    const emulator = await start({ accounts: 3 });
    const { accessToken } = emulator.issueAccessToken();
    const client = new Client({ accessToken, basePath: emulator.url, numberOfApiCallRetries: 0 });
    const owners = await client.crm.owners.ownersApi.getPage();
    expect(owners.results.length).toBeGreaterThan(0);
    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(pipelines.results[0]?.stages.map((s) => s.id)).toContain('closedwon');
  });
});
