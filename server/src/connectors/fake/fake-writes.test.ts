import { describe, expect, it } from 'vitest';
import type { TaskSpec, WriteOperation } from '../write-operation.ts';
import { createFakeCrm } from './fake-crm.ts';

const freshCrm = () => createFakeCrm({ accounts: 4, seed: 7, asOf: '2026-06-30', writeBatchSize: 3 });
const [a, b] = ['acc-000000', 'acc-000001'];
const task: TaskSpec = {
  subject: 'Talk seats with Northwind',
  body: 'Seats are full.',
  dueOn: '2026-07-10',
  priority: 'high',
  ownerId: 'usr-csm-001',
};
const upsert = (key: string, spec: TaskSpec = task): WriteOperation => ({
  kind: 'task_upsert',
  accountId: a,
  key,
  task: spec,
});
const opportunity: WriteOperation = {
  kind: 'opportunity_create',
  accountId: a,
  key: 'opp-a-2026Q3',
  opportunity: { name: 'Seats', amount: 12_000, currency: 'USD', closeOn: '2026-09-30', motion: 'seats' },
};

describe('fake CRM writes', () => {
  it('upserts a task by key: a replay updates the same task', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const first = await connector.applyWrites([upsert('t-a-w1')]);
    const second = await connector.applyWrites([upsert('t-a-w1', { ...task, priority: 'normal' })]);
    expect(first).toStrictEqual({ ok: true, value: [{ ok: true, crmId: 'fake-tsk-000001' }] });
    expect(second).toStrictEqual(first);
    expect(crm.tasks()).toStrictEqual([
      { ...task, priority: 'normal', id: 'fake-tsk-000001', key: 't-a-w1', accountId: a, status: 'open' },
    ]);
  });

  it('leaves a closed task closed when its key is upserted again; closing twice or unknown is done', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    await connector.applyWrites([upsert('t-a-w1')]);
    const closing = { kind: 'task_close', accountId: a, key: 't-a-w1' } as const;
    await connector.applyWrites([closing]);
    const again = await connector.applyWrites([upsert('t-a-w1', { ...task, subject: 'New' }), closing]);
    const unknown = await connector.applyWrites([{ ...closing, key: 'never' }]);
    expect(again).toStrictEqual({
      ok: true,
      value: [
        { ok: true, crmId: 'fake-tsk-000001' },
        { ok: true, crmId: 'fake-tsk-000001' },
      ],
    });
    expect(unknown).toStrictEqual({ ok: true, value: [{ ok: true, crmId: null }] });
    expect(crm.openTasks(a)).toStrictEqual([]);
    expect(crm.tasks().map((t) => [t.subject, t.status])).toStrictEqual([[task.subject, 'closed']]);
  });

  it('creates an opportunity once per key', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const outcomes = await connector.applyWrites([opportunity, opportunity]);
    expect(outcomes).toStrictEqual({
      ok: true,
      value: [
        { ok: true, crmId: 'fake-opp-000001' },
        { ok: true, crmId: 'fake-opp-000001' },
      ],
    });
    expect(crm.opportunities()).toHaveLength(1);
  });

  it('upserts history by external id and merges account fields at one instant per batch', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const history = (score: number): WriteOperation => ({
      kind: 'history',
      accountId: a,
      externalId: 'h-a-2026-06-30',
      fields: { Score__c: score },
    });
    await connector.applyWrites([history(60), history(70)]);
    await connector.applyWrites([
      { kind: 'account_fields', accountId: a, fields: { Score__c: 70, Motion__c: 'seats' } },
      { kind: 'account_fields', accountId: b, fields: { Score__c: 20 } },
    ]);
    await connector.applyWrites([{ kind: 'account_fields', accountId: a, fields: { Motion__c: null } }]);
    expect(crm.history()).toStrictEqual([
      { id: 'fake-hst-000001', externalId: 'h-a-2026-06-30', accountId: a, fields: { Score__c: 70 } },
    ]);
    expect(crm.accountFields(a)).toStrictEqual({ Score__c: 70, Motion__c: null });
    // 4 accounts load at one instant (…000Z); the two batches of account fields stamp …001Z and …002Z.
    expect([crm.modifiedAt(a), crm.modifiedAt(b)]).toStrictEqual([
      '2026-06-30T20:00:00.002Z',
      '2026-06-30T20:00:00.001Z',
    ]);
    expect(connector.calls()).toStrictEqual({ reads: 0, writes: 3, byKind: { collection: 3 } });
  });

  it('refuses a batch over writeBatchSize without a call, and answers bad records one by one', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const tooMany = await connector.applyWrites([upsert('1'), upsert('2'), upsert('3'), upsert('4')]);
    expect(tooMany.ok ? null : tooMany.error.code).toBe('invalid_request');
    expect(connector.calls().writes).toBe(0);
    const mixed = await connector.applyWrites([
      upsert('t-a-w1'),
      { kind: 'task_upsert', accountId: b, key: 't-a-w1', task },
      { kind: 'account_fields', accountId: 'acc-999999', fields: { Score__c: 1 } },
    ]);
    expect(mixed).toStrictEqual({
      ok: true,
      value: [
        { ok: true, crmId: 'fake-tsk-000001' },
        {
          ok: false,
          code: 'DUPLICATE_VALUE',
          message: `key t-a-w1 belongs to account ${a}`,
          fields: ['key'],
          retryable: false,
        },
        {
          ok: false,
          code: 'INVALID_CROSS_REFERENCE_KEY',
          message: 'no account acc-999999',
          fields: [],
          retryable: false,
        },
      ],
    });
    expect(connector.calls().writes).toBe(1);
  });
});
