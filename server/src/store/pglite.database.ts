import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database.ts';
import { lockDataDir } from './data-dir.lock.ts';

// PGlite's memory lives in the process: 16 MB of shared buffers instead of 128 saves ~145 MB of RSS, and
// an embedded database serves one process, so a larger cache buys little.
const memorySettings = ['-c', 'shared_buffers=16MB', '-c', 'wal_buffers=1MB'];

/** PGlite in this process: a data folder, or memory when `dataDir` is undefined. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  let unlock = async (): Promise<void> => {};
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    // PGlite cannot share a folder between processes: the second one must fail, not corrupt it.
    unlock = await lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      startParams: [...PGlite.defaultStartParams, ...memorySettings],
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    query: (sql, params) => runQuery(pglite, sql, params),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    // PGlite queues transactions behind one mutex, so they are serialised for us.
    transaction: (fn) => pglite.transaction((tx) => fn(wrapTransaction(tx))),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        await unlock();
      }
    },
  };
}

function wrapTransaction(tx: Transaction): Queryable {
  return {
    query: (sql, params) => runQuery(tx, sql, params),
    exec: async (sql) => {
      await tx.exec(sql);
    },
  };
}

async function runQuery<Row extends object>(
  target: PGlite | Transaction,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<Row>> {
  const result = await target.query<Row>(sql, params ? [...params] : undefined);
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}
