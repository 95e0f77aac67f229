import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { loadMigrations, migrate } from './migrator.ts';
import { withOrg } from './org-scope.ts';
import { createOrg, getOrg } from './orgs.repository.ts';

describe('PGlite data folder', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ripe-store-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps its data across a close and a reopen, in a folder it creates', async () => {
    const dataDir = join(root, 'nested', 'data');
    const first = await openDatabase({ dataDir });
    await migrate(first);
    await withOrg(first, 'org-1', (tx) => createOrg(tx, { name: 'Kept', crm: 'sandbox' }));
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await openDatabase({ dataDir });
    try {
      expect(await migrate(second)).toStrictEqual({
        applied: [],
        alreadyApplied: (await loadMigrations()).map((migration) => migration.version),
      });
      expect(await withOrg(second, 'org-1', (tx) => getOrg(tx))).toMatchObject({ name: 'Kept' });
    } finally {
      await second.close();
    }
  });
});
