import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.ts';

type Client = pg.Pool | pg.PoolClient;

/** A PostgreSQL server through a `pg` pool; each transaction holds one pooled connection. */
export function openPostgresDatabase(url: string, options: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection that breaks is dropped by the pool; the next query opens a new one.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    query: (sql, params) => runQuery(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: (fn) => runTransaction(pool, fn),
    close: () => pool.end(),
  };
}

async function runTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // One connection runs one statement at a time: queue what the caller starts concurrently.
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const turn = tail.then(task, task);
    tail = turn.catch(() => {});
    return turn;
  };
  try {
    await client.query('begin');
    const result = await fn({
      query: (sql, params) => inTurn(() => runQuery(client, sql, params)),
      exec: (sql) => inTurn(async () => void (await client.query(sql))),
    });
    const commit = await client.query('commit');
    // The server answers ROLLBACK to a COMMIT of a failed transaction; PGlite throws, and so do we.
    if (commit.command === 'ROLLBACK') throw new Error('Transaction was rolled back instead of committed');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

async function runQuery<Row extends object>(
  client: Client,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<Row>> {
  const result = await client.query<Row>(sql, params ? [...params] : undefined);
  return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
}
