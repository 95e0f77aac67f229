import type { WriteOperation } from '../connectors/write-operation.ts';
import type { WritebackPayload } from './writeback-payload.ts';
import type { WrittenState } from './written-state.ts';

export interface WritePlan {
  operations: WriteOperation[];
  /** Ripe's bookkeeping after this plan (episode, status acted on); CRM-confirmed parts change only on success. */
  state: WrittenState;
}

const approvedStatuses = new Set(['approved', 'adjusted']);
const settledStatuses = new Set(['approved', 'adjusted', 'won', 'lost']);

/**
 * The writes that bring the CRM from what it last confirmed to tonight's verdict, and nothing else: the fields
 * that changed, tonight's history record, the task (created, updated or closed), and an opportunity when the
 * team approved since Ripe last looked. Pure; `today` is the night's date.
 */
export function planWrites(
  accountId: string,
  payload: WritebackPayload,
  written: WrittenState,
  today: string,
): WritePlan {
  const operations: WriteOperation[] = [];
  const fields = Object.fromEntries(
    Object.entries(payload.fields).filter(([name, value]) => written.fields[name] !== value),
  );
  const fieldsChanged = Object.keys(fields).length > 0;
  if (fieldsChanged) operations.push({ kind: 'account_fields', accountId, fields });
  // The history record of the day is upserted by its external id: again when the verdict changed that day.
  if (written.lastHistoryId !== payload.history.externalId || fieldsChanged) {
    operations.push({ kind: 'history', accountId, ...payload.history });
  }

  const { human } = payload;
  const ready = payload.readiness === 'ready' && payload.task !== null;
  let episode = ready
    ? (written.episode ?? { key: `${accountId}:${payload.asOf}`, startedOn: payload.asOf, rejected: false })
    : null;
  // A rejection made during this stretch holds for the stretch; an old one does not block the next stretch.
  if (episode && human.status === 'rejected' && written.humanStatus !== 'rejected') {
    episode = { ...episode, rejected: true };
  }
  const snoozed = human.snoozedUntil !== null && human.snoozedUntil > today;
  const closedByTeam = human.status === 'won' || human.status === 'lost';
  const wanted =
    episode && payload.task && !episode.rejected && !snoozed && !closedByTeam
      ? { key: episode.key, ...payload.task }
      : null;
  const open = written.task;
  if (open && open.key !== wanted?.key) operations.push({ kind: 'task_close', accountId, key: open.key });
  if (wanted) {
    const { key, ...computed } = wanted;
    // The stretch's open task keeps the date it was given: a verdict that moves on does not push it back (a
    // CSM's queue would never fall due), and a window that now closes sooner brings it forward.
    const dueOn = open?.key === key && open.dueOn < computed.dueOn ? open.dueOn : computed.dueOn;
    const task = { ...computed, dueOn };
    const same =
      open?.key === key &&
      open.dueOn === task.dueOn &&
      open.priority === task.priority &&
      open.body === task.body &&
      open.subject === task.subject &&
      open.ownerId === task.ownerId;
    if (!same) operations.push({ kind: 'task_upsert', accountId, key, task });
  }

  const approvedNow =
    human.status !== null &&
    approvedStatuses.has(human.status) &&
    !(written.humanStatus !== null && settledStatuses.has(written.humanStatus));
  if (approvedNow) {
    operations.push({
      kind: 'opportunity_create',
      accountId,
      key: `${accountId}:opportunity-${written.opportunities + 1}`,
      opportunity: payload.opportunity,
    });
  }
  return {
    operations,
    // The approval counts as acted on only once its opportunity is confirmed (see `confirm`).
    state: { ...written, episode, humanStatus: approvedNow ? written.humanStatus : human.status },
  };
}
