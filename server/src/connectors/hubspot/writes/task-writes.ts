// task_upsert and task_close by the task's idempotency key (`ripe_task_key`): read what exists under the keys,
// create the new ones associated with the company (task→company, type 192) and owned by the CSM, update the
// open ones, complete the ones to close. A completed task stays completed: its key is that window's task.
import { ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { TaskSpec, WriteOperation, WriteOutcome } from '../../write-operation.ts';
import { ripeSchema } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { refused } from './batch-outcomes.ts';
import { createWithCompany, readByKey, updateByIds } from './keyed-records.ts';

type TaskOperation = Extract<WriteOperation, { kind: 'task_upsert' | 'task_close' }>;

/** HUBSPOT_DEFINED task → company (developers.hubspot.com, association type ids). */
export const taskToCompanyTypeId = 192;

const priorities: Record<TaskSpec['priority'], string> = { high: 'HIGH', normal: 'MEDIUM', low: 'LOW' };

export function taskProperties(task: TaskSpec): Record<string, string> {
  return {
    hs_task_subject: task.subject,
    hs_task_body: task.body,
    hs_timestamp: `${task.dueOn}T00:00:00.000Z`,
    hs_task_priority: priorities[task.priority],
    hs_task_status: 'NOT_STARTED',
    hs_task_type: 'TODO',
    ...(task.ownerId ? { hubspot_owner_id: task.ownerId } : {}),
  };
}

export async function writeTasks(
  transport: HubSpotTransport,
  operations: readonly { index: number; operation: TaskOperation }[],
): Promise<Result<Map<number, WriteOutcome>, ConnectorError>> {
  const outcomes = new Map<number, WriteOutcome>();
  if (operations.length === 0) return ok(outcomes);
  const keys = [...new Set(operations.map(({ operation }) => operation.key))];
  const existing = await readByKey(transport, 'tasks', ripeSchema.taskKeyProperty, keys, ['hs_task_status']);
  if (!existing.ok) return existing;
  const creates = new Map<string, { key: string; companyId: string; properties: Record<string, string> }>();
  const updates = new Map<string, Record<string, string>>();
  for (const { operation } of operations) {
    const task = existing.value.get(operation.key);
    const completed = task?.properties.hs_task_status === 'COMPLETED';
    if (operation.kind === 'task_close') {
      if (task && !completed) updates.set(task.id, { hs_task_status: 'COMPLETED' });
    } else if (!task) {
      creates.set(operation.key, {
        key: operation.key,
        companyId: operation.accountId,
        properties: taskProperties(operation.task),
      });
    } else if (!completed) updates.set(task.id, taskProperties(operation.task));
  }
  const created = await createWithCompany(
    transport,
    'tasks',
    ripeSchema.taskKeyProperty,
    taskToCompanyTypeId,
    [...creates.values()],
  );
  if (!created.ok) return created;
  const updated = await updateByIds(
    transport,
    'tasks',
    [...updates].map(([id, properties]) => ({ id, properties })),
  );
  if (!updated.ok) return updated;
  for (const { index, operation } of operations) {
    const task = existing.value.get(operation.key);
    const outcome = task
      ? (updated.value.get(task.id) ?? { ok: true, crmId: task.id })
      : created.value.get(operation.key);
    if (operation.kind === 'task_close' && !task) outcomes.set(index, { ok: true, crmId: null });
    else
      outcomes.set(
        index,
        outcome ?? refused('NO_OUTCOME', `HubSpot answered nothing for task ${operation.key}`),
      );
  }
  return ok(outcomes);
}
