import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../database.ts';

export interface TestDatabase {
  db: Database;
  /** For a server database: its URL, to open more connections to it. */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** A database of its own on the server (`ripe_test_<random>` by default), dropped by `dispose`. */
export async function createThrowawayDatabase(
  serverUrl: string,
  prefix = 'ripe_test',
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
