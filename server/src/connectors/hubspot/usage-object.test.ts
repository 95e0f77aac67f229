// A night's pull of usage from custom-object records: a portal whose usage integration writes one `product_usage`
// record per company per day, pulled through @hubspot/api-client against the emulator with `usage.customObject`.
import { readFileSync } from 'node:fs';
import { addDays, dayNumber, type AccountSnapshot } from '@ripe/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox/sandbox.ts';
import type { OwnWrite, PulledAccount, SyncCursor } from '../crm-connector.ts';
import { startEmulatorPortal, type EmulatorPortal } from './emulator/emulator-portal.ts';
import { seededUsageObjectMapping, usageObjectName, writeUsageRecord } from './emulator/usage-object.seed.ts';
import { hubspotConnectorSettingsSchema } from './hubspot-settings.ts';

const asOf = '2026-06-01';
const accounts = 12;
const seed = 3;
const days = 120;
const portals: EmulatorPortal[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((portal) => portal.close()));
});

async function collect(pages: AsyncIterable<PulledAccount[]>): Promise<PulledAccount[]> {
  const pulled: PulledAccount[] = [];
  for await (const page of pages) pulled.push(...page);
  return pulled;
}

type Series = { metric: string; kind: string; feature?: string; start: string; values: (number | null)[] };

/** What the portal was seeded with: the sandbox's series over the window, those with a value in it. */
function seededUsage(snapshot: AccountSnapshot): Series[] {
  const start = addDays(asOf, -(days - 1));
  const metrics = new Set(Object.values(seededUsageObjectMapping().metrics).map(({ metric }) => metric));
  return snapshot.usage
    .filter((series) => metrics.has(series.metric))
    .map((series) => ({
      metric: series.metric,
      kind: series.kind,
      ...(series.feature ? { feature: series.feature } : {}),
      start,
      values: Array.from(
        { length: days },
        (_, offset) => series.values[dayNumber(start) + offset - dayNumber(series.start)] ?? null,
      ),
    }))
    .filter((series) => series.values.some((value) => value !== null));
}

const pulledUsage = (account: PulledAccount): Series[] =>
  (account.snapshot as { usage: (Series & { premium?: boolean })[] }).usage.map(
    ({ metric, kind, feature, start, values }) => ({
      metric,
      kind,
      ...(feature ? { feature } : {}),
      start,
      values,
    }),
  );

const byMetric = (a: Series, b: Series) => a.metric.localeCompare(b.metric);

async function customObjectPortal() {
  const portal = await startEmulatorPortal({ port: 0, accounts, seed, asOf, usage: 'custom_object' });
  portals.push(portal);
  return portal;
}

describe('usage from a mapped HubSpot custom object', () => {
  it('pulls each company’s daily series from its usage records, equal to what was seeded, at the read floor', async () => {
    const portal = await customObjectPortal();
    const connector = portal.connector({ settings: { usage: { customObject: seededUsageObjectMapping() } } });
    const pulled = await collect(connector.pullAccounts({ after: null, asOf }));
    expect(pulled).toHaveLength(accounts);

    const sandbox = createSandbox({ accounts, seed, endDate: asOf });
    const seeded = new Map(
      Array.from({ length: accounts }, (_, index) => {
        const snapshot = sandbox.snapshotAt(index, asOf);
        return [snapshot.account.name, seededUsage(snapshot)] as const;
      }),
    );
    for (const account of pulled) {
      const name = (account.snapshot as { account: { name: string } }).account.name;
      const expected = seeded.get(name);
      expect(expected?.length).toBeGreaterThan(0);
      expect(pulledUsage(account).sort(byMetric)).toStrictEqual([...(expected ?? [])].sort(byMetric));
    }
    expect(pulled.flatMap((account) => account.issues ?? [])).toStrictEqual([]);

    // One schemas call for the object's name, one v4 association read per related type (the usage object's
    // included) for the 12 companies, batch reads of 100 usage records: every read at the floor.
    const calls = connector.calls();
    expect(calls.byKind.schemas).toBe(1);
    expect(calls.byKind.associations).toBe(7);
    const [objectTypeId = '2-0'] = [...portal.emulator.state.schemas.keys()];
    const usageRecords = portal.emulator.state.records[objectTypeId]?.size ?? 0;
    expect(usageRecords).toBeGreaterThan(1_000);
    expect(portal.emulator.requests()[`POST /crm/v3/objects/${objectTypeId}/batch/read`]).toBe(
      Math.ceil(usageRecords / 100),
    );
    expect(calls.reads).toBe(connector.readFloor());
  });

  it('pulls a company whose only change is a new usage record, with the cursor left where it was', async () => {
    const portal = await customObjectPortal();
    const settings = { usage: { metrics: [], customObject: seededUsageObjectMapping() } };
    const night = (after: SyncCursor, ownWrites?: Map<string, OwnWrite>) => {
      const connector = portal.connector({ settings });
      const pulled = collect(connector.pullAccounts({ after, asOf, ...(ownWrites ? { ownWrites } : {}) }));
      return { connector, pulled };
    };
    // Night 1 reads every company; Ripe writes each one.
    const first = await night(null).pulled;
    const written = await portal.connector({ settings }).applyWrites(
      first.map(({ accountId }) => ({
        kind: 'history',
        accountId,
        externalId: `n1:${accountId}`,
        fields: {},
      })),
    );
    if (!written.ok) throw new Error(written.error.message);
    const ownWrites = new Map(
      written.value.map((outcome, index) => [
        first[index]?.accountId as string,
        {
          modifiedAt: outcome.ok ? (outcome.modifiedAt ?? '') : '',
          version: first[index]?.version as string,
        },
      ]),
    );
    // Night 1's cursor is older than the integration's last records, which night 1 read: the version kept with
    // Ripe's write says so, and no company is read again.
    const cursor = first.at(-1)?.cursor ?? null;
    // With no new record: nothing to read but the two searches, in the floor.
    const quiet = night(cursor, ownWrites);
    expect(await quiet.pulled).toStrictEqual([]);
    expect(quiet.connector.calls().byKind.search).toBe(2);
    expect(quiet.connector.calls().reads).toBe(quiet.connector.readFloor());

    // The integration writes today's record for one company; the company itself is not touched.
    const { state } = portal.emulator;
    const [objectTypeId = '2-0'] = [...state.schemas.keys()];
    const company = first[5]?.accountId as string;
    const companyBefore = state.records.companies.get(company)?.updatedAt;
    writeUsageRecord(
      state,
      objectTypeId,
      company,
      asOf,
      { usage_seats_used: '999' },
      new Date().toISOString(),
    );
    expect(state.records.companies.get(company)?.updatedAt).toBe(companyBefore);
    const fresh = night(cursor, ownWrites);
    const pulled = await fresh.pulled;
    expect(pulled.map((account) => account.accountId)).toStrictEqual([company]);
    expect(pulled[0]?.cursor).toStrictEqual(cursor);
    expect(typeof pulled[0]?.version).toBe('string');
    const seats = pulledUsage(pulled[0] as PulledAccount).find((series) => series.metric === 'seats_used');
    expect(seats?.values.at(-1)).toBe(999);
    expect(fresh.connector.calls().reads).toBe(fresh.connector.readFloor());
  });

  it('takes the object type id as it is, without the schemas call', async () => {
    const portal = await customObjectPortal();
    const [objectTypeId = ''] = [...portal.emulator.state.schemas.keys()];
    const connector = portal.connector({
      settings: { usage: { customObject: { ...seededUsageObjectMapping(), objectType: objectTypeId } } },
    });
    const pulled = await collect(connector.pullAccounts({ after: null, asOf }));
    expect(pulled.every((account) => pulledUsage(account).length > 0)).toBe(true);
    expect(connector.calls().byKind.schemas).toBeUndefined();
  });

  it('reports a record it cannot read by id and property, and keeps the rest of the company’s usage', async () => {
    const portal = await customObjectPortal();
    const { state } = portal.emulator;
    const [objectTypeId = '2-0'] = [...state.schemas.keys()];
    const records = [...(state.records[objectTypeId]?.values() ?? [])].sort(
      (a, b) => Number(a.id) - Number(b.id),
    );
    // The integration wrote text into a number property and a day HubSpot could not have parsed (as an import can).
    const badNumber = records.at(-1);
    const badDate = records.at(-2);
    if (!badNumber || !badDate) throw new Error('no usage records');
    badNumber.properties.usage_seats_used = 'twelve';
    badDate.properties.usage_date = '31/05/2026';
    const connector = portal.connector({ settings: { usage: { customObject: seededUsageObjectMapping() } } });
    const pulled = await collect(connector.pullAccounts({ after: null, asOf }));
    // The night reports each as a per-record error of the company it belongs to.
    const company = pulled.find((account) => (account.issues ?? []).length > 0);
    expect(
      pulled.flatMap((account) =>
        (account.issues ?? []).map(({ record, recordId, field }) => ({ record, recordId, field })),
      ),
    ).toStrictEqual(
      [
        { record: `usage record (${objectTypeId})`, recordId: badDate.id, field: 'usage_date' },
        { record: `usage record (${objectTypeId})`, recordId: badNumber.id, field: 'usage_seats_used' },
      ].sort((a, b) => a.recordId.localeCompare(b.recordId)),
    );
    expect(company?.issues?.map((issue) => issue.message).join('\n')).toMatch(
      new RegExp(`${badNumber.id}.*usage_seats_used`),
    );
    const usage = pulledUsage(company as PulledAccount);
    const seats = usage.find((series) => series.metric === 'seats_used');
    // The last record is the newest day: its seats are missing, the other metrics of that day are kept.
    expect(seats?.values.at(-1)).toBeNull();
    expect(seats?.values.slice(0, -2).some((value) => value !== null)).toBe(true);
    expect(usage.find((series) => series.metric === 'active_users')?.values.at(-1)).not.toBeNull();
    expect(usage.length).toBeGreaterThan(1);
  });

  it('refuses a usage object the portal does not have, naming it', async () => {
    const portal = await customObjectPortal();
    const connector = portal.connector({
      settings: { usage: { customObject: { ...seededUsageObjectMapping(), objectType: 'usage_rollup' } } },
    });
    await expect(collect(connector.pullAccounts({ after: null, asOf }))).rejects.toThrow(
      new RegExp(`no custom object usage_rollup.*${usageObjectName}`),
    );
  });

  it('the documented example is valid settings, the same on the page and in docs/examples', () => {
    const docs = new URL('../../../../docs/', import.meta.url);
    const example = JSON.parse(
      readFileSync(new URL('examples/hubspot-usage-object.settings.json', docs), 'utf8'),
    );
    const page = readFileSync(new URL('hubspot-usage-object.md', docs), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    expect(JSON.parse(block)).toStrictEqual(example);
    const settings = hubspotConnectorSettingsSchema.parse(example);
    expect(settings.usage.metrics).toStrictEqual([]);
    expect(Object.keys(settings.usage.customObject?.metrics ?? {})).toStrictEqual(
      Object.keys(seededUsageObjectMapping().metrics).filter((property) =>
        ['usage_seats_used', 'usage_active_users', 'usage_api_calls', 'usage_feature_sso'].includes(property),
      ),
    );
  });
});
