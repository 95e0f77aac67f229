import type { Motion, Readiness, Verdict } from '@ripe/shared';
import type { OrgTransaction } from '../store/org-scope.ts';
import type { VerdictChangeKind } from '../store/verdict-change.ts';

export type WritebackStatus = 'pending' | 'done' | 'failed' | 'skipped';

/**
 * What the night asks a connector to write for one account: the machine-owned logical fields of the field
 * catalogue. The full verdict stays in `verdicts` (same run and account) for the card and the task body.
 */
export interface WritebackPayload {
  change: VerdictChangeKind;
  previousReadiness: Readiness | null;
  fields: {
    readiness: Readiness;
    score: number;
    probability: number;
    confidence: number;
    motion: Motion | null;
    potential: number;
    potential_low: number;
    potential_high: number;
    expected_value: number;
    window_start: string | null;
    window_end: string | null;
    last_scored_at: string;
  };
}

export interface Writeback {
  runId: string;
  accountId: string;
  payload: WritebackPayload;
  status: WritebackStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

interface WritebackRow {
  run_id: string;
  account_id: string;
  payload: WritebackPayload;
  status: WritebackStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
}

export function writebackPayload(
  verdict: Verdict,
  change: VerdictChangeKind,
  previousReadiness: Readiness | null,
): WritebackPayload {
  return {
    change,
    previousReadiness,
    fields: {
      readiness: verdict.readiness,
      score: verdict.score,
      probability: verdict.probability,
      confidence: verdict.confidence,
      motion: verdict.motion,
      potential: verdict.potential.arr,
      potential_low: verdict.potential.low,
      potential_high: verdict.potential.high,
      expected_value: verdict.expectedValue,
      window_start: verdict.window?.opensOn ?? null,
      window_end: verdict.window?.closesOn ?? null,
      last_scored_at: verdict.asOf,
    },
  };
}

/**
 * Queues write-backs for a run. A row that exists already (a replayed batch) is left as it is, so a
 * connector never sees the same (run, account) twice. Returns how many rows were added.
 */
export async function enqueueWritebacks(
  tx: OrgTransaction,
  runId: string,
  items: readonly { accountId: string; payload: WritebackPayload }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const { rowCount } = await tx.query(
    `insert into writebacks (org_id, run_id, account_id, payload)
     select $1, $2::uuid, w."accountId", w.payload
     from jsonb_to_recordset($3::jsonb) as w("accountId" text, payload jsonb)
     on conflict (run_id, account_id) do nothing`,
    [tx.orgId, runId, JSON.stringify(items)],
  );
  return rowCount;
}

/** The oldest pending write-backs of the org: what a connector drains next. */
export async function listPendingWritebacks(tx: OrgTransaction, limit = 200): Promise<Writeback[]> {
  const { rows } = await tx.query<WritebackRow>(
    `select run_id::text, account_id, payload, status, attempts, last_error, created_at
     from writebacks where org_id = $1 and status = 'pending'
     order by created_at, run_id, account_id limit $2`,
    [tx.orgId, limit],
  );
  return rows.map(toWriteback);
}

export async function listRunWritebacks(tx: OrgTransaction, runId: string): Promise<Writeback[]> {
  const { rows } = await tx.query<WritebackRow>(
    `select run_id::text, account_id, payload, status, attempts, last_error, created_at
     from writebacks where org_id = $1 and run_id = $2::uuid order by account_id`,
    [tx.orgId, runId],
  );
  return rows.map(toWriteback);
}

/** Records a connector's attempt at one write-back; `lastError` must hold no secret. */
export async function markWriteback(
  tx: OrgTransaction,
  key: { runId: string; accountId: string },
  status: WritebackStatus,
  lastError: string | null = null,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update writebacks set status = $4, attempts = attempts + 1, last_error = $5, updated_at = now()
     where org_id = $1 and run_id = $2::uuid and account_id = $3`,
    [tx.orgId, key.runId, key.accountId, status, lastError],
  );
  return rowCount > 0;
}

function toWriteback(row: WritebackRow): Writeback {
  return {
    runId: row.run_id,
    accountId: row.account_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}
