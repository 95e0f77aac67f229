import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { loadMigrations, migrate } from './migrator.ts';
import { describeOnEachBackend, type TestDatabase } from './testing/store-backends.ts';

const orgTables = ['orgs', 'runs', 'run_errors', 'verdicts', 'account_states', 'feedback', 'models'];

describeOnEachBackend(process.env.DATABASE_URL, 'migrations', ({ backend, db }) => {
  const extra: Array<Database | TestDatabase> = [];
  afterEach(async () => {
    for (const item of extra.splice(0)) await ('dispose' in item ? item.dispose() : item.close());
  });

  it('applies once, then finds everything applied', async () => {
    const again = await migrate(db());
    expect(again).toStrictEqual({ applied: [], alreadyApplied: ['0001'] });
    const { rows } = await db().query<{ version: string }>('select version from schema_migrations');
    expect(rows).toStrictEqual([{ version: '0001' }]);
  });

  it('applies a fresh database once even when two migrators start together', async () => {
    const fresh = await backend.open();
    extra.push(fresh);
    // On the server the second migrator has its own pool: it must wait on the advisory lock.
    const second = fresh.url ? await openDatabase({ url: fresh.url, poolSize: 1 }) : fresh.db;
    if (second !== fresh.db) extra.push(second);
    const reports = await Promise.all([migrate(fresh.db), migrate(second)]);
    expect(reports.map((report) => report.applied).sort()).toStrictEqual([[], ['0001']]);
  });

  it('refuses a migration edited after it was applied', async () => {
    const [first] = await loadMigrations();
    if (!first) throw new Error('no migration found');
    await expect(migrate(db(), [{ ...first, checksum: 'edited' }])).rejects.toThrow(
      /edited after it was applied/,
    );
  });

  it('enables and forces row-level security on every org table', async () => {
    const { rows } = await db().query<{ relname: string; enabled: boolean; forced: boolean }>(
      `select relname, relrowsecurity as enabled, relforcerowsecurity as forced
       from pg_class where relname = any($1::text[]) and relkind = 'r' order by relname`,
      [orgTables],
    );
    expect(rows).toStrictEqual(
      [...orgTables].sort().map((relname) => ({ relname, enabled: true, forced: true })),
    );
    const { rows: columns } = await db().query<{ table_name: string }>(
      `select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'org_id' and is_nullable = 'NO'`,
    );
    expect(columns.map((column) => column.table_name).sort()).toStrictEqual(
      orgTables.filter((table) => table !== 'orgs').sort(),
    );
  });

  it('creates ripe_app without login and without BYPASSRLS', async () => {
    const { rows } = await db().query(
      `select rolcanlogin, rolbypassrls, rolsuper, rolcreaterole from pg_roles where rolname = 'ripe_app'`,
    );
    expect(rows).toStrictEqual([
      { rolcanlogin: false, rolbypassrls: false, rolsuper: false, rolcreaterole: false },
    ]);
  });

  it.skipIf(backend.kind !== 'postgres')(
    'migrates two new databases at once: the cluster-wide role is shared',
    async () => {
      const pair = await Promise.all([backend.open(), backend.open()]);
      extra.push(...pair);
      const reports = await Promise.all(pair.map((item) => migrate(item.db)));
      expect(reports.map((report) => report.applied)).toStrictEqual([['0001'], ['0001']]);
    },
  );
});
