import type { WriteOperation } from '../connectors/write-operation.ts';

/** What a drain wrote, as the CRM confirmed it. */
export interface WrittenCounts {
  fields: number;
  tasksCreated: number;
  tasksUpdated: number;
  tasksClosed: number;
  history: number;
  opportunities: number;
}

export const noWrites = (): WrittenCounts => ({
  fields: 0,
  tasksCreated: 0,
  tasksUpdated: 0,
  tasksClosed: 0,
  history: 0,
  opportunities: 0,
});

/** Adds one confirmed operation; `hadTask` tells an update of an open task from a new one. */
export function countWrite(counts: WrittenCounts, operation: WriteOperation, hadTask: boolean): void {
  switch (operation.kind) {
    case 'account_fields':
      counts.fields += Object.keys(operation.fields).length;
      return;
    case 'history':
      counts.history += 1;
      return;
    case 'task_upsert':
      if (hadTask) counts.tasksUpdated += 1;
      else counts.tasksCreated += 1;
      return;
    case 'task_close':
      counts.tasksClosed += 1;
      return;
    case 'opportunity_create':
      counts.opportunities += 1;
      return;
  }
}
