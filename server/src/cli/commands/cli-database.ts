import { databaseOptions } from '../../config/database-options.ts';
import type { AppConfig } from '../../config/env.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { migrate } from '../../store/migrator.ts';

/** The configured database, migrated, for the length of one command. */
export async function withCliDatabase<T>(config: AppConfig, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseOptions(config));
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}
