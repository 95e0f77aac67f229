import type { ExpansionStatus } from '../connectors/crm-connector.ts';
import type { FieldValue, TaskSpec, WriteOperation } from '../connectors/write-operation.ts';

/** A task as the CRM confirmed it, open. */
export interface ConfirmedTask extends TaskSpec {
  key: string;
}

/**
 * What the CRM last confirmed for one account (not what the night last computed): the next plan writes only
 * the difference. Episode and status are Ripe's own bookkeeping, kept beside it.
 */
export interface WrittenState {
  fields: Record<string, FieldValue>;
  task: ConfirmedTask | null;
  /** The stretch of nights the account has been ready: its key keys the task, at most one open per stretch. */
  episode: { key: string; startedOn: string; rejected: boolean } | null;
  /** Opportunities created for this account, to key the next one. */
  opportunities: number;
  /** The account team's status as last acted on. */
  humanStatus: ExpansionStatus | null;
  lastHistoryId: string | null;
  /**
   * The account's last-modified instant as the CRM answered Ripe's last write to it: while the CRM still shows
   * it, the account changed only by Ripe's hand and the night does not pull it again.
   */
  modifiedAt?: string;
  /** The account's version as pulled for that write (`PulledAccount.version`): a person's edit changes it. */
  pulledVersion?: string;
}

export const emptyWrittenState: WrittenState = {
  fields: {},
  task: null,
  episode: null,
  opportunities: 0,
  humanStatus: null,
  lastHistoryId: null,
};

/** The state once the CRM confirmed `operation`. */
export function confirm(state: WrittenState, operation: WriteOperation): WrittenState {
  switch (operation.kind) {
    case 'account_fields':
      return { ...state, fields: { ...state.fields, ...operation.fields } };
    case 'history':
      return { ...state, lastHistoryId: operation.externalId };
    case 'task_upsert':
      return { ...state, task: { key: operation.key, ...operation.task } };
    case 'task_close':
      return state.task?.key === operation.key ? { ...state, task: null } : state;
    case 'opportunity_create':
      return { ...state, opportunities: state.opportunities + 1, humanStatus: 'approved' };
  }
}
