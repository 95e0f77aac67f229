import type { OrgTransaction } from '../store/index.ts';
import { checkUsagePoint, type PointIssue, type UsagePoint } from './usage-point.schema.ts';
import { upsertUsagePoints } from './usage-points.repository.ts';

/** A point left out of a batch, by its position in the batch. */
export interface RejectedPoint extends PointIssue {
  index: number;
}

export interface IngestOutcome {
  /** Valid points, stored (or already stored with the same value). */
  accepted: number;
  /** Rows inserted or changed: 0 when the same batch is posted again. */
  changed: number;
  rejected: RejectedPoint[];
}

/**
 * Validates each point of a batch and upserts the valid ones in the same transaction: a bad point
 * is reported with its index and field, and does not cost the others.
 */
export async function ingestUsage(
  tx: OrgTransaction,
  points: readonly unknown[],
  latestDay: string,
): Promise<IngestOutcome> {
  const valid: UsagePoint[] = [];
  const rejected: RejectedPoint[] = [];
  points.forEach((raw, index) => {
    const check = checkUsagePoint(raw, latestDay);
    if (check.ok) valid.push(check.point);
    else for (const issue of check.issues) rejected.push({ index, ...issue });
  });
  const { changed } = await upsertUsagePoints(tx, valid);
  return { accepted: valid.length, changed, rejected };
}
