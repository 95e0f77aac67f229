import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, migrate, openDatabase, withOrg } from '../src/store/index.ts';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-import-cli-'));
const dataDir = join(dir, 'data');

async function ripeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ripe, ...args, '--data-dir', dataDir], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ripe import usage', () => {
  beforeAll(async () => {
    const db = await openDatabase({ dataDir });
    try {
      await migrate(db);
      await withOrg(db, 'org-acme', (tx) => createOrg(tx, { name: 'Acme', crm: 'sandbox' }));
    } finally {
      await db.close();
    }
  });

  it('imports the valid rows, names each bad row and column, and is idempotent', async () => {
    const csv = join(dir, 'usage.csv');
    writeFileSync(
      csv,
      'account_id,metric,day,value\nacc-1,seats_used,2025-03-01,40\nacc-1,seats_used,2025-03-02,forty\nacc-2,active_users,2025-03-01,9\n',
    );
    const first = await ripeCli(['import', 'usage', '--csv', csv, '--org', 'org-acme']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('ripe: row 3, column value: must be a number');
    expect(first.stdout).toContain('Imported 2 of 3 rows into org-acme (2 new or changed, 1 rejected)');

    const again = await ripeCli(['import', 'usage', '--csv', csv, '--org', 'org-acme', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 3, accepted: 2, changed: 0, rejected: 1 });
  });

  it('exits 0 when every row is imported, and 1 with one line for an unknown org', async () => {
    const csv = join(dir, 'clean.csv');
    writeFileSync(csv, 'account_id,metric,day,value\nacc-1,seats_used,2025-03-03,41\n');
    const clean = await ripeCli(['import', 'usage', '--csv', csv, '--org', 'org-acme']);
    expect(clean.code).toBe(0);
    const unknown = await ripeCli(['import', 'usage', '--csv', csv, '--org', 'org-nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('ripe: org org-nope does not exist');
  });
});
