import { dayNumber } from '@ripe/shared';
import type { HistoryRow } from '../eval/sandbox-training.ts';
import type { FeatureVector } from '../model/features.ts';
import type { OrgTransaction } from '../store/org-scope.ts';

interface LabelRow {
  account_id: string;
  kind: 'won' | 'lost' | 'reject';
  observed_on: string;
  features: FeatureVector;
}

/**
 * The account team's decisions as labels for the next training: an account won after Ripe flagged it is a
 * positive on the features Ripe saw then; one lost or rejected is a negative. Each decision labels the features
 * of the last verdict staged for the account before it, and only decisions made on or before `asOf` count.
 */
export async function feedbackTrainingRows(tx: OrgTransaction, asOf: string): Promise<HistoryRow[]> {
  const { rows } = await tx.query<LabelRow>(
    `select f.account_id, f.kind, w.payload->>'asOf' as observed_on, w.payload->'features' as features
     from feedback f
     join lateral (
       select payload from writebacks w
       where w.org_id = f.org_id and w.account_id = f.account_id and w.payload ? 'features'
         and (w.payload->>'asOf')::date <= f.created_at::date
       order by (w.payload->>'asOf')::date desc, w.created_at desc limit 1
     ) w on true
     where f.org_id = $1 and f.kind in ('won', 'lost', 'reject') and f.created_at < ($2::date + 1)
     order by f.created_at, f.account_id`,
    [tx.orgId, asOf],
  );
  const until = dayNumber(asOf);
  return rows.map((row) => ({
    accountId: row.account_id,
    observedOn: row.observed_on,
    features: row.features,
    label: row.kind === 'won' ? 1 : 0,
    time: dayNumber(row.observed_on) - until,
  }));
}
