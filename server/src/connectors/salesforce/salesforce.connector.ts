import { accountSnapshotSchema, addDays, type PriceBook } from '@ripe/shared';
import type { HistoryRow } from '../../eval/sandbox-training.ts';
import { extractFeatures, labelExpansion } from '../../model/features.ts';
import { ok } from '../../resilience/result.ts';
import type { FieldMapping } from '../../settings/field-mapping.schema.ts';
import { createCallCounter } from '../call-counter.ts';
import type { TokenStore } from '../connections/token-store.ts';
import {
  ConnectorFailure,
  type CrmConnector,
  type PulledAccount,
  type SyncCursor,
} from '../crm-connector.ts';
import { snapshotAsOf } from '../snapshot-as-of.ts';
import { mapHumanValues, mapSnapshot, type SnapshotContext } from './mappers/snapshot.mapper.ts';
import { salesforceFieldMap } from './mappers/salesforce-field-map.ts';
import { salesforceProvider } from './provider.ts';
import { createReadFloor } from './read-floor.ts';
import { preflightReport, requirements } from './salesforce-preflight.ts';
import { readAccounts, scanChanges, type Position, type PullDeps } from './salesforce-pull.ts';
import type { PullWindow } from './salesforce-queries.ts';
import { salesforceWriter } from './salesforce-apply-writes.ts';
import { createSalesforceTransport } from './salesforce-transport.ts';
import { idsPerQuery } from './soql.ts';
import { defaultWriteTargets, type WriteTargets } from './salesforce-writes.ts';

/** How much of the org's past a night reads, and how an approval's Opportunity is set up. */
export interface SalesforceSyncSettings {
  /** Days of activities (emails, calls, meetings, notes) and closed cases read (default 180). */
  activityDays: number;
  /** Days of daily usage read from a usage object (default 450: last year's season included). */
  usageDays: number;
  /** A usage read of this many rows or more goes through a Bulk API 2.0 query job (default 20,000). */
  bulkQueryRows: number;
  /**
   * More writes than this of one object in a night go through a Bulk API 2.0 ingest job (default 2,000:
   * Salesforce's guidance is Bulk API 2.0 for more than 2,000 records, composite calls below).
   */
  bulkWriteRows: number;
  opportunity: WriteTargets['opportunity'];
}

export const defaultSalesforceSync: SalesforceSyncSettings = {
  activityDays: 180,
  usageDays: 450,
  bulkQueryRows: 20_000,
  bulkWriteRows: 2_000,
  opportunity: defaultWriteTargets.opportunity,
};

export interface SalesforceConnectorOptions {
  /** The org's instance URL (`https://acme.my.salesforce.com`; the emulator's on loopback). */
  instanceUrl: string;
  tokens: TokenStore;
  mapping?: Partial<FieldMapping>;
  priceBook: PriceBook | null;
  sync?: Partial<SalesforceSyncSettings>;
  /** The user Ripe's tokens act as: records it last changed are not pulled again as changes. */
  ripeUserId?: string | null;
  unavailableRetryMs?: number;
  /** Between two status reads of a bulk query or ingest job (default 2 s). */
  bulkPollMs?: number;
}

const lookbacks = [90, 120, 150, 180, 210, 240, 270];
const horizonDays = 90;
const historySample = 1_500;

/** Salesforce through jsforce 3, API 68.0: one instance serves one org's connection for one night. */
export function salesforceConnector(
  options: SalesforceConnectorOptions,
): CrmConnector & { readFloor(): number } {
  const counter = createCallCounter();
  const floor = createReadFloor(salesforceProvider.pageSize);
  const transport = createSalesforceTransport({
    instanceUrl: options.instanceUrl,
    tokens: options.tokens,
    counter,
    unavailableRetryMs: options.unavailableRetryMs,
  });
  const sync = { ...defaultSalesforceSync, ...options.sync };
  const targets: WriteTargets = { ...defaultWriteTargets, opportunity: sync.opportunity };
  const map = salesforceFieldMap(options.mapping);
  const writer = salesforceWriter({
    transport,
    targets,
    bulkWriteRows: sync.bulkWriteRows,
    pollMs: options.bulkPollMs,
  });
  const deps: PullDeps = {
    transport,
    floor,
    map,
    ripeUserId: options.ripeUserId ?? null,
    bulk: { rows: sync.bulkQueryRows, usageDays: sync.usageDays, pollMs: options.bulkPollMs },
  };
  const windowOf = (asOf: string): PullWindow => ({
    activitiesSince: `${addDays(asOf, -sync.activityDays)}T00:00:00.000Z`,
    usageSince: addDays(asOf, -(sync.usageDays - 1)),
  });
  // countChanged and pullAccounts of one night share one scan of what changed.
  const scans = new Map<string, Position[]>();
  async function changes(after: SyncCursor, asOf: string) {
    const key = JSON.stringify([after, asOf]);
    const known = scans.get(key);
    if (known) return ok(known);
    const scanned = await scanChanges(deps, after, windowOf(asOf));
    if (scanned.ok) scans.set(key, scanned.value);
    return scanned;
  }

  // Accounts pulled tonight, kept for the history (a first night trains on what it just read, not a second read).
  const pulledTonight = new Map<string, PulledAccount>();

  async function* pages(positions: readonly Position[], asOf: string, signal?: AbortSignal) {
    const ctx: SnapshotContext = {
      map,
      priceBook: options.priceBook,
      usage: { asOf, days: sync.usageDays },
    };
    // One page per IN list of accounts: the related records of 400 accounts, not 2,000, are held at once.
    for (let start = 0; start < positions.length; start += idsPerQuery) {
      signal?.throwIfAborted();
      const page = positions.slice(start, start + idsPerQuery);
      const read = await readAccounts(
        deps,
        page.map((p) => p.id),
        windowOf(asOf),
      );
      if (!read.ok) throw new ConnectorFailure(read.error);
      yield page.flatMap((position): PulledAccount[] => {
        const records = read.value.get(position.id);
        // Deleted since the scan: nothing to score.
        if (!records) return [];
        const snapshot = mapSnapshot(records, ctx);
        const pulled: PulledAccount = {
          accountId: position.id,
          snapshot,
          human: mapHumanValues(records.account),
          cursor: position,
          ownerId: snapshot.account.csmId ?? null,
        };
        if (pulledTonight.size < historySample) pulledTonight.set(position.id, pulled);
        return [pulled];
      });
    }
  }

  return {
    provider: salesforceProvider,
    async preflight() {
      const needs = requirements(map, targets);
      const objects = Object.keys(needs);
      const answer = await transport.post<{ compositeResponse: { body: unknown; httpStatusCode: number }[] }>(
        'read',
        'describe',
        '/composite',
        {
          allOrNone: false,
          compositeRequest: objects.map((object, i) => ({
            method: 'GET',
            url: `${transport.base}/sobjects/${object}/describe`,
            referenceId: `describe_${i}`,
          })),
        },
      );
      if (!answer.ok) return answer;
      floor.single();
      const described = new Map(
        objects.map((object, i) => {
          const result = answer.value.compositeResponse[i];
          return [
            object,
            result?.httpStatusCode === 200 ? (result.body as { fields: { name: string }[] }) : null,
          ];
        }),
      );
      return ok(preflightReport(needs, described));
    },
    async allowance() {
      const limits = await transport.get<{ DailyApiRequests?: { Max: number; Remaining: number } }>(
        'limits',
        '/limits',
      );
      if (!limits.ok) return limits;
      floor.single();
      const daily = limits.value.DailyApiRequests;
      return ok({ max: daily?.Max ?? null, remaining: daily?.Remaining ?? null });
    },
    async countChanged(after, asOf) {
      const scanned = await changes(after, asOf);
      return scanned.ok ? ok(scanned.value.length) : scanned;
    },
    priceBook: () => options.priceBook,
    async *pullAccounts({ after, asOf, signal }) {
      const scanned = await changes(after, asOf);
      if (!scanned.ok) throw new ConnectorFailure(scanned.error);
      yield* pages(scanned.value, asOf, signal);
    },
    // Unknown before the org is scanned: the history is a read of the sampled accounts, like a first night's.
    historyCalls: () => null,
    async *pullHistory(asOf, historyOptions = {}) {
      const scanned = await changes(null, asOf);
      if (!scanned.ok) throw new ConnectorFailure(scanned.error);
      const size = Math.min(scanned.value.length, historyOptions.sampleSize ?? historySample);
      // Accounts read tonight first, then a stride over the others.
      const known = [...pulledTonight.values()].slice(0, size);
      for (const pulled of known) yield* historyRows(pulled, asOf);
      const others = scanned.value.filter((p) => !pulledTonight.has(p.id));
      const wanted = size - known.length;
      const sample = Array.from(
        { length: Math.min(wanted, others.length) },
        (_, k) => others[Math.floor((k * others.length) / wanted)],
      ).filter((p): p is Position => p !== undefined);
      for await (const page of pages(sample, asOf)) {
        for (const pulled of page) yield* historyRows(pulled, asOf);
      }
    },
    bulkWrites: writer.bulkWrites,
    applyWrites: writer.applyWrites,
    calls: () => counter.calls(),
    readFloor: () => floor.reads(),
    async reauthenticate() {
      const refreshed = await options.tokens.refreshNow();
      return refreshed.ok ? ok(undefined) : refreshed;
    },
  };
}

/** The account's rows of labelled history: its features on past days as the org showed them, and whether it expanded after. */
function* historyRows(pulled: PulledAccount, asOf: string): Generator<HistoryRow> {
  const parsed = accountSnapshotSchema.safeParse(pulled.snapshot);
  if (!parsed.success) return;
  const known = parsed.data;
  for (const lookback of lookbacks) {
    const t = addDays(asOf, -lookback);
    if (known.account.createdAt > t) continue;
    yield {
      accountId: pulled.accountId,
      observedOn: t,
      features: extractFeatures(snapshotAsOf(known, t), t),
      label: labelExpansion(known, t, horizonDays) ? 1 : 0,
      time: -lookback,
    };
  }
}
