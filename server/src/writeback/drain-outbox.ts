import type { FieldIssue } from '@ripe/shared';
import type { BulkWrites, ConnectorError, CrmConnector } from '../connectors/crm-connector.ts';
import { callWithAuth } from '../connectors/call-with-auth.ts';
import type { WriteOperation } from '../connectors/write-operation.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { recordRunErrors } from '../store/runs.repository.ts';
import {
  listPendingWritebacks,
  markWritebacks,
  type Writeback,
  type WritebackStatus,
} from './outbox.repository.ts';
import { planWrites } from './plan-writes.ts';
import type { WritebackPayload } from './writeback-payload.ts';
import { countWrite, noWrites, type WrittenCounts } from './write-tally.ts';
import { confirm, type WrittenState } from './written-state.ts';
import { loadWrittenStates, saveWrittenStates } from './written-state.repository.ts';

export interface DrainInput {
  db: Database;
  orgId: string;
  connector: CrmConnector;
  /** The night's date: snoozes end on it. */
  today: string;
  /** Write calls this drain may make; undefined = no limit. */
  maxWriteCalls?: number;
  /** Outbox rows read per round; several write calls per round, packed full. */
  rowsPerRound?: number;
  /** A row whose writes keep failing for a retryable reason is given up after this many attempts. */
  maxAttempts?: number;
}

export interface DrainReport {
  written: WrittenCounts;
  writeCalls: number;
  /** The fewest write calls the same operations need at full batch size, one endpoint's calls apart from another's. */
  floorWriteCalls: number;
  rowsDone: number;
  rowsFailed: number;
  /** Per-record errors, with the CRM's own code and message. */
  errors: { accountId: string; code: string; message: string; fields: string[] }[];
  /** Why the drain stopped before the outbox was empty: the budget, or the CRM refusing the calls. */
  stopped: { reason: 'budget' } | { reason: 'crm'; error: ConnectorError } | null;
}

/** The state after Ripe's write left the account at `modifiedAt`, computed from the version pulled tonight. */
function ownWrite(state: WrittenState, modifiedAt: string, payload: WritebackPayload): WrittenState {
  const { pulledVersion: _previous, ...rest } = state;
  return payload.pulledVersion === undefined
    ? { ...rest, modifiedAt }
    : { ...rest, modifiedAt, pulledVersion: payload.pulledVersion };
}

interface RowWork {
  row: Writeback;
  state: WrittenState;
  operations: WriteOperation[];
  failures: { code: string; message: string; fields: string[]; retryable: boolean }[];
  done: number;
}

/**
 * Drains the org's outbox into the CRM: for each staged account, the writes that differ from what the CRM last
 * confirmed, packed into batches of the provider's size. A row is done only once the CRM confirmed each of its
 * writes; what the CRM rejects is recorded as a per-record error with its message; a retryable rejection leaves
 * the row for the next drain. Every write is keyed, so a drain cut short and run again duplicates nothing.
 */
export async function drainOutbox(input: DrainInput): Promise<DrainReport> {
  const { db, orgId, connector, today } = input;
  const batchSize = connector.provider.writeBatchSize;
  const rowsPerRound = input.rowsPerRound ?? 2_000;
  const maxAttempts = input.maxAttempts ?? 5;
  const report: DrainReport = {
    written: noWrites(),
    writeCalls: 0,
    floorWriteCalls: 0,
    rowsDone: 0,
    rowsFailed: 0,
    errors: [],
    stopped: null,
  };
  // Operations per API endpoint: kinds sharing an endpoint share its calls, and a batch holds one endpoint's
  // operations (a CRM that writes each object through its own endpoint then makes one call per batch).
  const endpointOf = (operation: WriteOperation) => connector.provider.writeEndpoints[operation.kind];
  const perEndpoint = new Map<string, number>();
  // A connector writing in bulk takes a large group of one kind of record in one call (a bulk job of a few API
  // calls): the outbox is read on until a group fills a job or nothing is left, so a night's group is seen whole.
  const bulk = connector.bulkWrites;
  const perGroup = new Map<string, { endpoint: string; count: number }>();
  const filled = () =>
    bulk
      ? largestGroup(queue, bulk, bulk.maxOperations - 1) !== null
      : fullBatch(queue, endpointOf, batchSize);
  let afterSeq = 0;
  let exhausted = false;
  // Operations carry over from one round of rows to the next, so every write call but the last is full.
  let queue: { item: RowWork; operation: WriteOperation }[] = [];
  let unsettled: RowWork[] = [];
  while (report.stopped === null) {
    while (!exhausted && !filled()) {
      const rows = await withOrg(db, orgId, (tx) => listPendingWritebacks(tx, rowsPerRound, afterSeq));
      const last = rows.at(-1);
      if (!last) {
        exhausted = true;
        break;
      }
      afterSeq = last.seq;
      const states = await withOrg(db, orgId, (tx) =>
        loadWrittenStates(
          tx,
          rows.map((row) => row.accountId),
        ),
      );
      for (const row of rows) {
        const plan = planWrites(row.accountId, row.payload, states.get(row.accountId) as WrittenState, today);
        const item: RowWork = { row, state: plan.state, operations: plan.operations, failures: [], done: 0 };
        unsettled.push(item);
        for (const operation of plan.operations) queue.push({ item, operation });
        for (const operation of plan.operations) {
          const endpoint = connector.provider.writeEndpoints[operation.kind];
          perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1);
          if (!bulk) continue;
          const group = bulk.groupOf(operation);
          const counted = perGroup.get(group) ?? { endpoint, count: 0 };
          perGroup.set(group, { endpoint, count: counted.count + 1 });
        }
      }
    }
    if (queue.length === 0) break;
    if (input.maxWriteCalls !== undefined && report.writeCalls >= input.maxWriteCalls) {
      report.stopped = { reason: 'budget' };
      break;
    }
    // A group larger than the connector's threshold goes as one bulk job when the budget left covers the job's
    // fewest calls; anything else as a batch of the provider's size.
    const left = input.maxWriteCalls === undefined ? Infinity : input.maxWriteCalls - report.writeCalls;
    const group = bulk && left >= bulk.jobCalls ? largestGroup(queue, bulk, bulk.threshold) : null;
    const slice =
      bulk && group !== null
        ? queue.filter((entry) => bulk.groupOf(entry.operation) === group).slice(0, bulk.maxOperations)
        : sliceOf(queue, endpointOf, batchSize);
    const taken = new Set(slice);
    queue = queue.filter((entry) => !taken.has(entry));
    const before = connector.calls().writes;
    const result = await callWithAuth(connector, () =>
      connector.applyWrites(slice.map((entry) => entry.operation)),
    );
    // A batch is one call; a bulk job as many as the connector made (create, upload, close, status reads, results).
    report.writeCalls += group === null ? 1 : Math.max(1, connector.calls().writes - before);
    if (!result.ok) {
      report.stopped = { reason: 'crm', error: result.error };
      break;
    }
    slice.forEach(({ item, operation }, position) => {
      const outcome = result.value[position];
      if (outcome?.ok) {
        countWrite(report.written, operation, item.state.task !== null);
        item.state = confirm(item.state, operation);
        // The CRM's instant after this write: the next pull knows the account changed by Ripe's hand alone.
        if (outcome.modifiedAt) item.state = ownWrite(item.state, outcome.modifiedAt, item.row.payload);
        item.done += 1;
      } else {
        item.failures.push(
          outcome ?? {
            code: 'NO_OUTCOME',
            message: 'The CRM answered no outcome for this record',
            fields: [],
            retryable: true,
          },
        );
      }
    });
    // Rows whose every write has an answer are settled now; the others wait for the next call.
    const complete = unsettled.filter((item) => item.done + item.failures.length === item.operations.length);
    unsettled = unsettled.filter((item) => item.done + item.failures.length < item.operations.length);
    await settle(input, report, complete, maxAttempts);
  }
  // Rows with nothing to write, and those the drain stopped before (left pending), are settled last.
  await settle(input, report, unsettled, maxAttempts);
  report.floorWriteCalls = writeFloor(perEndpoint, perGroup, batchSize, bulk);
  return report;
}

/**
 * The fewest write calls: per endpoint one per full batch; with bulk writes, a group larger than the threshold
 * as full jobs of the connector's fewest calls each, and a remainder above the threshold as one more job (one
 * at or below it goes back to its endpoint's batches).
 */
function writeFloor(
  perEndpoint: ReadonlyMap<string, number>,
  perGroup: ReadonlyMap<string, { endpoint: string; count: number }>,
  batchSize: number,
  bulk: BulkWrites | undefined,
): number {
  const batched = new Map(perEndpoint);
  let jobs = 0;
  for (const { endpoint, count } of bulk ? perGroup.values() : []) {
    if (!bulk || count <= bulk.threshold) continue;
    const remainder = count % bulk.maxOperations;
    const inJobs = remainder > bulk.threshold ? count : count - remainder;
    jobs += Math.ceil(inJobs / bulk.maxOperations);
    batched.set(endpoint, (batched.get(endpoint) ?? 0) - inJobs);
  }
  const batches = [...batched.values()].reduce((sum, n) => sum + Math.ceil(Math.max(0, n) / batchSize), 0);
  return batches + jobs * (bulk?.jobCalls ?? 0);
}

/** The next batch: up to `size` operations of the endpoint with the most queued. */
function sliceOf<T extends Queued>(
  queue: readonly T[],
  endpointOf: (op: WriteOperation) => string,
  size: number,
): T[] {
  const endpoint = nextEndpoint(queue, endpointOf);
  return queue.filter((entry) => endpointOf(entry.operation) === endpoint).slice(0, size);
}

/** The bulk group with the most operations queued, if it has more than `above`. */
function largestGroup(queue: readonly Queued[], bulk: BulkWrites, above: number): string | null {
  const counts = new Map<string, number>();
  for (const { operation } of queue) {
    const group = bulk.groupOf(operation);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = above;
  for (const [group, count] of counts) {
    if (count > most) {
      best = group;
      most = count;
    }
  }
  return best;
}

/** Commits a round: confirmed states, and each row done, failed, or left pending for a retry. */
async function settle(
  input: DrainInput,
  report: DrainReport,
  work: RowWork[],
  maxAttempts: number,
): Promise<void> {
  await withOrg(input.db, input.orgId, async (tx) => {
    const states = new Map<string, WrittenState>();
    const marks: { runId: string; accountId: string; status: WritebackStatus; lastError: string | null }[] =
      [];
    const errors: { runId: string; issues: FieldIssue[] }[] = [];
    for (const item of work) {
      const { row } = item;
      const attempted = item.done + item.failures.length;
      // Untouched rows (the drain stopped before them) keep their state and stay pending.
      if (attempted < item.operations.length && item.failures.length === 0) {
        if (item.done > 0) states.set(row.accountId, item.state);
        continue;
      }
      states.set(row.accountId, item.state);
      const key = { runId: row.runId, accountId: row.accountId };
      if (item.failures.length === 0) {
        marks.push({ ...key, status: 'done', lastError: null });
        report.rowsDone += 1;
        continue;
      }
      const final = item.failures.some((failure) => !failure.retryable) || row.attempts + 1 >= maxAttempts;
      const message = item.failures.map((failure) => `${failure.code}: ${failure.message}`).join('; ');
      marks.push({ ...key, status: final ? 'failed' : 'pending', lastError: message });
      if (!final) continue;
      report.rowsFailed += 1;
      for (const failure of item.failures) {
        report.errors.push({
          accountId: row.accountId,
          code: failure.code,
          message: failure.message,
          fields: failure.fields,
        });
      }
      errors.push({
        runId: row.runId,
        issues: item.failures.map((failure) => ({
          record: 'account',
          recordId: row.accountId,
          field: failure.fields.join(', ') || '(write-back)',
          message: `${failure.code}: ${failure.message}`,
        })),
      });
    }
    await markWritebacks(tx, marks);
    for (const { runId, issues } of errors) await recordRunErrors(tx, runId, issues);
    await saveWrittenStates(tx, states);
  });
}

type Queued = { operation: WriteOperation };

/** Whether some endpoint has a full batch queued. */
function fullBatch(
  queue: readonly Queued[],
  endpointOf: (op: WriteOperation) => string,
  size: number,
): boolean {
  if (queue.length < size) return false;
  const counts = new Map<string, number>();
  for (const { operation } of queue) {
    const endpoint = endpointOf(operation);
    const count = (counts.get(endpoint) ?? 0) + 1;
    if (count >= size) return true;
    counts.set(endpoint, count);
  }
  return false;
}

/** The endpoint to write next: the one with the most operations queued, the first queued on a tie. */
function nextEndpoint(queue: readonly Queued[], endpointOf: (op: WriteOperation) => string): string {
  const counts = new Map<string, number>();
  for (const { operation } of queue) {
    const endpoint = endpointOf(operation);
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  }
  let best = '';
  let most = -1;
  for (const [endpoint, count] of counts) {
    if (count > most) {
      best = endpoint;
      most = count;
    }
  }
  return best;
}
