// The HubSpot connector: one portal's night through the official client (see transport/), reading companies
// changed since the cursor with everything associated (pull/, mapped by mappers/), writing verdicts, tasks and
// deals (writes/), Ripe's properties checked and installed (schema/).
import type { PriceBook } from '@ripe/shared';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { TokenStore } from '../connections/token-store.ts';
import type { ConnectorError, CrmConnector, PullRequest, PulledAccount } from '../crm-connector.ts';
import { ConnectorFailure } from '../crm-connector.ts';
import type { WriteOperation, WriteOutcome } from '../write-operation.ts';
import { hubspotConnectorSettingsSchema, type HubSpotConnectorSettingsInput } from './hubspot-settings.ts';
import { mapPulledAccount } from './mappers/snapshot.mapper.ts';
import { hubspotLimits, hubspotProvider, hubspotRateLimitHeaders } from './provider.ts';
import { searchCompanies } from './pull/hubspot-reads.ts';
import { bundleVersion, parseVersion } from './pull/company-version.ts';
import { historyRows } from './pull/pull-history.ts';
import { changedCompanies, type ChangedCompany } from './pull/pull-companies.ts';
import { pagesWithAssociations, type PageToRead } from './pull/pull-pages.ts';
import { companiesWithNewUsage } from './pull/usage-changes.ts';
import { resolveUsageObject } from './pull/usage-object-type.ts';
import {
  readBundles,
  versionedProperties,
  type Prefetch,
  type UsageObjectRead,
} from './pull/read-bundles.ts';
import { ensureProperties, preflightSchema } from './schema/hubspot-schema.ts';
import { createHubSpotTransport } from './transport/hubspot-transport.ts';
import type { PortalLimits } from './transport/portal-limiter.ts';
import { writeCompanies } from './writes/company-writes.ts';
import { writeDeals } from './writes/deal-writes.ts';
import { writeTasks } from './writes/task-writes.ts';

export interface HubSpotConnectorOptions {
  /** `https://api.hubapi.com`, or the emulator's URL. */
  baseUrl: string;
  tokens: TokenStore;
  settings?: HubSpotConnectorSettingsInput;
  /** The day scored, `YYYY-MM-DD`. */
  asOf: string;
  /** The portal (hub) id: the limiter is shared per portal. */
  portalId?: string;
  /** The org's price book: says which adopted features are premium for an account. */
  priceBook?: PriceBook | null;
  limits?: PortalLimits;
  sleep?: (ms: number) => Promise<void>;
}

/** Companies the labelled history is read from (the first ones in change order). */
const historySample = 1_500;

type Indexed<K extends WriteOperation['kind']> = {
  index: number;
  operation: Extract<WriteOperation, { kind: K }>;
};

/** The companies `ids` as pages of a search's size, at one instant (`ChangedCompany` for the page reads). */
async function* pagesOf(ids: readonly string[], modifiedAt: string): AsyncGenerator<ChangedCompany[]> {
  for (let start = 0; start < ids.length; start += hubspotLimits.searchPageSize)
    yield ids.slice(start, start + hubspotLimits.searchPageSize).map((id) => ({ id, modifiedAt }));
}

export function hubspotConnector(options: HubSpotConnectorOptions): CrmConnector & {
  ensureProperties(): Promise<Result<string[], ConnectorError>>;
  readFloor(): number;
} {
  const settings = hubspotConnectorSettingsSchema.parse(options.settings ?? {});
  const transport = createHubSpotTransport(options);
  const context = { settings, asOf: options.asOf, priceBook: options.priceBook ?? null };

  // Accounts read tonight, kept for the other read of the night: the history's sample is read before the sync
  // (or after it, when the budget is short), and the companies it shares with the sync are not read twice.
  const readTonight = new Map<string, { asOf: string; account: PulledAccount }>();
  const keep = historySample + hubspotLimits.searchPageSize;

  // With `usage.customObject`: the usage object's type id, looked up once, and the values it could not read.
  let usageObject: { read: UsageObjectRead | undefined } | undefined;
  async function usageObjectRead() {
    if (!usageObject) {
      const resolved = await resolveUsageObject(transport, settings);
      if (!resolved.ok) throw new ConnectorFailure(resolved.error);
      usageObject = { read: resolved.value };
    }
    return usageObject.read;
  }
  const versioned = versionedProperties(settings);

  async function* pull({ after, asOf, signal, ownWrites, onPassed }: PullRequest) {
    // HubSpot has no filter on who modified a company: a company still at the instant Ripe's own write left it
    // with changed by Ripe's hand alone, and is passed over (a person's later edit moves the instant on). An edit
    // made between the night's pull and its write is hidden under the write's instant: the search answers the
    // values the pull reads, and a company whose values differ from the version the write was computed from is
    // pulled again.
    const ownWrite = (company: ChangedCompany) => {
      const written = ownWrites?.get(company.id);
      return (
        written !== undefined &&
        Date.parse(written.modifiedAt) === Date.parse(company.modifiedAt) &&
        (written.version === undefined || parseVersion(written.version).values === company.version)
      );
    };
    const usageRead = await usageObjectRead();
    // The page's companies as pulled accounts, each with its version as read (the next night compares it with
    // the search's); a usage record the pull could not read is the account's issue (`PulledAccount.issues`).
    const readPage = async (
      { toRead, associations, upcoming }: PageToRead,
      records: Prefetch['records'],
    ): Promise<PulledAccount[]> => {
      const bundles = await readBundles(
        transport,
        settings,
        toRead,
        associations,
        { upcoming, records },
        usageRead,
      );
      if (!bundles.ok) throw new ConnectorFailure(bundles.error);
      return bundles.value.map((bundle) => ({
        ...mapPulledAccount(bundle, { ...context, asOf }),
        version: bundleVersion(bundle, versioned),
      }));
    };
    const known = (company: ChangedCompany) => {
      const kept = readTonight.get(company.id);
      return kept?.asOf === asOf && kept.account.cursor.modifiedAt === company.modifiedAt
        ? kept.account
        : undefined;
    };
    // Companies whose usage records changed though the company did not, read first; the cursor stays put for them.
    const early = new Set<string>();
    if (usageRead && after !== null) {
      const fresh = await companiesWithNewUsage(transport, usageRead.type, after.modifiedAt, signal);
      if (!fresh.ok) throw new ConnectorFailure(fresh.error);
      // A company whose newest record Ripe read before its last write is not read again for it.
      const seen = (id: string) => {
        const written = ownWrites?.get(id)?.version;
        return written === undefined ? undefined : parseVersion(written).usageSeenAt;
      };
      for (const [id, newest] of fresh.value) if (!(newest <= (seen(id) ?? -Infinity))) early.add(id);
      const records: Prefetch['records'] = new Map();
      const freshPages = pagesWithAssociations(
        transport,
        pagesOf([...early], after.modifiedAt),
        () => true,
        usageRead,
      );
      for await (const page of freshPages) {
        const accounts = (await readPage(page, records)).map((account) => ({ ...account, cursor: after }));
        if (accounts.length > 0) yield accounts;
      }
    }
    const changed = changedCompanies(transport, after, signal, versioned);
    const passOver = (company: ChangedCompany) => early.has(company.id) || ownWrite(company);
    const pages = pagesWithAssociations(
      transport,
      changed,
      (company) => !passOver(company) && known(company) === undefined,
      usageRead,
    );
    const records: Prefetch['records'] = new Map();
    for await (const pageToRead of pages) {
      const { page } = pageToRead;
      const read = new Map(
        (await readPage(pageToRead, records)).map((account) => [account.accountId, account]),
      );
      const accounts = page.flatMap((company) =>
        passOver(company) ? [] : (known(company) ?? read.get(company.id) ?? []),
      );
      for (const account of read.values())
        if (readTonight.size < keep) readTonight.set(account.accountId, { asOf, account });
      if (accounts.length > 0) yield accounts;
      const last = page.at(-1);
      if (last && passOver(last)) onPassed?.({ modifiedAt: last.modifiedAt, id: last.id });
    }
  }

  return {
    provider: hubspotProvider,
    preflight: () => preflightSchema(transport),
    ensureProperties: () => ensureProperties(transport),
    async allowance() {
      // Marketplace apps see no daily headers: no daily allowance, unless the portal reports one.
      const headers = transport.lastHeaders();
      const max = Number(headers?.[hubspotRateLimitHeaders.daily] ?? Number.NaN);
      const remaining = Number(headers?.[hubspotRateLimitHeaders.dailyRemaining] ?? Number.NaN);
      if (transport.dailyLimitMet()) return ok({ max: Number.isFinite(max) ? max : null, remaining: 0 });
      return ok({
        max: Number.isFinite(max) ? max : null,
        remaining: Number.isFinite(remaining) ? remaining : null,
      });
    },
    async countChanged(after) {
      const page = await searchCompanies(transport, after, 0, 1);
      transport.floor.single();
      return page.ok ? ok(page.value.total) : page;
    },
    priceBook: () => options.priceBook ?? null,
    pullAccounts: (request): AsyncIterable<PulledAccount[]> => pull(request),
    // A full pull of the companies: unknown before the count.
    historyCalls: () => null,
    async *pullHistory(asOf, historyOptions = {}) {
      let accounts = 0;
      const sampleSize = historyOptions.sampleSize ?? historySample;
      for await (const page of pull({ after: null, asOf })) {
        for (const account of page) {
          if (accounts >= sampleSize) return;
          accounts += 1;
          yield* historyRows(account, asOf);
        }
      }
    },
    async applyWrites(operations) {
      if (operations.length === 0) return ok([]);
      if (operations.length > hubspotProvider.writeBatchSize) {
        return err({
          code: 'invalid_request',
          message: `${operations.length} operations exceed the batch of ${hubspotProvider.writeBatchSize}`,
        });
      }
      const indexed = operations.map((operation, index) => ({ index, operation }));
      const of = <K extends WriteOperation['kind']>(...kinds: K[]) =>
        indexed.filter((item): item is Indexed<K> => (kinds as string[]).includes(item.operation.kind));
      const outcomes = new Map<number, WriteOutcome>();
      const companies = await writeCompanies(transport, of('account_fields', 'history'));
      if (!companies.ok) return companies;
      const tasks = await writeTasks(transport, of('task_upsert', 'task_close'));
      if (!tasks.ok) return tasks;
      const deals = await writeDeals(transport, settings, of('opportunity_create'));
      if (!deals.ok) return deals;
      for (const answer of [companies.value, tasks.value, deals.value])
        for (const [index, outcome] of answer) outcomes.set(index, outcome);
      return ok(
        operations.map(
          (_, index): WriteOutcome =>
            outcomes.get(index) ?? {
              ok: false,
              code: 'NO_OUTCOME',
              message: 'No outcome',
              fields: [],
              retryable: true,
            },
        ),
      );
    },
    calls: () => transport.calls(),
    readFloor: () => transport.floor.reads(),
    async reauthenticate() {
      const renewed = await options.tokens.refreshNow();
      return renewed.ok ? ok(undefined) : renewed;
    },
  };
}
