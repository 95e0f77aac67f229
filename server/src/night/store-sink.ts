import type { PriceBook } from '@ripe/shared';
import {
  createOrg,
  failRun,
  finishRun,
  getOrg,
  migrate,
  openDatabase,
  recordRunErrors,
  saveVerdicts,
  startRun,
  withOrg,
  type Database,
  type VerdictChangeKind,
} from '../store/index.ts';
import type { NightSink, NightSummary } from './run-night.ts';

export interface NightStore {
  runId: string;
  sink: NightSink;
  /** What changed since the previous run, by kind. */
  changes: Record<VerdictChangeKind, number>;
  finish(summary: NightSummary): Promise<void>;
  fail(error: unknown): Promise<void>;
  close(): Promise<void>;
}

interface StoreLocation {
  /** A PostgreSQL server; the embedded database in `dataDir` otherwise. */
  databaseUrl?: string;
  dataDir: string;
}

/**
 * Records a night in the store: the run, each batch of verdicts (history + latest state per account) and the
 * per-record errors. Every statement runs as the application role, scoped to the org by row-level security.
 */
export async function openNightStore(
  location: StoreLocation,
  org: { id: string; name: string; priceBook: PriceBook },
): Promise<NightStore> {
  const db: Database = await openDatabase({
    url: location.databaseUrl || undefined,
    dataDir: location.dataDir,
  });
  try {
    await migrate(db);
    const run = await withOrg(db, org.id, async (tx) => {
      if (!(await getOrg(tx)))
        await createOrg(tx, { name: org.name, crm: 'sandbox', priceBook: org.priceBook });
      return startRun(tx);
    });
    const changes: Record<VerdictChangeKind, number> = {
      new: 0,
      readiness_changed: 0,
      score_moved: 0,
      unchanged: 0,
    };
    return {
      runId: run.id,
      changes,
      sink: {
        async saveBatch(verdicts, issues) {
          await withOrg(db, org.id, async (tx) => {
            for (const change of await saveVerdicts(tx, run.id, verdicts)) changes[change.change] += 1;
            await recordRunErrors(tx, run.id, issues);
          });
        },
      },
      async finish(summary) {
        await withOrg(db, org.id, (tx) =>
          finishRun(tx, run.id, {
            counts: {
              accounts: summary.records,
              scored: summary.scored,
              ready: summary.readiness.ready,
              errors: summary.issueCount,
            },
            durations: { total: Math.round(summary.durationMs), score: Math.round(summary.scoringMs) },
            apiCalls: 0,
            apiCallLimit: null,
            tokens: 0,
          }),
        );
      },
      async fail(error) {
        const reason = error instanceof Error ? error.message : String(error);
        await withOrg(db, org.id, (tx) => failRun(tx, run.id, reason));
      },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
