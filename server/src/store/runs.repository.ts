import type { FieldIssue } from '@ripe/shared';
import type { OrgTransaction } from './org-scope.ts';
import { firstRow, toJson } from './rows.ts';

export type RunStatus = 'running' | 'succeeded' | 'failed';

export interface RunCounts {
  accounts: number;
  scored: number;
  ready: number;
  errors: number;
}

/** Milliseconds per phase of the night, e.g. `{ pull: 41_000, score: 9_000, writeBack: 12_000 }`. */
export type RunDurations = Record<string, number>;

export interface RunOutcome {
  counts: RunCounts;
  durations: RunDurations;
  /** CRM API calls this run used… */
  apiCalls: number;
  /** …against the org's daily allowance, when the CRM reports one. */
  apiCallLimit: number | null;
  /** Model tokens (input + output) this run used. */
  tokens: number;
}

/** A run's CRM API usage: calls by direction and kind, beside the floor, and where a budget stopped it. */
export interface RunApiUsage {
  calls: { reads: number; writes: number; total: number; byKind: Record<string, number> };
  /** The fewest calls the same work needs at full page and batch size. */
  floor: { reads: number; writes: number; total: number };
  allowance: { max: number | null; remaining: number | null };
  /** Calls the night could spend (a share of what remained); null when the CRM sets no daily limit. */
  budget: number | null;
  /** Why the night stopped before the end (`budget`, `daily_limit` …); null when it did not. */
  stopped: string | null;
}

export interface Run extends RunOutcome {
  id: string;
  orgId: string;
  status: RunStatus;
  dryRun: boolean;
  startedAt: Date;
  finishedAt: Date | null;
  failureReason: string | null;
  /** Null for a run that made no CRM call (a failure before the pull, a run of an older version). */
  apiUsage: RunApiUsage | null;
}

interface RunRow {
  id: string;
  org_id: string;
  status: RunStatus;
  dry_run: boolean;
  started_at: Date;
  finished_at: Date | null;
  counts: RunCounts;
  durations: RunDurations;
  api_calls: number;
  api_call_limit: number | null;
  tokens: number;
  failure_reason: string | null;
  api_usage: Partial<RunApiUsage>;
}

const runColumns = `id::text, org_id, status, dry_run, started_at, finished_at, counts, durations,
  api_calls, api_call_limit, tokens, failure_reason, api_usage`;
const errorBatchSize = 1_000;

export async function startRun(tx: OrgTransaction, options: { dryRun?: boolean } = {}): Promise<Run> {
  const { rows } = await tx.query<RunRow>(
    `insert into runs (org_id, dry_run) values ($1, $2) returning ${runColumns}`,
    [tx.orgId, options.dryRun ?? false],
  );
  return toRun(firstRow(rows));
}

/** Marks a running run succeeded; `undefined` when no running run has this id. */
export async function finishRun(
  tx: OrgTransaction,
  runId: string,
  outcome: RunOutcome,
): Promise<Run | undefined> {
  return endRun(tx, runId, 'succeeded', outcome, null);
}

/** Marks a running run failed, keeping what it had counted so far. */
export async function failRun(
  tx: OrgTransaction,
  runId: string,
  reason: string,
  outcome: Partial<RunOutcome> = {},
): Promise<Run | undefined> {
  return endRun(tx, runId, 'failed', outcome, reason);
}

export async function getRun(tx: OrgTransaction, runId: string): Promise<Run | undefined> {
  const { rows } = await tx.query<RunRow>(`select ${runColumns} from runs where org_id = $1 and id = $2`, [
    tx.orgId,
    runId,
  ]);
  return rows[0] ? toRun(rows[0]) : undefined;
}

export async function listRecentRuns(tx: OrgTransaction, limit = 20): Promise<Run[]> {
  const { rows } = await tx.query<RunRow>(
    `select ${runColumns} from runs where org_id = $1 order by started_at desc, started_seq desc limit $2`,
    [tx.orgId, limit],
  );
  return rows.map(toRun);
}

/** Stores the run's per-record errors, one statement per thousand. */
export async function recordRunErrors(
  tx: OrgTransaction,
  runId: string,
  issues: readonly FieldIssue[],
): Promise<void> {
  for (let start = 0; start < issues.length; start += errorBatchSize) {
    const batch = issues.slice(start, start + errorBatchSize);
    await tx.query(
      `insert into run_errors (org_id, run_id, record, record_id, field, message)
       select $1, $2, e.record, e."recordId", e.field, e.message
       from jsonb_to_recordset($3::jsonb) as e(record text, "recordId" text, field text, message text)`,
      [tx.orgId, runId, JSON.stringify(batch)],
    );
  }
}

export async function listRunErrors(tx: OrgTransaction, runId: string, limit = 1_000): Promise<FieldIssue[]> {
  const { rows } = await tx.query<FieldIssue>(
    `select record, record_id as "recordId", field, message from run_errors
     where org_id = $1 and run_id = $2 order by created_at, record_id, field limit $3`,
    [tx.orgId, runId, limit],
  );
  return rows;
}

async function endRun(
  tx: OrgTransaction,
  runId: string,
  status: Exclude<RunStatus, 'running'>,
  outcome: Partial<RunOutcome>,
  failureReason: string | null,
): Promise<Run | undefined> {
  const { rows } = await tx.query<RunRow>(
    `update runs set
       status = $3,
       finished_at = now(),
       counts = coalesce($4::jsonb, counts),
       durations = coalesce($5::jsonb, durations),
       api_calls = coalesce($6, api_calls),
       api_call_limit = coalesce($7, api_call_limit),
       tokens = coalesce($8, tokens),
       failure_reason = $9
     where org_id = $1 and id = $2 and status = 'running'
     returning ${runColumns}`,
    [
      tx.orgId,
      runId,
      status,
      toJson(outcome.counts),
      toJson(outcome.durations),
      outcome.apiCalls ?? null,
      outcome.apiCallLimit ?? null,
      outcome.tokens ?? null,
      failureReason,
    ],
  );
  return rows[0] ? toRun(rows[0]) : undefined;
}

function toRun(row: RunRow): Run {
  return {
    id: row.id,
    orgId: row.org_id,
    status: row.status,
    dryRun: row.dry_run,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: row.counts,
    durations: row.durations,
    apiCalls: row.api_calls,
    apiCallLimit: row.api_call_limit,
    tokens: row.tokens,
    failureReason: row.failure_reason,
    apiUsage: row.api_usage?.calls ? (row.api_usage as RunApiUsage) : null,
  };
}
