import type { Database } from '../../store/database.ts';
import { quoteIdentifier } from '../../data-rights/org-tables.ts';

export type RlsMutation = 'drop-policies' | 'permissive-policies';

/**
 * Breaks row-level security on purpose, in a throwaway database, so a suite can prove it notices:
 * `drop-policies` removes every org isolation policy (forced RLS then hides every row, even the
 * org's own); `permissive-policies` replaces each with `using (true)` (as if RLS were off).
 */
export async function mutateRls(db: Database, mutation: RlsMutation): Promise<string[]> {
  const { rows } = await db.query<{ tablename: string; policyname: string }>(
    `select tablename, policyname from pg_policies
     where schemaname = 'public' and qual like '%ripe.org_id%'`,
  );
  for (const { tablename, policyname } of rows) {
    const table = quoteIdentifier(tablename);
    await db.exec(`drop policy ${quoteIdentifier(policyname)} on ${table}`);
    if (mutation === 'permissive-policies') {
      await db.exec(
        `create policy ${quoteIdentifier(policyname)} on ${table} using (true) with check (true)`,
      );
    }
  }
  return rows.map((row) => row.tablename);
}
