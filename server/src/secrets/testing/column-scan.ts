import type { Database, Queryable } from '../../store/index.ts';

export interface ColumnHit {
  table: string;
  column: string;
  rows: number;
}

/** Column types a secret could be written into as text or bytes. */
const scannedTypes = ['text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY'];

/**
 * Every text, bytea, json(b) and array column of every table of the public schema that holds the
 * value as it is, in base64, base64url or hex (any case). A bytea column cast to text is `\x` and
 * hex, so the hex of each form finds its raw bytes too.
 */
export async function scanColumnsFor(db: Database, value: string): Promise<ColumnHit[]> {
  const forms = [value, ...['base64', 'base64url', 'hex'].map((encoding) => encode(value, encoding))];
  const needles = [...forms, ...forms.map((form) => encode(form, 'hex'))].map((n) => n.toLowerCase());
  return db.transaction(async (tx) => {
    // Must see every org's rows: with row security off, a role it would filter fails loudly instead.
    await tx.query(`select set_config('row_security', 'off', true)`);
    const hits: ColumnHit[] = [];
    for (const { table, column } of await textColumns(tx)) {
      const { rows } = await tx.query<{ count: number }>(
        `select count(*)::int as count from ${quote(table)}
         where exists (select from unnest($1::text[]) needle where strpos(lower(${quote(column)}::text), needle) > 0)`,
        [needles],
      );
      const count = rows[0]?.count ?? 0;
      if (count > 0) hits.push({ table, column, rows: count });
    }
    return hits;
  });
}

/** The columns `scanColumnsFor` reads, as `table.column`. */
export async function scannedColumns(db: Database): Promise<string[]> {
  return (await textColumns(db)).map(({ table, column }) => `${table}.${column}`);
}

async function textColumns(db: Queryable): Promise<{ table: string; column: string }[]> {
  const { rows } = await db.query<{ table: string; column: string }>(
    `select c.table_name as "table", c.column_name as "column"
     from information_schema.columns c
     join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type = any($1)
     order by 1, 2`,
    [scannedTypes],
  );
  return rows;
}

function encode(value: string, encoding: string): string {
  return Buffer.from(value, 'utf8').toString(encoding as BufferEncoding);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
