import { setTimeout as delay } from 'node:timers/promises';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { ConnectorError } from '../crm-connector.ts';
import type { WriteOperation, WriteOutcome } from '../write-operation.ts';
import { ingestCsv, ingestOutcomes, type IngestResultRow } from './bulk-ingest-csv.ts';
import type { SalesforceTransport } from './salesforce-transport.ts';
import { salesforceRecord, type WriteTargets } from './salesforce-writes.ts';

export interface BulkWriteDeps {
  transport: SalesforceTransport;
  targets: WriteTargets;
  /** Between two status reads of a running job (default 2 s). */
  pollMs?: number;
  /** How long a job may run before it is aborted and the night stops to retry later (default 10 min). */
  maxWaitMs?: number;
}

/** The bulk group of an operation: its object, and for an upsert the external id field (one ingest job each). */
export function bulkGroupOf(operation: WriteOperation, targets: WriteTargets): string {
  switch (operation.kind) {
    case 'account_fields':
      return 'Account';
    case 'history':
      return `${targets.historyObject}/${targets.historyExternalId}`;
    case 'task_upsert':
    case 'task_close':
      return `Task/${targets.keyField}`;
    case 'opportunity_create':
      return `Opportunity/${targets.keyField}`;
  }
}

interface IngestJobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
}

const kind = 'bulk_ingest';

/**
 * Operations of one bulk group written through one Bulk API 2.0 ingest job: created (update by Id, or upsert by
 * the external id), its CSV uploaded, closed, its status read until it ends, then the failed results read (and
 * the successful ones only when some records went unprocessed). Every record gets its own outcome, Salesforce's
 * error text on a failed row; a job that fails or is aborted is a `ConnectorError`, safe to run again since
 * updates by Id and upserts by external id are idempotent. Operations refused before the wire and a key met a
 * second time in the batch are left to the caller (`rest`), which writes them through composite collections.
 */
export async function bulkWrite(
  deps: BulkWriteDeps,
  operations: readonly WriteOperation[],
): Promise<Result<{ outcomes: Map<number, WriteOutcome>; rest: number[] }, ConnectorError>> {
  const { transport } = deps;
  const outcomes = new Map<number, WriteOutcome>();
  const rest: number[] = [];
  const job: {
    object: string;
    upsertKey: string | undefined;
    records: Record<string, unknown>[];
    indexes: number[];
  } = { object: '', upsertKey: undefined, records: [], indexes: [] };
  const keys = new Map<string, number>();
  operations.forEach((operation, index) => {
    const converted = salesforceRecord(operation, deps.targets);
    if (!converted.ok || !converted.object) return void rest.push(index);
    // The first record sets the job's object and operation; a record of another goes the composite way.
    if (job.records.length === 0) {
      job.object = converted.object;
      job.upsertKey = converted.upsertKey;
    }
    const key = String(converted.record[converted.upsertKey ?? 'Id']);
    if (converted.object !== job.object || converted.upsertKey !== job.upsertKey || keys.has(key)) {
      return void rest.push(index);
    }
    keys.set(key, index);
    job.records.push(converted.record);
    job.indexes.push(index);
  });
  if (job.records.length === 0) return ok({ outcomes, rest });

  const created = await transport.write<IngestJobInfo>(kind, {
    method: 'POST',
    path: '/jobs/ingest',
    body: {
      object: job.object,
      operation: job.upsertKey ? 'upsert' : 'update',
      ...(job.upsertKey ? { externalIdFieldName: job.upsertKey } : {}),
      contentType: 'CSV',
      lineEnding: 'LF',
    },
  });
  if (!created.ok) return created;
  const path = `/jobs/ingest/${created.value.id}`;
  const uploaded = await transport.write<unknown>(kind, {
    method: 'PUT',
    path: `${path}/batches`,
    csv: ingestCsv(job.records),
  });
  if (!uploaded.ok) return uploaded;
  const closed = await transport.write<IngestJobInfo>(kind, {
    method: 'PATCH',
    path,
    body: { state: 'UploadComplete' },
  });
  if (!closed.ok) return closed;

  const ended = await waitForJob(deps, path, job.object);
  if (!ended.ok) return ended;
  const info = ended.value;
  const failedCount = info.numberRecordsFailed ?? 0;
  const unprocessed = (info.numberRecordsProcessed ?? 0) < job.records.length;
  let failed: IngestResultRow[] = [];
  if (failedCount > 0) {
    const rows = await transport.write<IngestResultRow[] | ''>(kind, {
      method: 'GET',
      path: `${path}/failedResults`,
    });
    if (!rows.ok) return rows;
    failed = Array.isArray(rows.value) ? rows.value : [];
  }
  let successful: IngestResultRow[] | null = null;
  if (unprocessed) {
    const rows = await transport.write<IngestResultRow[] | ''>(kind, {
      method: 'GET',
      path: `${path}/successfulResults`,
    });
    if (!rows.ok) return rows;
    successful = Array.isArray(rows.value) ? rows.value : [];
  }
  const answers = ingestOutcomes([...keys.keys()], job.upsertKey ?? 'Id', { failed, successful });
  job.indexes.forEach((index, position) => {
    const answer = answers[position];
    if (answer) outcomes.set(index, answer);
  });
  return ok({ outcomes, rest });
}

/** Reads the job's status until it ends; one still running after `maxWaitMs` is aborted. */
async function waitForJob(
  deps: BulkWriteDeps,
  path: string,
  object: string,
): Promise<Result<IngestJobInfo, ConnectorError>> {
  const started = Date.now();
  for (;;) {
    const status = await deps.transport.write<IngestJobInfo>(kind, { method: 'GET', path });
    if (!status.ok) return status;
    const info = status.value;
    if (info.state === 'JobComplete') return ok(info);
    if (info.state === 'Failed' || info.state === 'Aborted') {
      return err({
        code: 'unavailable',
        message: `Salesforce's bulk ingest job ${info.id} on ${object} ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}`,
      });
    }
    if (Date.now() - started >= (deps.maxWaitMs ?? 600_000)) {
      await deps.transport.write<IngestJobInfo>(kind, { method: 'PATCH', path, body: { state: 'Aborted' } });
      return err({
        code: 'unavailable',
        message: `Salesforce's bulk ingest job ${info.id} on ${object} still ${info.state} after ${deps.maxWaitMs ?? 600_000} ms: aborted`,
      });
    }
    await delay(deps.pollMs ?? 2_000);
  }
}
