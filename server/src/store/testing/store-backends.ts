import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../database.ts';
import { migrate } from '../migrator.ts';
import { withOrg } from '../org-scope.ts';
import { createOrg } from '../orgs.repository.ts';
import { createThrowawayDatabase, type TestDatabase } from './throwaway-database.ts';

export type { TestDatabase };

export type BackendKind = Database['kind'];

export interface StoreBackend {
  kind: BackendKind;
  name: string;
  skip: boolean;
  /** A fresh, empty database of this backend. */
  open(): Promise<TestDatabase>;
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
