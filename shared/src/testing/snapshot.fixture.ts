// Snapshots for tests, in any package: plain snapshots with sensible defaults, built through the zod
// schema so defaults (contact role, activity participants...) are filled exactly as in production.
// Exported as `@ripe/shared/testing`, apart from the package's main entry.
import {
  accountSnapshotSchema,
  type Account,
  type AccountSnapshot,
  type AccountSnapshotInput,
  type Contract,
  type UsageKind,
  type UsageSeries,
} from '../snapshot/account-snapshot.schema.ts';
import { priceBookSchema, type PriceBook } from '../snapshot/price-book.schema.ts';
import { addDays } from '../dates/day-number.ts';

/** "Today" of every fixture unless a test says otherwise. */
export const TEST_NOW = '2026-06-30';

/** A small price book: three capped tiers, one unlimited, two modules. */
export const testPriceBook: PriceBook = priceBookSchema.parse({
  currency: 'USD',
  tiers: [
    { id: 'starter', name: 'Starter', rank: 0, seatPrice: 240, maxSeats: 25, features: ['core', 'reports'] },
    {
      id: 'team',
      name: 'Team',
      rank: 1,
      seatPrice: 480,
      maxSeats: 100,
      features: ['core', 'reports', 'sso'],
    },
    {
      id: 'business',
      name: 'Business',
      rank: 2,
      seatPrice: 720,
      platformFee: 5000,
      maxSeats: 500,
      features: ['core', 'reports', 'sso', 'audit_log', 'sandbox'],
    },
    {
      id: 'enterprise',
      name: 'Enterprise',
      rank: 3,
      seatPrice: 960,
      platformFee: 20000,
      features: ['core', 'reports', 'sso', 'audit_log', 'sandbox', 'custom_roles'],
    },
  ],
  modules: [
    { id: 'analytics', name: 'Analytics', seatPrice: 120, features: ['dashboards', 'forecasting'] },
    { id: 'automation', name: 'Automation', seatPrice: 96, features: ['workflows'] },
  ],
  usage: { unit: 'API calls (thousands)', unitPrice: 2, commitDiscount: 0.2 },
});

/** A daily series starting on `start`; `values[i]` is day `start + i`. */
export function dailySeries(
  metric: string,
  kind: UsageKind,
  start: string,
  values: (number | null)[],
  feature?: { feature: string; premium?: boolean },
): UsageSeries {
  return { metric, kind, start, values, ...(feature ?? {}) };
}

/** A series of `values.length` days ending on `now` (inclusive). */
export function seriesEndingOn(
  now: string,
  metric: string,
  kind: UsageKind,
  values: (number | null)[],
  feature?: { feature: string; premium?: boolean },
): UsageSeries {
  return dailySeries(metric, kind, addDays(now, 1 - values.length), values, feature);
}

/** `count` copies of `value`. */
export function constant(count: number, value: number | null): (number | null)[] {
  return Array.from({ length: count }, () => value);
}

/** A straight line from `from` to `to` over `count` days, rounded to integers unless `round` is false. */
export function ramp(count: number, from: number, to: number, round = true): number[] {
  return Array.from({ length: count }, (_, i) => {
    const value = count === 1 ? to : from + ((to - from) * i) / (count - 1);
    return round ? Math.round(value) : value;
  });
}

export interface SnapshotOverrides extends Omit<AccountSnapshotInput, 'account' | 'contract'> {
  account?: Partial<Account>;
  contract?: Partial<Contract>;
}

/** A valid snapshot: Team tier, 50 seats, no usage, contacts or activities unless overridden. */
export function buildSnapshot(overrides: SnapshotOverrides = {}): AccountSnapshot {
  const { account, contract, ...rest } = overrides;
  return accountSnapshotSchema.parse({
    account: {
      id: 'acc-1',
      name: 'Acme',
      segment: 'mid_market',
      industry: 'Software',
      createdAt: '2023-01-15',
      ...account,
    },
    contract: {
      tier: 'team',
      seatsLicensed: 50,
      committedVolume: 0,
      price: 24000,
      startDate: '2025-09-01',
      renewalDate: '2026-09-01',
      modules: [],
      ...contract,
    },
    ...rest,
  });
}

/** An instant `daysAgo` days before `now`, at 10:00 UTC. */
export function instantDaysAgo(now: string, daysAgo: number): string {
  return `${addDays(now, -daysAgo)}T10:00:00Z`;
}
