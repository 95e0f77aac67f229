import { dayProblem, RipeError } from '@ripe/shared';
import { failRun } from '../store/runs.repository.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { claimLease, createCheckpoint, getCheckpoint, releaseLease } from './checkpoint.repository.ts';
import { findNightRun, getNightRun, nightStartCursor, startNightRun } from './night-runs.repository.ts';
import type { Claimed } from './org-night.types.ts';

export async function claimRun(
  db: Database,
  orgId: string,
  owner: string,
  leaseMs: number,
  driven: ReadonlySet<string>,
  input: {
    asOf: string;
    dryRun: boolean;
    nightDate?: string;
    resumeRunId?: string;
    batchSize: number;
    full: boolean;
    usageIngested: boolean;
    maxResumes: number;
  },
): Promise<
  Claimed | { skipped: 'already_done' | 'in_progress_elsewhere' | 'given_up'; runId: string | null }
> {
  return withOrg(db, orgId, async (tx) => {
    const existing = input.resumeRunId
      ? await getNightRun(tx, input.resumeRunId)
      : input.nightDate
        ? await findNightRun(tx, input.nightDate)
        : undefined;
    if (input.resumeRunId && !existing)
      throw new RipeError('not_found', `Run ${input.resumeRunId} does not exist`);
    if (existing) {
      if (existing.status === 'succeeded') return { skipped: 'already_done', runId: existing.id };
      if (driven.has(existing.id)) return { skipped: 'in_progress_elsewhere', runId: existing.id };
      if (existing.status === 'failed') {
        throw new RipeError('night_not_resumable', `Run ${existing.id} failed: run the night again instead`);
      }
      if (!(await getCheckpoint(tx, existing.id))) {
        throw new RipeError('night_not_resumable', `Run ${existing.id} has no checkpoint to resume from`);
      }
      const checkpoint = await claimLease(tx, existing.id, owner, leaseMs);
      if (!checkpoint) return { skipped: 'in_progress_elsewhere', runId: existing.id };
      const poisoned = unrunnable(checkpoint, input.maxResumes);
      if (poisoned) {
        await failRun(tx, existing.id, poisoned);
        await releaseLease(tx, existing.id, owner);
        return { skipped: 'given_up', runId: existing.id };
      }
      return { runId: existing.id, dryRun: existing.dryRun, nightDate: existing.nightDate, checkpoint };
    }
    const asOfProblem = dayProblem(input.asOf);
    if (asOfProblem) throw new RipeError('invalid_argument', `The night's day (asOf) ${asOfProblem}`);
    const run = await startNightRun(tx, { dryRun: input.dryRun, nightDate: input.nightDate });
    // Another process started this night a moment ago: it is theirs.
    if (!run) return { skipped: 'in_progress_elsewhere', runId: null };
    const checkpoint = await createCheckpoint(tx, {
      startCursor: input.full ? null : await nightStartCursor(tx, { usageIngested: input.usageIngested }),
      runId: run.id,
      asOf: input.asOf,
      batchSize: input.batchSize,
      owner,
      leaseMs,
    });
    return { runId: run.id, dryRun: run.dryRun, nightDate: run.nightDate, checkpoint };
  });
}

/**
 * Why a run taken over must not run again, if it must not: it was resumed more often than allowed
 * (each process that tried died or lost it), or its day is out of range (stored before the bound).
 */
function unrunnable(checkpoint: { resumes: number; asOf: string }, maxResumes: number): string | undefined {
  if (checkpoint.resumes > maxResumes) {
    return (
      `Given up after ${maxResumes} resumes without finishing (each process running it stopped or crashed): ` +
      'look at the server logs of this run, then run the night again'
    );
  }
  const problem = dayProblem(checkpoint.asOf);
  return problem ? `The night's day (asOf) ${problem}: run the night again with another day` : undefined;
}
