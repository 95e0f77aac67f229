import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../database.ts';
import { migrate } from '../migrator.ts';
import { withOrg } from '../org-scope.ts';
import { createOrg } from '../orgs.repository.ts';

export type BackendKind = Database['kind'];

export interface StoreBackend {
  kind: BackendKind;
  name: string;
  skip: boolean;
  /** A fresh, empty database of this backend. */
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Database;
  /** For a server database: its URL, to open more connections to it. */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** PGlite always; the server when the test passes its `DATABASE_URL`. */
export function storeBackends(databaseUrl: string | undefined): StoreBackend[] {
  return [
    { kind: 'pglite', name: 'PGlite (in memory)', skip: false, open: openPgliteTestDatabase },
    {
      kind: 'postgres',
      name: databaseUrl ? 'PostgreSQL server' : 'PostgreSQL server suite (skipped: DATABASE_URL not set)',
      skip: !databaseUrl,
      open: () => createThrowawayDatabase(databaseUrl ?? ''),
    },
  ];
}

/**
 * Declares `body` once per backend, each with its own migrated database for the whole file; tests
 * stay independent by each working in an org of its own (`newOrg`).
 */
export function describeOnEachBackend(
  databaseUrl: string | undefined,
  title: string,
  body: (context: BackendContext) => void,
): void {
  for (const backend of storeBackends(databaseUrl)) {
    describe.skipIf(backend.skip)(`${title} — ${backend.name}`, () => {
      let opened: TestDatabase | undefined;
      beforeAll(async () => {
        opened = await backend.open();
        await migrate(opened.db);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      const context: BackendContext = {
        backend,
        db: () => {
          if (!opened) throw new Error('The test database is not open yet');
          return opened.db;
        },
        url: () => opened?.url,
        newOrg: async (name = 'Acme') => {
          const orgId = `org-${randomUUID()}`;
          await withOrg(context.db(), orgId, (tx) => createOrg(tx, { name, crm: 'sandbox' }));
          return orgId;
        },
      };
      body(context);
    });
  }
}

export interface BackendContext {
  backend: StoreBackend;
  db(): Database;
  url(): string | undefined;
  /** Provisions a new org and returns its id. */
  newOrg(name?: string): Promise<string>;
}

async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const db = await openDatabase({ inMemory: true });
  return { db, url: undefined, dispose: () => db.close() };
}

/** A database of its own on the server (`ripe_test_<random>`), dropped by `dispose`. */
export async function createThrowawayDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `ripe_test_${randomBytes(6).toString('hex')}`;
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
