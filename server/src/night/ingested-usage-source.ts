import { addDays } from '@ripe/shared';
import type { ResumableSource } from './org-data.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { mergeIngestedUsage, usageUntil } from '../usage/ingested-usage.merge.ts';
import { usageSeriesFor } from '../usage/usage-series.reader.ts';

/** Days of ingested usage a night reads: over a year, so the temporal technique sees last year's season. */
export const ingestedUsageLookbackDays = 450;

export interface IngestedUsageOptions {
  db: Database;
  orgId: string;
  /** The day scored: usage from `lookbackDays` before it up to it is merged. */
  asOf: string;
  lookbackDays?: number;
}

/**
 * The source with each account's ingested usage (`POST /v1/usage`, `ripe import usage`) merged into its
 * snapshot: one query per batch, in the org's transaction so row-level security applies.
 */
export function withIngestedUsage(source: ResumableSource, options: IngestedUsageOptions): ResumableSource {
  const { db, orgId, asOf, lookbackDays = ingestedUsageLookbackDays } = options;
  const since = addDays(asOf, -lookbackDays);
  async function* batchesFrom(batchSize: number, startBatch: number): AsyncIterable<unknown[]> {
    for await (const batch of source.batchesFrom(batchSize, startBatch)) {
      const ids = batch.flatMap((record) => accountIdOf(record) ?? []);
      const usage = await withOrg(db, orgId, (tx) => usageSeriesFor(tx, ids, since));
      yield batch.map((record) => {
        const id = accountIdOf(record);
        const series = id === undefined ? undefined : usage.get(id);
        if (!series || typeof record !== 'object' || record === null) return record;
        return mergeIngestedUsage(record, usageUntil(series, asOf));
      });
    }
  }
  return { ...source, batches: (batchSize) => batchesFrom(batchSize, 0), batchesFrom };
}

// Records are raw: one without an account id is left as it is, for validation to report.
function accountIdOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const account = (record as { account?: unknown }).account;
  if (typeof account !== 'object' || account === null) return undefined;
  const id = (account as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
