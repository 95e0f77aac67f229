import { ok, type Result } from '../../resilience/result.ts';
import type { ConnectorError, SyncCursor } from '../crm-connector.ts';
import { emptyRelated, instant, text, type AccountRecords } from './mappers/account-records.ts';
import type { SalesforceFieldMap } from './mappers/salesforce-field-map.ts';
import type { createReadFloor } from './read-floor.ts';
import {
  accountQuery,
  opportunityHistoryQuery,
  relatedObjects,
  relatedQuery,
  type PullWindow,
} from './salesforce-queries.ts';
import type { SalesforceTransport, SfRecord } from './salesforce-transport.ts';
import { bulkQuery } from './salesforce-bulk.ts';
import { chunks, idsPerQuery, soqlDateTime, soqlString } from './soql.ts';

/** Where an account sits in the change order: its latest change by someone other than Ripe. */
export type Position = NonNullable<SyncCursor>;

export interface PullDeps {
  transport: SalesforceTransport;
  floor: ReturnType<typeof createReadFloor>;
  map: SalesforceFieldMap;
  /** The integration user Ripe writes as: its own writes are not changes to pull again. */
  ripeUserId: string | null;
  /** The usage object is read through a Bulk API 2.0 query job when a read would bring this many rows or more. */
  bulk?: { rows: number; usageDays: number; pollMs?: number };
}

/** Every record of a query, page after page (`query`, then `queryMore` with `nextRecordsUrl`). */
export async function readAll(
  deps: Pick<PullDeps, 'transport' | 'floor'>,
  kind: string,
  soql: string,
  /** What the floor counts the rows under: the object, and `scan:` for the change scan. */
  floorKey: string,
): Promise<Result<SfRecord[], ConnectorError>> {
  const records: SfRecord[] = [];
  let page = await deps.transport.queryPage(kind, { soql });
  for (;;) {
    if (!page.ok) return page;
    records.push(...page.value.records);
    if (page.value.done || !page.value.nextRecordsUrl) break;
    page = await deps.transport.queryPage(kind, { next: page.value.nextRecordsUrl });
  }
  deps.floor.rows(floorKey, records.length);
  return ok(records);
}

// Code-unit order, as the cursor is compared everywhere (Salesforce ids mix cases: no locale order).
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const after = (a: Position, b: SyncCursor) =>
  b === null || a.modifiedAt > b.modifiedAt || (a.modifiedAt === b.modifiedAt && a.id > b.id);

/**
 * The accounts changed after the cursor, in change order. From the beginning: every Account by its own
 * `SystemModstamp`. After a cursor: every record of the Account or of its related objects stamped since, by
 * anyone but Ripe's integration user, the account placed at its latest such change.
 */
export async function scanChanges(
  deps: PullDeps,
  cursor: SyncCursor,
  window: PullWindow,
): Promise<Result<Position[], ConnectorError>> {
  const latest = new Map<string, string>();
  const note = (id: unknown, stamp: unknown) => {
    const accountId = text(id);
    const at = instant(stamp);
    if (!accountId || !at) return;
    const seen = latest.get(accountId);
    if (!seen || at > seen) latest.set(accountId, at);
  };
  if (cursor === null) {
    const rows = await readAll(
      deps,
      'scan',
      'SELECT Id, SystemModstamp FROM Account ORDER BY SystemModstamp, Id',
      'scan:Account',
    );
    if (!rows.ok) return rows;
    for (const row of rows.value) note(row.Id, row.SystemModstamp);
  } else {
    const since = `SystemModstamp >= ${soqlDateTime(cursor.modifiedAt)}`;
    const notRipe = deps.ripeUserId ? ` AND LastModifiedById != ${soqlString(deps.ripeUserId)}` : '';
    const sources = [
      { object: 'Account', accountField: 'Id' },
      ...relatedObjects(deps.map, window).map((r) => ({ object: r.object, accountField: r.accountField })),
    ];
    for (const source of sources) {
      const soql = `SELECT ${source.accountField}, SystemModstamp FROM ${source.object} WHERE ${since}${notRipe}`;
      const rows = await readAll(deps, 'scan', soql, `scan:${source.object}`);
      if (!rows.ok) return rows;
      for (const row of rows.value) note(row[source.accountField], row.SystemModstamp);
    }
  }
  const positions = [...latest]
    .map(([id, modifiedAt]) => ({ modifiedAt, id }))
    .filter((position) => after(position, cursor))
    .sort((a, b) => compare(a.modifiedAt, b.modifiedAt) || compare(a.id, b.id));
  return ok(positions);
}

/** The Accounts of one page and their related records, read 400 ids per query (the URL's length). */
export async function readAccounts(
  deps: PullDeps,
  accountIds: readonly string[],
  window: PullWindow,
): Promise<Result<Map<string, AccountRecords>, ConnectorError>> {
  const byId = new Map<string, AccountRecords>();
  const related = relatedObjects(deps.map, window);
  for (const ids of chunks(accountIds, idsPerQuery)) {
    const accounts = await readAll(deps, 'query', accountQuery(deps.map, ids), 'Account');
    if (!accounts.ok) return accounts;
    for (const account of accounts.value) {
      const id = text(account.Id);
      if (id) byId.set(id, emptyRelated(account));
    }
    for (const object of related) {
      const soql = relatedQuery(object, ids);
      const large = object.key === 'usage' && deps.bulk && ids.length * deps.bulk.usageDays >= deps.bulk.rows;
      const rows = large
        ? await bulkQuery({ ...deps, pollMs: deps.bulk?.pollMs }, soql, numericUsageFields(deps.map))
        : await readAll(deps, 'query', soql, object.object);
      if (!rows.ok) return rows;
      for (const row of rows.value) {
        const owner = byId.get(text(row[object.accountField]) ?? '');
        owner?.[object.key].push(row);
      }
    }
    const history = await readAll(deps, 'query', opportunityHistoryQuery(ids), 'OpportunityHistory');
    if (!history.ok) return history;
    for (const id of ids) {
      const records = byId.get(id);
      if (!records) continue;
      const mine = new Set(records.opportunities.map((o) => text(o.Id)));
      records.opportunityHistory.push(...history.value.filter((h) => mine.has(text(h.OpportunityId))));
    }
  }
  return ok(byId);
}

/** The usage object's number fields, which a bulk query's CSV returns as text. */
function numericUsageFields(map: SalesforceFieldMap): ReadonlySet<string> {
  const usage = map.usage;
  if (usage.source === 'crm_object_columns') return new Set(usage.columns.map((c) => c.field));
  if (usage.source === 'crm_object') return new Set([usage.valueField]);
  return new Set();
}
