import type { OrgTransaction } from '../store/index.ts';
import type { UsagePoint } from './usage-point.schema.ts';

export interface UpsertOutcome {
  /** Points inserted or whose value changed; a re-posted batch changes none. */
  changed: number;
}

/**
 * Stores points, one row per account, metric and day, in one statement (arrays unnested): a later
 * value replaces the stored one, an identical one leaves the row untouched (not even `received_at`).
 * Within the batch the last point for a key wins.
 */
export async function upsertUsagePoints(
  tx: OrgTransaction,
  points: readonly UsagePoint[],
): Promise<UpsertOutcome> {
  const unique = lastPerKey(points);
  if (unique.length === 0) return { changed: 0 };
  const { rowCount } = await tx.query(
    `insert into usage_points (org_id, account_external_id, metric, kind, day, value, feature, premium)
     select $1, t.account_id, t.metric, t.kind, t.day::date, t.value, t.feature, t.premium
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::boolean[])
       as t (account_id, metric, kind, day, value, feature, premium)
     on conflict (org_id, account_external_id, metric, day) do update set
       kind = excluded.kind,
       value = excluded.value,
       feature = excluded.feature,
       premium = excluded.premium,
       received_at = now()
     where (usage_points.kind, usage_points.value, usage_points.feature, usage_points.premium)
       is distinct from (excluded.kind, excluded.value, excluded.feature, excluded.premium)`,
    [
      tx.orgId,
      unique.map((p) => p.accountId),
      unique.map((p) => p.metric),
      unique.map((p) => p.kind),
      unique.map((p) => p.day),
      unique.map((p) => p.value),
      unique.map((p) => p.feature ?? null),
      unique.map((p) => p.premium ?? null),
    ],
  );
  return { changed: rowCount };
}

// An upsert may not touch the same row twice in one statement.
function lastPerKey(points: readonly UsagePoint[]): UsagePoint[] {
  const byKey = new Map<string, UsagePoint>();
  for (const point of points) {
    const key = `${point.accountId}\u0000${point.metric}\u0000${point.day}`;
    byKey.delete(key);
    byKey.set(key, point);
  }
  return [...byKey.values()];
}
