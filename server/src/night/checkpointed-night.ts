import type { FieldIssue, Verdict } from '@ripe/shared';
import type { AccountSource } from './account-source.ts';
import type { NightSink } from './run-night.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { recordRunErrors } from '../store/runs.repository.ts';
import { saveVerdicts } from '../store/verdicts.repository.ts';
import { commitBatch, lockForBatch, type NightCheckpoint, type NightTally } from './checkpoint.repository.ts';
import { LeaseLostError, NightStoppedError } from './night-failure.ts';
import type { ResumableSource } from './org-data.ts';
import { enqueueWritebacks, writebackPayload } from './writeback.repository.ts';

export interface CheckpointedNightInput {
  db: Database;
  orgId: string;
  runId: string;
  owner: string;
  leaseMs: number;
  dryRun: boolean;
  checkpoint: NightCheckpoint;
  source: ResumableSource;
  /** Aborted when the process stops: no new batch is pulled, the committed ones stay. */
  signal?: AbortSignal;
}

export interface CheckpointedNight {
  /** Starts after the committed batches; hand it to `runNight` with the checkpoint's batch size. */
  source: AccountSource;
  /** Commits each batch with its verdicts, errors, write-backs and checkpoint in one transaction. */
  sink: NightSink;
  /** Totals of every committed batch, this process's and its predecessors'. */
  tally(): NightTally;
}

interface BatchInFlight {
  index: number;
  size: number;
  lastAccountId: string | null;
  pullMs: number;
  yieldedAt: number;
}

/**
 * Wraps a night's source and sink so that the run survives its process: batches before the checkpoint
 * are not pulled again, and a batch either commits whole (with the checkpoint) or not at all.
 */
export function checkpointedNight(input: CheckpointedNightInput): CheckpointedNight {
  const { db, orgId, runId, owner, leaseMs, dryRun, checkpoint, source, signal } = input;
  let tally = structuredClone(checkpoint.tally);
  // runNight asks for the next batch only after the sink saved the previous one: one batch in flight.
  let inFlight: BatchInFlight | undefined;

  async function* batches(): AsyncIterable<unknown[]> {
    const resumed = source.batchesFrom(checkpoint.batchSize, checkpoint.batchesCommitted);
    const iterator = resumed[Symbol.asyncIterator]();
    for (let index = checkpoint.batchesCommitted; ; index += 1) {
      if (signal?.aborted) throw new NightStoppedError();
      const pullStartedAt = performance.now();
      const next = await iterator.next();
      if (next.done) return;
      const yieldedAt = performance.now();
      inFlight = {
        index,
        size: next.value.length,
        lastAccountId: recordIdOf(next.value.at(-1)),
        pullMs: yieldedAt - pullStartedAt,
        yieldedAt,
      };
      yield next.value;
    }
  }

  async function saveBatch(verdicts: Verdict[], issues: FieldIssue[]): Promise<void> {
    const batch = inFlight;
    if (!batch) throw new Error('saveBatch called with no batch in flight');
    const saveStartedAt = performance.now();
    const next = await withOrg(db, orgId, async (tx) => {
      if (!(await lockForBatch(tx, runId, owner, batch.index))) throw new LeaseLostError(runId);
      const changes = await saveVerdicts(tx, runId, verdicts);
      await recordRunErrors(tx, runId, issues);
      let writebacks = 0;
      if (!dryRun) {
        // Ready accounts get their card and task; accounts that stop being ready get theirs updated.
        const items = changes.flatMap((change, position) => {
          const verdict = verdicts[position];
          if (!verdict || (change.readiness !== 'ready' && change.previousReadiness !== 'ready')) return [];
          return [
            {
              accountId: verdict.accountId,
              payload: writebackPayload(verdict, change.change, change.previousReadiness),
            },
          ];
        });
        writebacks = await enqueueWritebacks(tx, runId, items);
      }
      const updated = addBatch(tally, batch, verdicts, issues, writebacks, saveStartedAt);
      updated.durations.save += performance.now() - saveStartedAt;
      const committed = await commitBatch(tx, runId, owner, leaseMs, {
        batchIndex: batch.index,
        lastAccountId: batch.lastAccountId,
        tally: updated,
      });
      if (!committed) throw new LeaseLostError(runId);
      return updated;
    });
    tally = next;
    inFlight = undefined;
  }

  return {
    source: {
      orgId: source.orgId,
      priceBook: source.priceBook,
      total: Math.max(0, source.total - checkpoint.batchesCommitted * checkpoint.batchSize),
      batches,
    },
    sink: { saveBatch },
    tally: () => structuredClone(tally),
  };
}

function addBatch(
  tally: NightTally,
  batch: BatchInFlight,
  verdicts: readonly Verdict[],
  issues: readonly FieldIssue[],
  writebacks: number,
  saveStartedAt: number,
): NightTally {
  const next = structuredClone(tally);
  next.records += batch.size;
  next.scored += verdicts.length;
  next.invalid += batch.size - verdicts.length;
  next.issueCount += issues.length;
  next.writebacks += writebacks;
  for (const verdict of verdicts) {
    next.readiness[verdict.readiness] += 1;
    if (verdict.readiness === 'ready' || verdict.readiness === 'nurture') {
      next.totalPotential += verdict.potential.arr;
      next.totalExpectedValue += verdict.expectedValue;
    }
  }
  next.durations.pull += batch.pullMs;
  next.durations.score += saveStartedAt - batch.yieldedAt;
  return next;
}

function recordIdOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const account = (record as { account?: unknown }).account;
  if (typeof account !== 'object' || account === null) return null;
  const id = (account as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}
