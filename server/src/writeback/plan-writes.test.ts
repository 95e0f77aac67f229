import { describe, expect, it } from 'vitest';
import { noHumanValues } from '../connectors/crm-connector.ts';
import type { HumanOwnedValues } from '../connectors/crm-connector.ts';
import type { WriteOperation } from '../connectors/write-operation.ts';
import { makeVerdict } from '../store/testing/verdict.fixture.ts';
import { planWrites } from './plan-writes.ts';
import { writebackPayload, type WritebackPayload } from './writeback-payload.ts';
import { confirm, emptyWrittenState, type WrittenState } from './written-state.ts';

const today = '2026-10-01';
const ready = (human: Partial<HumanOwnedValues> = {}) =>
  writebackPayload(makeVerdict({ accountId: 'acc-1', asOf: today }), { ...noHumanValues, ...human }, 'csm-7');
const notReady = (human: Partial<HumanOwnedValues> = {}) =>
  writebackPayload(
    makeVerdict({ accountId: 'acc-1', asOf: today, readiness: 'nurture' }),
    { ...noHumanValues, ...human },
    'csm-7',
  );

/** Plans, then confirms every operation as the CRM would: the state the next night starts from. */
function night(payload: WritebackPayload, state: WrittenState, on = today) {
  const plan = planWrites('acc-1', payload, state, on);
  const after = plan.operations.reduce(confirm, plan.state);
  return { kinds: plan.operations.map((operation) => operation.kind), operations: plan.operations, after };
}

const kindsOf = (operations: WriteOperation[]) => operations.map((operation) => operation.kind);

describe('planWrites', () => {
  it('first night of a ready account: its fields, its history record and its task', () => {
    const { operations } = night(ready(), emptyWrittenState);
    expect(kindsOf(operations)).toStrictEqual(['account_fields', 'history', 'task_upsert']);
    const task = operations.find((operation) => operation.kind === 'task_upsert');
    expect(task).toMatchObject({ key: 'acc-1:2026-10-01', task: { dueOn: '2026-10-22', ownerId: 'csm-7' } });
  });

  it('the same verdict again writes nothing', () => {
    const first = night(ready(), emptyWrittenState);
    expect(night(ready(), first.after).kinds).toStrictEqual([]);
  });

  it('writes only the fields that changed since the CRM confirmed them', () => {
    const first = night(ready(), emptyWrittenState);
    const moved = writebackPayload(
      makeVerdict({ accountId: 'acc-1', asOf: today, score: 80 }),
      noHumanValues,
      'csm-7',
    );
    const fields = night(moved, first.after).operations.find(
      (operation) => operation.kind === 'account_fields',
    );
    expect(fields && 'fields' in fields ? Object.keys(fields.fields).sort() : []).toStrictEqual(
      ['expected_value', 'probability', 'probability_high', 'probability_low', 'score'].sort(),
    );
    // The day's history record is upserted again with the new values.
    expect(night(moved, first.after).kinds).toContain('history');
  });

  it('an open task keeps its due date as later nights move on, and comes forward when the window closes sooner', () => {
    const first = night(ready(), emptyWrittenState);
    const base = makeVerdict({ accountId: 'acc-1', asOf: today });
    const later = (closesOn: string) =>
      writebackPayload(
        { ...base, asOf: '2026-10-20', window: base.window && { ...base.window, closesOn } },
        noHumanValues,
        'csm-7',
      );
    // Computed afresh the task would be due 2026-10-27; the open one stays due on 2026-10-22.
    const moved = night(later('2026-12-31'), first.after, '2026-10-20');
    expect(moved.kinds).not.toContain('task_upsert');
    expect(moved.after.task?.dueOn).toBe('2026-10-22');
    const sooner = night(later('2026-10-21'), moved.after, '2026-10-20');
    expect(sooner.operations.find((operation) => operation.kind === 'task_upsert')).toMatchObject({
      task: { dueOn: '2026-10-21' },
    });
  });

  it('an account that stops being ready gets its task closed, and a new stretch gets a new task', () => {
    const first = night(ready(), emptyWrittenState);
    const stopped = night(notReady(), first.after);
    expect(stopped.kinds).toStrictEqual(['account_fields', 'history', 'task_close']);
    const back = night(
      writebackPayload(makeVerdict({ accountId: 'acc-1', asOf: '2026-10-08' }), noHumanValues, 'csm-7'),
      stopped.after,
      '2026-10-08',
    );
    expect(back.operations.find((operation) => operation.kind === 'task_upsert')).toMatchObject({
      key: 'acc-1:2026-10-08',
    });
  });

  it('a snoozed account gets no task until the date, and its open task is closed', () => {
    const first = night(ready(), emptyWrittenState);
    const snoozed = night(ready({ status: 'snoozed', snoozedUntil: '2026-10-20' }), first.after);
    expect(snoozed.kinds).toStrictEqual(['task_close']);
    expect(
      night(ready({ status: 'snoozed', snoozedUntil: '2026-10-20' }), snoozed.after, '2026-10-10').kinds,
    ).toStrictEqual([]);
    expect(
      night(ready({ status: 'snoozed', snoozedUntil: '2026-10-20' }), snoozed.after, '2026-10-20').kinds,
    ).toStrictEqual(['task_upsert']);
  });

  it('a rejection holds for the stretch; an old rejection does not block the next stretch', () => {
    const first = night(ready(), emptyWrittenState);
    const rejected = night(ready({ status: 'rejected', rejectionReason: 'no budget' }), first.after);
    expect(rejected.kinds).toStrictEqual(['task_close']);
    expect(night(ready({ status: 'rejected' }), rejected.after).kinds).toStrictEqual([]);
    const ended = night(notReady({ status: 'rejected' }), rejected.after);
    const next = night(ready({ status: 'rejected' }), ended.after);
    expect(next.kinds).toContain('task_upsert');
  });

  it('an approval creates one opportunity, with the adjusted potential, and never a second', () => {
    const first = night(ready(), emptyWrittenState);
    const approved = night(ready({ status: 'adjusted', adjustedPotential: 30_000 }), first.after);
    expect(approved.operations.filter((operation) => operation.kind === 'opportunity_create')).toMatchObject([
      { key: 'acc-1:opportunity-1', opportunity: { amount: 30_000, currency: 'USD' } },
    ]);
    expect(night(ready({ status: 'approved' }), approved.after).kinds).toStrictEqual([]);
  });

  it('an approval whose opportunity was not confirmed is asked again with the same key', () => {
    const first = night(ready(), emptyWrittenState);
    const plan = planWrites('acc-1', ready({ status: 'approved' }), first.after, today);
    const again = planWrites('acc-1', ready({ status: 'approved' }), plan.state, today);
    const keys = (operations: WriteOperation[]) =>
      operations.flatMap((operation) => (operation.kind === 'opportunity_create' ? [operation.key] : []));
    expect(keys(again.operations)).toStrictEqual(keys(plan.operations));
    expect(keys(plan.operations)).toStrictEqual(['acc-1:opportunity-1']);
  });

  it('won and lost close the task', () => {
    const first = night(ready(), emptyWrittenState);
    expect(night(ready({ status: 'won' }), first.after).kinds).toStrictEqual(['task_close']);
  });

  it('never writes a human-owned field', () => {
    const { operations } = night(ready({ status: 'approved', adjustedPotential: 1 }), emptyWrittenState);
    const written = operations.flatMap((operation) =>
      operation.kind === 'account_fields' ? Object.keys(operation.fields) : [],
    );
    for (const field of ['status', 'adjusted_potential', 'rejection_reason', 'snoozed_until']) {
      expect(written).not.toContain(field);
    }
  });
});
