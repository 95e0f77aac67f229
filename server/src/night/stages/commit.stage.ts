import type { FieldIssue, PriceBook, Verdict } from '@ripe/shared';
import type { PulledAccount, SyncCursor } from '../../connectors/crm-connector.ts';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';
import { recordRunErrors } from '../../store/runs.repository.ts';
import { saveVerdicts } from '../../store/verdicts.repository.ts';
import { enqueueWritebacks } from '../../writeback/outbox.repository.ts';
import { writebackPayload } from '../../writeback/writeback-payload.ts';
import { commitBatch, lockForBatch, type NightTally } from '../checkpoint.repository.ts';
import { recordHumanValues } from '../human-values.repository.ts';
import { usageChartOf } from '../usage-chart.ts';
import { LeaseLostError } from '../night-failure.ts';
import { accountsCursor } from '../night-runs.repository.ts';
import { setSyncCursor } from '../../connectors/connections/connections.repository.ts';
import type { ScoredAccount } from './score.stage.ts';

export interface CommitInput {
  db: Database;
  orgId: string;
  runId: string;
  owner: string;
  leaseMs: number;
  dryRun: boolean;
  batchIndex: number;
  batch: readonly PulledAccount[];
  scored: readonly ScoredAccount[];
  issues: FieldIssue[];
  /** The tally with this batch added (computed by the caller). */
  tally: (writebacks: number, feedback: number) => NightTally;
  /** When the CRM's values became feedback. */
  now: Date;
  /** The org's price book (the tasks' priorities compare expected values in its currency). */
  priceBook: PriceBook;
}

/**
 * Commits one batch in one transaction, only while this process holds the run's lease: its verdicts, per-record
 * errors, the write-backs staged for every scored account, the human-owned values pulled (a change made in the
 * CRM becomes feedback), and the checkpoint with the batch's cursor. Either all of it commits or none.
 */
export async function commitStage(input: CommitInput): Promise<NightTally> {
  const { db, orgId, runId, owner, scored } = input;
  return withOrg(db, orgId, async (tx) => {
    if (!(await lockForBatch(tx, runId, owner, input.batchIndex))) throw new LeaseLostError(runId);
    // Each verdict keeps its usage chart, so the card can draw it without the night's snapshot.
    const verdicts: Verdict[] = scored.map((item) => ({
      ...item.verdict,
      usageChart: usageChartOf(item.snapshot, item.verdict),
    }));
    await saveVerdicts(tx, runId, verdicts);
    await recordRunErrors(tx, runId, input.issues);
    let writebacks = 0;
    let feedback = 0;
    if (!input.dryRun) {
      writebacks = await enqueueWritebacks(
        tx,
        runId,
        scored.map(({ pulled, verdict, features }) => ({
          accountId: verdict.accountId,
          payload: writebackPayload(verdict, pulled.human, pulled.ownerId, {
            features,
            ...(pulled.version === undefined ? {} : { pulledVersion: pulled.version }),
            priceBook: input.priceBook,
          }),
        })),
      );
      feedback = await recordHumanValues(tx, input.batch, input.now);
    }
    const cursor: SyncCursor = input.batch.at(-1)?.cursor ?? null;
    // A dry run leaves the org's cursor where it was: tonight's real night pulls the same accounts.
    if (!input.dryRun && cursor !== null) await setSyncCursor(tx, accountsCursor, cursor);
    const tally = input.tally(writebacks, feedback);
    const committed = await commitBatch(tx, runId, owner, input.leaseMs, {
      batchIndex: input.batchIndex,
      lastAccountId: input.batch.at(-1)?.accountId ?? null,
      cursor,
      tally,
    });
    if (!committed) throw new LeaseLostError(runId);
    return tally;
  });
}

/**
 * Moves the org's cursor past accounts the pull skipped as Ripe's own changes after the last committed batch,
 * while this process still holds the run's lease; a dry run leaves it where it was.
 */
export async function commitPassedCursor(input: {
  db: Database;
  orgId: string;
  runId: string;
  owner: string;
  dryRun: boolean;
  /** Batches committed so far in this run. */
  batchIndex: number;
  passed: NonNullable<SyncCursor>;
}): Promise<void> {
  if (input.dryRun) return;
  await withOrg(input.db, input.orgId, async (tx) => {
    if (!(await lockForBatch(tx, input.runId, input.owner, input.batchIndex)))
      throw new LeaseLostError(input.runId);
    await setSyncCursor(tx, accountsCursor, input.passed);
  });
}
