import { globalTables } from '../store/global-tables.ts';
import type { Queryable } from '../store/index.ts';

export { globalTables };

/** Columns never exported: values sealed by a key (the names of secrets are exported, not their values). */
export const sealedColumns: Readonly<Record<string, readonly string[]>> = {
  secrets: ['ciphertext'],
  org_data_keys: ['wrapped_key'],
};

export interface OrgTable {
  name: string;
  /** `org_id`, or `id` for `orgs` itself. */
  orgColumn: string;
  /** Every column, in table order. */
  columns: string[];
  /** Columns the application role may read, less the sealed ones: what an export carries. */
  exportedColumns: string[];
}

export interface OrgTableDiscovery {
  /** Child tables before the tables they reference, `orgs` last: the order to delete in. */
  tables: OrgTable[];
  /** Tables with no `org_id` that are not global: a schema defect, their rows cannot be scoped. */
  unscoped: string[];
}

/** What a withheld column holds: sealed by a key, or not readable by the application role. */
export type WithheldReason = 'sealed' | 'not_readable';

/**
 * Every table of the public schema that holds an org's rows, read from the catalogue so that a
 * table added by a later migration is exported and deleted without anyone listing it here.
 */
export async function discoverOrgTables(db: Queryable): Promise<OrgTableDiscovery> {
  const { rows } = await db.query<{ table_name: string; column_name: string; app_readable: boolean }>(
    `select c.table_name, c.column_name,
            has_column_privilege('ripe_app', format('public.%I', c.table_name), c.column_name, 'SELECT')
              as app_readable
     from information_schema.columns c
     join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
     order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, { columns: string[]; readable: string[] }>();
  for (const row of rows) {
    const table = byTable.get(row.table_name) ?? { columns: [], readable: [] };
    table.columns.push(row.column_name);
    if (row.app_readable) table.readable.push(row.column_name);
    byTable.set(row.table_name, table);
  }
  const tables: OrgTable[] = [];
  const unscoped: string[] = [];
  for (const [name, { columns, readable }] of byTable) {
    if (globalTables.includes(name)) continue;
    const orgColumn = name === 'orgs' ? 'id' : columns.includes('org_id') ? 'org_id' : undefined;
    if (!orgColumn) {
      unscoped.push(name);
      continue;
    }
    const sealed = sealedColumns[name] ?? [];
    tables.push({
      name,
      orgColumn,
      columns,
      exportedColumns: readable.filter((column) => !sealed.includes(column)),
    });
  }
  return { tables: await childrenFirst(db, tables), unscoped };
}

export function assertAllScoped(unscoped: readonly string[]): void {
  if (unscoped.length > 0) {
    // A schema defect, not a user mistake: the rows of these tables cannot be told apart by org.
    throw new Error(
      `Tables without org_id: ${unscoped.join(', ')}. Add org_id, or list them in globalTables`,
    );
  }
}

export function withheldColumns(table: OrgTable): Record<string, WithheldReason> {
  const sealed = sealedColumns[table.name] ?? [];
  return Object.fromEntries(
    table.columns
      .filter((column) => !table.exportedColumns.includes(column))
      .map((column) => [column, sealed.includes(column) ? 'sealed' : 'not_readable']),
  );
}

export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

// A referencing table is deleted before the table it references, whatever its `on delete` says.
async function childrenFirst(db: Queryable, tables: OrgTable[]): Promise<OrgTable[]> {
  const { rows } = await db.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
     from pg_constraint k
     join pg_class child on child.oid = k.conrelid
     join pg_class parent on parent.oid = k.confrelid
     where k.contype = 'f' and k.connamespace = 'public'::regnamespace and k.conrelid <> k.confrelid`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of rows) parents.set(parent, (parents.get(parent) ?? new Set()).add(child));
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: OrgTable[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    const table = byName.get(name);
    if (!table || ordered.includes(table) || visiting.has(name)) return;
    visiting.add(name);
    for (const child of [...(parents.get(name) ?? [])].sort()) visit(child);
    ordered.push(table);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  // The org row goes last even when a table carries `org_id` without a foreign key to it.
  return [
    ...ordered.filter((table) => table.name !== 'orgs'),
    ...ordered.filter((table) => table.name === 'orgs'),
  ];
}
