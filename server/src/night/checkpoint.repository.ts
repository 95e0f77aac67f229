import type { Readiness } from '@ripe/shared';
import type { OrgTransaction } from '../store/org-scope.ts';
import { firstRow } from '../store/rows.ts';
import type { SyncCursor } from '../connectors/crm-connector.ts';

/** Running totals of a run's committed batches: what the run record says when the night ends. */
export interface NightTally {
  records: number;
  scored: number;
  invalid: number;
  issueCount: number;
  readiness: Record<Readiness, number>;
  totalPotential: number;
  totalExpectedValue: number;
  writebacks: number;
  /** Changes the account team made in the CRM, recorded as feedback. */
  feedback: number;
  /** CRM API calls of the pull, summed over the processes that drove the run. */
  apiReads: number;
  /** Milliseconds per phase, summed over batches (and over the processes that drove the run). */
  durations: { pull: number; score: number; agent: number; save: number };
}

export interface NightCheckpoint {
  runId: string;
  asOf: string;
  batchSize: number;
  batchesCommitted: number;
  lastAccountId: string | null;
  tally: NightTally;
  /** How many times a process took the run over from another (or from itself after a crash). */
  resumes: number;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  /** Where the run's pull started in the CRM's change order, and where its last committed batch ended. */
  startCursor: SyncCursor;
  cursor: SyncCursor;
}

export interface BatchCommit {
  /** The batch's position from 0: it must be the next one, so a batch never commits twice. */
  batchIndex: number;
  lastAccountId: string | null;
  /** The change-order position of the batch's last account. */
  cursor: SyncCursor;
  tally: NightTally;
}

export function emptyTally(): NightTally {
  return {
    records: 0,
    scored: 0,
    invalid: 0,
    issueCount: 0,
    readiness: { ready: 0, nurture: 0, caution: 0, not_ready: 0 },
    totalPotential: 0,
    totalExpectedValue: 0,
    writebacks: 0,
    feedback: 0,
    apiReads: 0,
    durations: { pull: 0, score: 0, agent: 0, save: 0 },
  };
}

interface CheckpointRow {
  run_id: string;
  as_of: string;
  batch_size: number;
  batches_committed: number;
  last_account_id: string | null;
  tally: Partial<NightTally>;
  resumes: number;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  start_cursor: SyncCursor;
  cursor: SyncCursor;
}

const columns = `run_id::text, as_of::text, batch_size, batches_committed, last_account_id, tally, resumes,
  lease_owner, lease_expires_at, start_cursor, cursor`;

/** The checkpoint of a new run, leased to `owner`. */
export async function createCheckpoint(
  tx: OrgTransaction,
  input: {
    runId: string;
    asOf: string;
    batchSize: number;
    owner: string;
    leaseMs: number;
    startCursor?: SyncCursor;
  },
): Promise<NightCheckpoint> {
  const { rows } = await tx.query<CheckpointRow>(
    `insert into night_checkpoints (org_id, run_id, as_of, batch_size, tally, lease_owner, lease_expires_at,
       start_cursor, cursor)
     values ($1, $2::uuid, $3::date, $4, $5::jsonb, $6, now() + $7 * interval '1 millisecond', $8::jsonb, $8::jsonb)
     returning ${columns}`,
    [
      tx.orgId,
      input.runId,
      input.asOf,
      input.batchSize,
      JSON.stringify(emptyTally()),
      input.owner,
      input.leaseMs,
      JSON.stringify(input.startCursor ?? null),
    ],
  );
  return toCheckpoint(firstRow(rows));
}

export async function getCheckpoint(tx: OrgTransaction, runId: string): Promise<NightCheckpoint | undefined> {
  const { rows } = await tx.query<CheckpointRow>(
    `select ${columns} from night_checkpoints where org_id = $1 and run_id = $2::uuid`,
    [tx.orgId, runId],
  );
  return rows[0] ? toCheckpoint(rows[0]) : undefined;
}

/**
 * Takes the run's lease when it is free, expired or already `owner`'s; `undefined` when another process
 * holds it. Taking over from another process (or from an earlier life of this one) counts as a resume.
 */
export async function claimLease(
  tx: OrgTransaction,
  runId: string,
  owner: string,
  leaseMs: number,
): Promise<NightCheckpoint | undefined> {
  const { rows } = await tx.query<CheckpointRow>(
    `update night_checkpoints set
       resumes = resumes + case when lease_owner = $3 then 0 else 1 end,
       lease_owner = $3,
       lease_expires_at = now() + $4 * interval '1 millisecond',
       updated_at = now()
     where org_id = $1 and run_id = $2::uuid
       and (lease_owner is null or lease_owner = $3 or lease_expires_at < now())
     returning ${columns}`,
    [tx.orgId, runId, owner, leaseMs],
  );
  return rows[0] ? toCheckpoint(rows[0]) : undefined;
}

/** Extends `owner`'s lease; false when it is no longer theirs. */
export async function renewLease(
  tx: OrgTransaction,
  runId: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update night_checkpoints set lease_expires_at = now() + $4 * interval '1 millisecond'
     where org_id = $1 and run_id = $2::uuid and lease_owner = $3`,
    [tx.orgId, runId, owner, leaseMs],
  );
  return rowCount > 0;
}

/** Gives the lease up when the run ended; false when it was not `owner`'s. */
export async function releaseLease(tx: OrgTransaction, runId: string, owner: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update night_checkpoints set lease_owner = null, lease_expires_at = null, updated_at = now()
     where org_id = $1 and run_id = $2::uuid and lease_owner = $3`,
    [tx.orgId, runId, owner],
  );
  return rowCount > 0;
}

/**
 * Lets the lease run out now while keeping the checkpoint: any worker may resume the run (a retry, or
 * the sweep that looks for runs whose process stopped).
 */
export async function expireLease(tx: OrgTransaction, runId: string, owner: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update night_checkpoints set lease_expires_at = now() - interval '1 millisecond', updated_at = now()
     where org_id = $1 and run_id = $2::uuid and lease_owner = $3`,
    [tx.orgId, runId, owner],
  );
  return rowCount > 0;
}

/**
 * Records a batch as committed, in the transaction that saves its verdicts. It succeeds only for the
 * lease holder and the next batch in order: false means another process owns the run now (or this batch
 * already committed), and the caller must roll the transaction back. Locks the checkpoint row, so two
 * processes can never interleave their batches.
 */
export async function commitBatch(
  tx: OrgTransaction,
  runId: string,
  owner: string,
  leaseMs: number,
  commit: BatchCommit,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update night_checkpoints set
       batches_committed = batches_committed + 1,
       last_account_id = $5,
       tally = $6::jsonb,
       lease_expires_at = now() + $7 * interval '1 millisecond',
       cursor = $8::jsonb,
       updated_at = now()
     where org_id = $1 and run_id = $2::uuid and lease_owner = $3 and batches_committed = $4`,
    [
      tx.orgId,
      runId,
      owner,
      commit.batchIndex,
      commit.lastAccountId,
      JSON.stringify(commit.tally),
      leaseMs,
      JSON.stringify(commit.cursor),
    ],
  );
  return rowCount > 0;
}

/**
 * Locks the checkpoint for the next batch (or the end of the run) when `owner` still drives the run and
 * `batchIndex` batches have committed; false otherwise, and the caller must write nothing. A lease that
 * expired without anyone taking it over still counts: the commit renews it.
 */
export async function lockForBatch(
  tx: OrgTransaction,
  runId: string,
  owner: string,
  batchIndex: number,
): Promise<boolean> {
  const { rows } = await tx.query(
    `select 1 from night_checkpoints
     where org_id = $1 and run_id = $2::uuid and lease_owner = $3 and batches_committed = $4
     for update`,
    [tx.orgId, runId, owner, batchIndex],
  );
  return rows.length > 0;
}

/** Locks the checkpoint when `owner` still drives the run (to end it); false otherwise. */
export async function lockLease(tx: OrgTransaction, runId: string, owner: string): Promise<boolean> {
  const { rows } = await tx.query(
    `select 1 from night_checkpoints where org_id = $1 and run_id = $2::uuid and lease_owner = $3 for update`,
    [tx.orgId, runId, owner],
  );
  return rows.length > 0;
}

function toCheckpoint(row: CheckpointRow): NightCheckpoint {
  const empty = emptyTally();
  return {
    runId: row.run_id,
    asOf: row.as_of,
    batchSize: row.batch_size,
    batchesCommitted: row.batches_committed,
    lastAccountId: row.last_account_id,
    tally: {
      ...empty,
      ...row.tally,
      readiness: { ...empty.readiness, ...row.tally.readiness },
      durations: { ...empty.durations, ...row.tally.durations },
    },
    resumes: row.resumes,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    startCursor: row.start_cursor ?? null,
    cursor: row.cursor ?? null,
  };
}
