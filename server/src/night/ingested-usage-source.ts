import { addDays } from '@ripe/shared';
import type { PulledAccount } from '../connectors/crm-connector.ts';
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
 * The batch with each account's ingested usage (`POST /v1/usage`, `ripe import usage`) merged into its snapshot:
 * one query per batch, in the org's transaction so row-level security applies.
 */
export async function withIngestedUsage(
  batch: readonly PulledAccount[],
  options: IngestedUsageOptions,
): Promise<PulledAccount[]> {
  const { db, orgId, asOf, lookbackDays = ingestedUsageLookbackDays } = options;
  const since = addDays(asOf, -lookbackDays);
  const ids = batch.flatMap((pulled) => accountIdOf(pulled.snapshot) ?? []);
  const usage = await withOrg(db, orgId, (tx) => usageSeriesFor(tx, ids, since));
  return batch.map((pulled) => {
    const id = accountIdOf(pulled.snapshot);
    const series = id === undefined ? undefined : usage.get(id);
    const record = pulled.snapshot;
    if (!series || typeof record !== 'object' || record === null) return pulled;
    return { ...pulled, snapshot: mergeIngestedUsage(record, usageUntil(series, asOf)) };
  });
}

// Records are raw: one without an account id is left as it is, for validation to report.
function accountIdOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const account = (record as { account?: unknown }).account;
  if (typeof account !== 'object' || account === null) return undefined;
  const id = (account as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
