// Test helpers shared by the engine's specs: plain snapshots with sensible defaults, built through the
// zod schema so defaults (contact role, activity participants...) are filled exactly as in production.
import {
  accountSnapshotSchema,
  orgConfigSchema,
  priceBookSchema,
  type Account,
  type AccountSnapshot,
  type AccountSnapshotInput,
  type Contract,
  type OrgConfigInput,
  type PriceBook,
  techniqueResultSchema,
  type TechniqueResult,
  type UsageKind,
  type UsageSeries,
} from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { signalCatalogue, type SignalCatalogueEntry } from '@ripe/shared';
import { addDays } from '@ripe/shared';

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

/** The context of a run on `now` with the default org config, optionally overridden. */
export function testContext(
  now: string = TEST_NOW,
  configOverrides: OrgConfigInput = {},
  priceBook: PriceBook = testPriceBook,
): EngineContext {
  return { now, config: orgConfigSchema.parse(configOverrides), priceBook };
}

/** An instant `daysAgo` days before `now`, at 10:00 UTC. */
export function instantDaysAgo(now: string, daysAgo: number): string {
  return `${addDays(now, -daysAgo)}T10:00:00Z`;
}

/**
 * What is wrong with a technique result, as sentences: schema violations, evidence ids cited but missing,
 * duplicate evidence ids, positive signals without their catalogue motion, codes outside the catalogue. `[]` when the result is consistent.
 */
export function resultProblems(
  result: TechniqueResult,
  externalEvidenceIds: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const parsed = techniqueResultSchema.safeParse(result);
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const ids = new Set<string>();
  for (const evidence of result.evidence) {
    if (ids.has(evidence.id)) problems.push(`duplicate evidence id ${evidence.id}`);
    ids.add(evidence.id);
  }
  const known = new Set([...ids, ...externalEvidenceIds]);
  for (const signal of result.signals) {
    if (signal.evidenceIds.length === 0) problems.push(`signal ${signal.code} cites no evidence`);
    for (const id of signal.evidenceIds)
      if (!known.has(id)) problems.push(`signal ${signal.code} cites unknown ${id}`);
    // A result that skipped the schema may still carry an unknown code.
    const entry: SignalCatalogueEntry | undefined = signalCatalogue[signal.code];
    if (!entry) problems.push(`signal ${signal.code} is not in the catalogue`);
    else if (entry.motion && !signal.motion) problems.push(`positive signal ${signal.code} has no motion`);
  }
  for (const contradiction of result.contradictions) {
    if (contradiction.evidenceIds.length === 0)
      problems.push(`contradiction ${contradiction.code} cites no evidence`);
    for (const id of contradiction.evidenceIds) {
      if (!known.has(id)) problems.push(`contradiction ${contradiction.code} cites unknown ${id}`);
    }
  }
  return problems;
}

/** Codes of the signals of a result, sorted. */
export function signalCodes(result: TechniqueResult): string[] {
  return result.signals.map((signal) => signal.code).sort();
}
