export type DatabaseKind = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned, or rows changed by an INSERT/UPDATE/DELETE. */
  rowCount: number;
}

/** What a transaction handle offers: parameterised statements, and scripts for migrations. */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
  /** Runs several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

/**
 * PGlite in-process or a PostgreSQL server, behind one interface. Inside `transaction(fn)` use only
 * the handle `fn` receives: PGlite has a single connection, so a call on the database itself would
 * wait for the transaction to end.
 */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; takes precedence over the embedded database. */
  url?: string;
  /** Folder of the embedded PGlite database, created when missing. */
  dataDir?: string;
  /** An embedded database that lives in memory only (tests). */
  inMemory?: boolean;
  /** Connections in the server pool. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { openPostgresDatabase } = await import('./postgres.database.ts');
    return openPostgresDatabase(options.url, { poolSize: options.poolSize });
  }
  if (options.inMemory || options.dataDir) {
    // Loaded lazily: the WASM build is only paid for by the embedded mode.
    const { openPgliteDatabase } = await import('./pglite.database.ts');
    return openPgliteDatabase(options.inMemory ? undefined : options.dataDir);
  }
  throw new Error('openDatabase needs a url, a dataDir or inMemory');
}
