import { globalTables } from './global-tables.ts';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { loadMigrations, migrate } from './migrator.ts';
import { describeOnEachBackend, type TestDatabase } from './testing/store-backends.ts';

// Every migration of the folder: a new one needs no edit here.
const allVersions = async () => (await loadMigrations()).map((migration) => migration.version);

describeOnEachBackend(process.env.DATABASE_URL, 'migrations', ({ backend, db }) => {
  const extra: Array<Database | TestDatabase> = [];
  afterEach(async () => {
    for (const item of extra.splice(0)) await ('dispose' in item ? item.dispose() : item.close());
  });

  it('applies once, then finds everything applied', async () => {
    const versions = await allVersions();
    expect(versions.length).toBeGreaterThan(1);
    const again = await migrate(db());
    expect(again).toStrictEqual({ applied: [], alreadyApplied: versions });
    const { rows } = await db().query<{ version: string }>(
      'select version from schema_migrations order by 1',
    );
    expect(rows).toStrictEqual(versions.map((version) => ({ version })));
  });

  it('applies a fresh database once even when two migrators start together', async () => {
    const fresh = await backend.open();
    extra.push(fresh);
    // On the server the second migrator has its own pool: it must wait on the advisory lock.
    const second = fresh.url ? await openDatabase({ url: fresh.url, poolSize: 1 }) : fresh.db;
    if (second !== fresh.db) extra.push(second);
    const reports = await Promise.all([migrate(fresh.db), migrate(second)]);
    expect(reports.map((report) => report.applied).sort()).toStrictEqual([[], await allVersions()]);
  });

  it('refuses a migration edited after it was applied', async () => {
    const [first] = await loadMigrations();
    if (!first) throw new Error('no migration found');
    await expect(migrate(db(), [{ ...first, checksum: 'edited' }])).rejects.toThrow(
      /edited after it was applied/,
    );
  });

  it('enables and forces row-level security on every table but schema_migrations', async () => {
    const { rows } = await db().query<{
      relname: string;
      enabled: boolean;
      forced: boolean;
      org_id: boolean;
    }>(
      `select c.relname, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              (c.relname = 'orgs' or exists (
                select 1 from information_schema.columns k
                where k.table_schema = 'public' and k.table_name = c.relname
                  and k.column_name = 'org_id' and k.is_nullable = 'NO'
              )) as org_id
       from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'schema_migrations'
       order by c.relname`,
    );
    expect(rows.map((row) => row.relname)).toEqual(expect.arrayContaining(['orgs', 'runs', 'verdicts']));
    // A global table (no org's data) has no org_id, but row security all the same.
    const scoped = (row: { relname: string; org_id: boolean }) =>
      row.org_id || globalTables.includes(row.relname);
    expect(rows.filter((row) => !(row.enabled && row.forced && scoped(row)))).toStrictEqual([]);
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
      const versions = await allVersions();
      expect(reports.map((report) => report.applied)).toStrictEqual([versions, versions]);
    },
  );
});
