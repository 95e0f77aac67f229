import type { DatabaseOptions } from '../store/database.ts';
import type { AppConfig } from './env.ts';

/** Where the configured database is: the server of DATABASE_URL, else PGlite in the data folder. */
export function databaseOptions(config: AppConfig): DatabaseOptions {
  const url = config.database.url?.reveal();
  return url
    ? { url, poolSize: config.database.poolSize }
    : { dataDir: config.database.dataDir, poolSize: config.database.poolSize };
}

/** A log-safe description of it. */
export function describeDatabase(config: AppConfig): string {
  const url = config.database.url?.reveal();
  if (!url) return `PGlite in ${config.database.dataDir}`;
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
