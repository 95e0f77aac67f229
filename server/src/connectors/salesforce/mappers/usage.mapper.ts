import {
  addDays,
  dayNumber,
  type Contract,
  type PriceBook,
  type UsageKind,
  type UsageSeries,
} from '@ripe/shared';
import type { UsageSource } from '../../../settings/field-mapping.schema.ts';
import { day, num, text, type AccountRecords } from './account-records.ts';

interface Column {
  metric: string;
  kind: UsageKind;
}

/** The window of daily usage read: `days` days up to `asOf`. */
export interface UsageWindow {
  asOf: string;
  days: number;
}

/** Whether a feature sits above the contract: not in its tier, not in a licensed module. */
function premiumOf(
  feature: string,
  contract: Pick<Contract, 'tier' | 'modules'>,
  priceBook: PriceBook | null,
) {
  if (!priceBook) return undefined;
  const tier = priceBook.tiers.find((t) => t.id === contract.tier);
  if (tier?.features.includes(feature)) return false;
  const licensed = priceBook.modules.filter((m) => contract.modules.includes(m.id));
  return !licensed.some((m) => m.features.includes(feature));
}

function series(
  column: Column,
  start: string,
  values: (number | null)[],
  contract: Pick<Contract, 'tier' | 'modules'>,
  priceBook: PriceBook | null,
): UsageSeries {
  const feature = column.kind === 'feature_adoption' ? column.metric.replace(/^feature:/, '') : undefined;
  const premium = feature === undefined ? undefined : premiumOf(feature, contract, priceBook);
  return {
    metric: column.metric,
    kind: column.kind,
    ...(feature === undefined ? {} : { feature }),
    ...(premium === undefined ? {} : { premium }),
    start,
    values,
  };
}

/**
 * Daily series from the org's usage source: a column per metric on a daily object, a metric/value pair per
 * record, or today's value of Account fields. Days without a record stay `null`; a value that is not a
 * non-negative number is dropped (the night's validation never sees a broken series). `ingest`: none here, the
 * night merges what the product sent.
 */
export function mapUsage(
  records: AccountRecords,
  source: UsageSource,
  window: UsageWindow,
  contract: Pick<Contract, 'tier' | 'modules'>,
  priceBook: PriceBook | null,
): UsageSeries[] {
  const start = addDays(window.asOf, -(window.days - 1));
  const offset = (value: unknown) => {
    const d = day(value);
    if (!d) return -1;
    const i = dayNumber(d) - dayNumber(start);
    return i >= 0 && i < window.days ? i : -1;
  };
  const blank = () => Array.from({ length: window.days }, () => null as number | null);
  const valueOf = (raw: unknown) => {
    const value = num(raw);
    return value !== undefined && value >= 0 ? value : null;
  };
  switch (source.source) {
    case 'ingest':
      return [];
    case 'crm_field':
      return source.fields.flatMap((column) => {
        const value = valueOf(records.account[column.field]);
        return value === null ? [] : [series(column, window.asOf, [value], contract, priceBook)];
      });
    case 'crm_object_columns':
      return source.columns.flatMap((column) => {
        const values = blank();
        let seen = false;
        for (const row of records.usage) {
          const i = offset(row[source.dayField]);
          const value = valueOf(row[column.field]);
          if (i < 0 || value === null) continue;
          values[i] = value;
          seen = true;
        }
        return seen ? [series(column, start, values, contract, priceBook)] : [];
      });
    case 'crm_object': {
      const byMetric = new Map<string, (number | null)[]>();
      for (const row of records.usage) {
        const metric = text(row[source.metricField]);
        const i = offset(row[source.dayField]);
        const value = valueOf(row[source.valueField]);
        if (!metric || i < 0 || value === null) continue;
        const values = byMetric.get(metric) ?? byMetric.set(metric, blank()).get(metric) ?? blank();
        values[i] = value;
      }
      return [...byMetric].map(([metric, values]) =>
        series({ metric, kind: kindOfMetric(metric) }, start, values, contract, priceBook),
      );
    }
  }
}

/** A metric's kind from its name, for usage records that carry only the name. */
function kindOfMetric(metric: string): UsageKind {
  if (metric.startsWith('feature:')) return 'feature_adoption';
  if (metric === 'seats_used' || metric === 'active_users') return metric;
  return 'consumption';
}
