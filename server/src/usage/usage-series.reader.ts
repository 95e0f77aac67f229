import type { UsageKind, UsageSeries } from '@ripe/shared';
import type { OrgTransaction } from '../store/index.ts';
import { dayNumber } from '@ripe/shared';

interface PointRow {
  account_external_id: string;
  metric: string;
  kind: UsageKind;
  day: string;
  value: number;
  feature: string | null;
  premium: boolean | null;
}

/**
 * The ingested usage of some accounts since a day (`YYYY-MM-DD`, included), as the snapshot's
 * column-wise series: one per account and metric, from its first stored day to its last, `null` on
 * the days without a value. Kind, feature and premium come from the latest point. Accounts without
 * usage are absent from the map.
 */
export async function usageSeriesFor(
  tx: OrgTransaction,
  accountIds: readonly string[],
  since: string,
): Promise<Map<string, UsageSeries[]>> {
  const series = new Map<string, UsageSeries[]>();
  if (accountIds.length === 0) return series;
  const { rows } = await tx.query<PointRow>(
    `select account_external_id, metric, kind, to_char(day, 'YYYY-MM-DD') as day, value, feature, premium
     from usage_points
     where org_id = $1 and account_external_id = any($2::text[]) and day >= $3::date
     order by account_external_id, metric, day`,
    [tx.orgId, [...new Set(accountIds)], since],
  );
  let current: { accountId: string; series: UsageSeries; startDay: number } | undefined;
  for (const row of rows) {
    const day = dayNumber(row.day);
    if (!current || current.accountId !== row.account_external_id || current.series.metric !== row.metric) {
      current = {
        accountId: row.account_external_id,
        series: { metric: row.metric, kind: row.kind, start: row.day, values: [] },
        startDay: day,
      };
      const list = series.get(row.account_external_id) ?? [];
      list.push(current.series);
      series.set(row.account_external_id, list);
    }
    const { series: target } = current;
    const index = day - current.startDay;
    while (target.values.length < index) target.values.push(null);
    target.values.push(row.value);
    // Rows come in day order: the last one seen is the latest.
    target.kind = row.kind;
    if (row.feature === null) delete target.feature;
    else target.feature = row.feature;
    if (row.premium === null) delete target.premium;
    else target.premium = row.premium;
  }
  return series;
}
