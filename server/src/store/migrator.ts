import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export interface Migration {
  /** `0001` from `0001_init.sql`: the order they are applied in. */
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

const defaultMigrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const migrationFilePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any constant shared by every process that migrates: "RIPE" in ASCII.
const migrationLockKey = 0x52495045;

export async function loadMigrations(dir: string = defaultMigrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => migrationFilePattern.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version = '', name = ''] = migrationFilePattern.exec(file) ?? [];
      const sql = await readFile(join(dir, file), 'utf8');
      return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies the pending migrations in order, all in one transaction. An advisory lock makes a second
 * process wait, then find them applied; on PGlite the single connection already serialises.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] | undefined = undefined,
): Promise<MigrationReport> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const { rows } = await tx.query<{ version: string; checksum: string }>(
      'select version, checksum from schema_migrations',
    );
    const appliedChecksums = new Map(rows.map((row) => [row.version, row.checksum]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of all) {
      const checksum = appliedChecksums.get(migration.version);
      if (checksum === migration.checksum) {
        report.alreadyApplied.push(migration.version);
        continue;
      }
      if (checksum !== undefined) {
        throw new Error(`Migration ${migration.version}_${migration.name} was edited after it was applied`);
      }
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      report.applied.push(migration.version);
    }
    return report;
  });
}
