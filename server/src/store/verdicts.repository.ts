import type { Motion, Readiness, Verdict } from '@ripe/shared';
import type { OrgTransaction } from './org-scope.ts';
import {
  classifyChange,
  defaultScoreMoveThreshold,
  evidenceHash,
  type VerdictChange,
} from './verdict-change.ts';

export interface SaveVerdictsOptions {
  /** Verdicts per statement. */
  batchSize?: number;
  scoreMoveThreshold?: number;
}

/** One verdict of the history. */
export interface VerdictRecord {
  runId: string;
  asOf: string;
  readiness: Readiness;
  score: number;
  probability: number;
  expectedValue: number;
  motion: Motion | null;
  evidenceHash: string;
  verdict: Verdict;
  createdAt: Date;
}

/** The latest verdict of an account. */
export interface AccountState extends Omit<VerdictRecord, 'runId' | 'createdAt'> {
  accountId: string;
  lastRunId: string;
  previousReadiness: Readiness | null;
  previousScore: number | null;
  updatedAt: Date;
}

export type StateQuery = { readiness?: readonly Readiness[]; limit?: number } & (
  { orderBy?: 'expected_value' } | { orderBy: 'account_id'; afterAccountId?: string }
);

interface ChangeRow {
  account_id: string;
  readiness: Readiness;
  score: number;
  previous_readiness: Readiness | null;
  previous_score: number | null;
}

const defaultBatchSize = 1_000;

// One jsonb parameter per batch: measured as fast as per-column arrays, and simpler to bind.
const batchInput = `input as (
  select * from jsonb_to_recordset($3::jsonb) as v(
    account_id text, as_of date, readiness text, score double precision, probability double precision,
    expected_value double precision, motion text, evidence_hash text, verdict jsonb)
)`;

// A retried batch of the same run replaces its history rows instead of failing or duplicating.
const insertHistory = `history as (
  insert into verdicts (org_id, run_id, account_id, as_of, readiness, score, probability, expected_value,
    motion, evidence_hash, verdict)
  select $1, $2::uuid, account_id, as_of, readiness, score, probability, expected_value, motion, evidence_hash, verdict
  from input
  on conflict (org_id, run_id, account_id) do update set
    as_of = excluded.as_of, readiness = excluded.readiness, score = excluded.score,
    probability = excluded.probability, expected_value = excluded.expected_value, motion = excluded.motion,
    evidence_hash = excluded.evidence_hash, verdict = excluded.verdict
)`;

// The state before this run moves to previous_*, unless this run already wrote it (a retry).
const upsertStates = `with ${batchInput}, ${insertHistory}
insert into account_states as s (org_id, account_id, last_run_id, as_of, readiness, score, probability,
  expected_value, motion, evidence_hash, verdict)
select $1, account_id, $2::uuid, as_of, readiness, score, probability, expected_value, motion, evidence_hash, verdict
from input
on conflict (org_id, account_id) do update set
  previous_run_id = case when s.last_run_id = excluded.last_run_id then s.previous_run_id else s.last_run_id end,
  previous_readiness = case when s.last_run_id = excluded.last_run_id then s.previous_readiness else s.readiness end,
  previous_score = case when s.last_run_id = excluded.last_run_id then s.previous_score else s.score end,
  last_run_id = excluded.last_run_id, as_of = excluded.as_of, readiness = excluded.readiness,
  score = excluded.score, probability = excluded.probability, expected_value = excluded.expected_value,
  motion = excluded.motion, evidence_hash = excluded.evidence_hash, verdict = excluded.verdict, updated_at = now()
returning account_id, readiness, score, previous_readiness, previous_score`;

// A dry run keeps its verdicts in the history but leaves the latest states to real runs.
const compareWithStates = `with ${batchInput}, ${insertHistory}
select i.account_id, i.readiness, i.score, s.readiness as previous_readiness, s.score as previous_score
from input i left join account_states s on s.org_id = $1 and s.account_id = i.account_id`;

/**
 * Saves a run's verdicts in batches (one statement per batch writes the history and the latest
 * states) and says, per account, what changed since the previous run, in the order given.
 */
export async function saveVerdicts(
  tx: OrgTransaction,
  runId: string,
  verdicts: readonly Verdict[],
  options: SaveVerdictsOptions = {},
): Promise<VerdictChange[]> {
  assertDistinctAccounts(verdicts);
  const { rows: runs } = await tx.query<{ dry_run: boolean }>(
    `select dry_run from runs where org_id = $1 and id = $2 and status = 'running'`,
    [tx.orgId, runId],
  );
  const run = runs[0];
  if (!run) throw new Error(`Run ${runId} is not running in org ${tx.orgId}`);
  const batchSize = options.batchSize ?? defaultBatchSize;
  const threshold = options.scoreMoveThreshold ?? defaultScoreMoveThreshold;
  const changes: VerdictChange[] = [];
  for (let start = 0; start < verdicts.length; start += batchSize) {
    const batch = verdicts.slice(start, start + batchSize);
    const { rows } = await tx.query<ChangeRow>(run.dry_run ? compareWithStates : upsertStates, [
      tx.orgId,
      runId,
      JSON.stringify(batch.map(toInputRow)),
    ]);
    const byAccount = new Map(rows.map((row) => [row.account_id, row]));
    for (const verdict of batch) {
      const row = byAccount.get(verdict.accountId);
      if (!row) throw new Error(`Verdict of account ${verdict.accountId} was not saved`);
      changes.push(toChange(row, threshold));
    }
  }
  return changes;
}

/** The account's verdicts, newest first; dry runs are left out. */
export async function historyOf(
  tx: OrgTransaction,
  accountId: string,
  options: { limit?: number } = {},
): Promise<VerdictRecord[]> {
  const { rows } = await tx.query<VerdictRow>(
    `select v.run_id::text, v.as_of::text, v.readiness, v.score, v.probability, v.expected_value, v.motion,
       v.evidence_hash, v.verdict, v.created_at
     from verdicts v join runs r on r.org_id = v.org_id and r.id = v.run_id
     where v.org_id = $1 and v.account_id = $2 and not r.dry_run
     order by v.as_of desc, v.created_at desc
     limit $3`,
    [tx.orgId, accountId, options.limit ?? 100],
  );
  return rows.map(toVerdictRecord);
}

/** The latest verdict of one account; undefined when no night has scored it. */
export async function latestStateOf(
  tx: OrgTransaction,
  accountId: string,
): Promise<AccountState | undefined> {
  const { rows } = await tx.query<StateRow>(
    `select account_id, last_run_id::text, as_of::text, readiness, score, probability, expected_value, motion,
       evidence_hash, verdict, previous_readiness, previous_score, updated_at
     from account_states where org_id = $1 and account_id = $2`,
    [tx.orgId, accountId],
  );
  return rows[0] ? toAccountState(rows[0]) : undefined;
}

/** Latest states, ranked by expected value (the digest) or by account id (paging through all). */
export async function latestStates(tx: OrgTransaction, query: StateQuery = {}): Promise<AccountState[]> {
  const byAccount = query.orderBy === 'account_id';
  const { rows } = await tx.query<StateRow>(
    `select account_id, last_run_id::text, as_of::text, readiness, score, probability, expected_value, motion,
       evidence_hash, verdict, previous_readiness, previous_score, updated_at
     from account_states
     where org_id = $1
       and ($2::text[] is null or readiness = any($2::text[]))
       and ($3::text is null or account_id > $3::text)
     order by ${byAccount ? 'account_id' : 'expected_value desc, account_id'}
     limit $4`,
    [
      tx.orgId,
      query.readiness ? [...query.readiness] : null,
      query.orderBy === 'account_id' ? (query.afterAccountId ?? null) : null,
      query.limit ?? 1_000,
    ],
  );
  return rows.map(toAccountState);
}

interface VerdictRow {
  run_id: string;
  as_of: string;
  readiness: Readiness;
  score: number;
  probability: number;
  expected_value: number;
  motion: Motion | null;
  evidence_hash: string;
  verdict: Verdict;
  created_at: Date;
}

interface StateRow extends Omit<VerdictRow, 'run_id' | 'created_at'> {
  account_id: string;
  last_run_id: string;
  previous_readiness: Readiness | null;
  previous_score: number | null;
  updated_at: Date;
}

function toInputRow(verdict: Verdict) {
  return {
    account_id: verdict.accountId,
    as_of: verdict.asOf,
    readiness: verdict.readiness,
    score: verdict.score,
    probability: verdict.probability,
    expected_value: verdict.expectedValue,
    motion: verdict.motion,
    evidence_hash: evidenceHash(verdict.evidence),
    verdict,
  };
}

function toChange(row: ChangeRow, threshold: number): VerdictChange {
  const previous =
    row.previous_readiness === null || row.previous_score === null
      ? null
      : { readiness: row.previous_readiness, score: row.previous_score };
  return {
    accountId: row.account_id,
    change: classifyChange(previous, row, threshold),
    readiness: row.readiness,
    score: row.score,
    previousReadiness: previous?.readiness ?? null,
    previousScore: previous?.score ?? null,
  };
}

function toVerdictRecord(row: VerdictRow): VerdictRecord {
  return {
    runId: row.run_id,
    asOf: row.as_of,
    readiness: row.readiness,
    score: row.score,
    probability: row.probability,
    expectedValue: row.expected_value,
    motion: row.motion,
    evidenceHash: row.evidence_hash,
    verdict: row.verdict,
    createdAt: row.created_at,
  };
}

function toAccountState(row: StateRow): AccountState {
  return {
    accountId: row.account_id,
    lastRunId: row.last_run_id,
    asOf: row.as_of,
    readiness: row.readiness,
    score: row.score,
    probability: row.probability,
    expectedValue: row.expected_value,
    motion: row.motion,
    evidenceHash: row.evidence_hash,
    verdict: row.verdict,
    previousReadiness: row.previous_readiness,
    previousScore: row.previous_score,
    updatedAt: row.updated_at,
  };
}

function assertDistinctAccounts(verdicts: readonly Verdict[]): void {
  const seen = new Set<string>();
  for (const verdict of verdicts) {
    if (seen.has(verdict.accountId)) {
      throw new Error(`Account ${verdict.accountId} has two verdicts in one save`);
    }
    seen.add(verdict.accountId);
  }
}
