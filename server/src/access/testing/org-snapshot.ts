import { discoverOrgTables, quoteIdentifier } from '../../data-rights/org-tables.ts';
import type { Database } from '../../store/database.ts';

/** Every row of one org, per table, as sorted JSON lines: equal snapshots mean nothing changed. */
export type OrgSnapshot = Record<string, string[]>;

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Reads the org's rows of every org table on the test connection, which owns the schema and (as a
 * superuser in tests) is not limited by row-level security, so it sees what an attack did.
 */
export async function snapshotOrg(db: Database, orgId: string): Promise<OrgSnapshot> {
  const { tables } = await discoverOrgTables(db);
  const snapshot: OrgSnapshot = {};
  for (const table of tables) {
    const { rows } = await db.query(
      `select * from ${quoteIdentifier(table.name)} where ${quoteIdentifier(table.orgColumn)} = $1`,
      [orgId],
    );
    snapshot[table.name] = rows.map((row) => stableJson(row)).sort();
  }
  return snapshot;
}

/** Tables in which the org has no row: the seeders miss them. */
export function emptyTables(snapshot: OrgSnapshot): string[] {
  return Object.entries(snapshot)
    .filter(([, rows]) => rows.length === 0)
    .map(([table]) => table);
}

/**
 * What identifies the org's data wherever it turns up: its id, its marker, and every uuid in its
 * rows (row ids, run ids, member ids… no other org has the same).
 */
export function fingerprintsOf(snapshot: OrgSnapshot, orgId: string, marker: string): string[] {
  const found = new Set<string>([orgId, marker]);
  for (const rows of Object.values(snapshot)) {
    for (const row of rows) for (const uuid of row.match(uuidPattern) ?? []) found.add(uuid);
  }
  return [...found];
}

/** The fingerprints that appear in a value (a response body, a repository result). */
export function leakedFingerprints(value: unknown, fingerprints: readonly string[]): string[] {
  const text = typeof value === 'string' ? value : stableJson(value ?? null);
  return fingerprints.filter((fingerprint) => text.includes(fingerprint));
}

/** Rows whose snapshot lines differ, by table. */
export function snapshotChanges(before: OrgSnapshot, after: OrgSnapshot): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((table) => stableJson(before[table] ?? []) !== stableJson(after[table] ?? []));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Uint8Array) return Buffer.from(inner).toString('base64');
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });
}
