import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../data-rights/testing/read-archive.ts';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', '..', '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-keys-cli-'));
const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

async function ripeCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ripe, ...args], {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_URL: '',
        RIPE_DATA_DIR: join(dir, 'data'),
        RIPE_MASTER_KEYS: `k1:${k1}`,
        RIPE_MASTER_KEY_ID: 'k1',
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ripe keys and ripe org export/delete', () => {
  it('rotates keys, exports an org and deletes it only when confirmed', async () => {
    const created = await ripeCli(['org', 'create', '--name', 'Acme', '--crm', 'sandbox', '--json']);
    expect(created.code).toBe(0);
    const { orgId } = JSON.parse(created.stdout) as { orgId: string };

    const data = await ripeCli(['keys', 'rotate-data', '--org', orgId, '--json']);
    expect(JSON.parse(data.stdout)).toMatchObject({ orgId, dataKeyVersion: 1, newVersion: true });
    const master = await ripeCli(['keys', 'rotate-master', '--json'], {
      RIPE_MASTER_KEYS: `k1:${k1},k2:${k2}`,
      RIPE_MASTER_KEY_ID: 'k2',
    });
    expect(JSON.parse(master.stdout)).toMatchObject({
      activeMasterKeyId: 'k2',
      rewrappedDataKeys: 1,
      failed: [],
      dataKeysByMasterKey: { k2: 1 },
      removable: ['k1'],
    });
    expect(master.stdout + master.stderr).not.toContain(k1);

    const exported = await ripeCli(['org', 'export', '--org', orgId, '--out', 'acme.tar.gz']);
    expect(exported.code).toBe(0);
    const archive = await readArchive(readFileSync(join(dir, 'acme.tar.gz')));
    expect(archive.rows('orgs')).toStrictEqual([expect.objectContaining({ id: orgId, name: 'Acme' })]);
    expect(archive.rows('audit_log')).toStrictEqual([
      expect.objectContaining({ actor: 'cli', action: 'data_key.rotated' }),
    ]);

    const refused = await ripeCli(['org', 'delete', '--org', orgId, '--confirm', 'org_other']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('confirm with its id');
    const deleted = await ripeCli(['org', 'delete', '--org', orgId, '--confirm', orgId, '--json']);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ orgId, deletedRows: { orgs: 1, members: 1 } });
  });
});
