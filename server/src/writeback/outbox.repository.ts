import type { OrgTransaction } from '../store/org-scope.ts';
import type { WritebackPayload } from './writeback-payload.ts';

export type WritebackStatus = 'pending' | 'done' | 'failed' | 'skipped' | 'superseded';

/** One outbox row: what a night staged for one account; the write-back engine drains the pending ones. */
export interface Writeback {
  runId: string;
  accountId: string;
  payload: WritebackPayload;
  status: WritebackStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** The row's place in the outbox, oldest first: the drain pages by it. */
  seq: number;
}

interface WritebackRow {
  run_id: string;
  account_id: string;
  payload: WritebackPayload;
  status: WritebackStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  seq: string;
}

const columns = 'run_id::text, account_id, payload, status, attempts, last_error, created_at, seq';

/**
 * Stages write-backs for a run. A row that exists already (a replayed batch) is left as it is, so the same
 * (run, account) is never staged twice. An older pending row of the same account is superseded: only the
 * latest verdict is worth writing. Returns how many rows were added.
 */
export async function enqueueWritebacks(
  tx: OrgTransaction,
  runId: string,
  items: readonly { accountId: string; payload: WritebackPayload }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const accountIds = items.map((item) => item.accountId);
  await tx.query(
    `update writebacks set status = 'superseded', updated_at = now()
     where org_id = $1 and status = 'pending' and run_id <> $2::uuid and account_id = any($3::text[])`,
    [tx.orgId, runId, accountIds],
  );
  const { rowCount } = await tx.query(
    `insert into writebacks (org_id, run_id, account_id, payload)
     select $1, $2::uuid, w."accountId", w.payload
     from jsonb_to_recordset($3::jsonb) as w("accountId" text, payload jsonb)
     on conflict (run_id, account_id) do nothing`,
    [tx.orgId, runId, JSON.stringify(items)],
  );
  return rowCount;
}

/** The oldest pending write-backs of the org, after the row `afterSeq`: what to drain next. */
export async function listPendingWritebacks(
  tx: OrgTransaction,
  limit = 200,
  afterSeq = 0,
): Promise<Writeback[]> {
  const { rows } = await tx.query<WritebackRow>(
    `select ${columns} from writebacks
     where org_id = $1 and status = 'pending'
       and seq > $3
     order by seq limit $2`,
    [tx.orgId, limit, afterSeq],
  );
  return rows.map(toWriteback);
}

export async function listRunWritebacks(tx: OrgTransaction, runId: string): Promise<Writeback[]> {
  const { rows } = await tx.query<WritebackRow>(
    `select ${columns} from writebacks where org_id = $1 and run_id = $2::uuid order by account_id`,
    [tx.orgId, runId],
  );
  return rows.map(toWriteback);
}

/** Records attempts at many write-backs in one statement (the drain settles a batch's rows together). */
export async function markWritebacks(
  tx: OrgTransaction,
  marks: readonly { runId: string; accountId: string; status: WritebackStatus; lastError: string | null }[],
): Promise<number> {
  if (marks.length === 0) return 0;
  const { rowCount } = await tx.query(
    `update writebacks w set status = m.status, attempts = w.attempts + 1, last_error = m."lastError",
       updated_at = now()
     from jsonb_to_recordset($2::jsonb) as m("runId" uuid, "accountId" text, status text, "lastError" text)
     where w.org_id = $1 and w.run_id = m."runId" and w.account_id = m."accountId"`,
    [tx.orgId, JSON.stringify(marks)],
  );
  return rowCount;
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
    seq: Number(row.seq),
  };
}
