// Applies write operations to the fake CRM, each idempotent by its key:
// - account_fields merges the values; the batch's writes share one new `modifiedAt` (as the CRM stamps its
//   own integration's edits too, so the next night sees Ripe's writes as changes);
// - history upserts by external id; opportunity_create creates once per key and answers the same id after;
// - task_upsert creates, or updates the open task with that key. A key names one account and one window, so
//   a closed task under it is that window's task, closed: it stays closed and unchanged (nothing reopens);
// - task_close closes the open task with that key; a closed or unknown key is already done (ok, id or null).
import type { WriteOperation, WriteOutcome } from '../write-operation.ts';
import { writeFault } from './fake-faults.ts';
import type { FakeCrmState } from './fake-state.ts';

type Operation<K extends WriteOperation['kind']> = Extract<WriteOperation, { kind: K }>;

const done = (crmId: string | null): WriteOutcome => ({ ok: true, crmId });
const refused = (code: string, message: string, fields: string[]): WriteOutcome => ({
  ok: false,
  code,
  message,
  fields,
  retryable: false,
});

function keyTaken(key: string, owner: { accountId: string } | undefined, accountId: string) {
  if (!owner || owner.accountId === accountId) return null;
  return refused('DUPLICATE_VALUE', `key ${key} belongs to account ${owner.accountId}`, ['key']);
}

function upsertHistory(state: FakeCrmState, op: Operation<'history'>): WriteOutcome {
  const existing = state.history.get(op.externalId);
  const taken = keyTaken(op.externalId, existing, op.accountId);
  if (taken) return taken;
  const id = existing?.id ?? state.nextId('hst');
  state.history.set(op.externalId, {
    id,
    externalId: op.externalId,
    accountId: op.accountId,
    fields: { ...op.fields },
  });
  return done(id);
}

function upsertTask(state: FakeCrmState, op: Operation<'task_upsert'>): WriteOutcome {
  const existing = state.tasks.get(op.key);
  const taken = keyTaken(op.key, existing, op.accountId);
  if (taken) return taken;
  if (existing?.status === 'closed') return done(existing.id);
  const id = existing?.id ?? state.nextId('tsk');
  state.tasks.set(op.key, { ...op.task, id, key: op.key, accountId: op.accountId, status: 'open' });
  return done(id);
}

function closeTask(state: FakeCrmState, op: Operation<'task_close'>): WriteOutcome {
  const existing = state.tasks.get(op.key);
  const taken = keyTaken(op.key, existing, op.accountId);
  if (taken) return taken;
  if (existing) existing.status = 'closed';
  return done(existing?.id ?? null);
}

function createOpportunity(state: FakeCrmState, op: Operation<'opportunity_create'>): WriteOutcome {
  const existing = state.opportunities.get(op.key);
  const taken = keyTaken(op.key, existing, op.accountId);
  if (taken) return taken;
  if (existing) return done(existing.id);
  const id = state.nextId('opp');
  state.opportunities.set(op.key, { ...op.opportunity, id, key: op.key, accountId: op.accountId });
  return done(id);
}

/** One outcome per operation, in order; a refused record leaves the others of the batch applied. */
export function applyBatch(state: FakeCrmState, operations: readonly WriteOperation[]): WriteOutcome[] {
  let stamp: string | undefined;
  return operations.map((op) => {
    const account = state.accounts.get(op.accountId);
    if (!account) return refused('INVALID_CROSS_REFERENCE_KEY', `no account ${op.accountId}`, []);
    const fault = writeFault(state.faults, op);
    if (fault) return fault;
    switch (op.kind) {
      case 'account_fields':
        Object.assign(account.fields, op.fields);
        stamp ??= state.tick();
        account.modifiedAt = stamp;
        return done(op.accountId);
      case 'history':
        return upsertHistory(state, op);
      case 'task_upsert':
        return upsertTask(state, op);
      case 'task_close':
        return closeTask(state, op);
      case 'opportunity_create':
        return createOpportunity(state, op);
    }
  });
}
