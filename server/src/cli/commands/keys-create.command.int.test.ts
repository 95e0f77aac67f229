import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', '..', '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-keys-create-'));

async function ripeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ripe, ...args], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: '', RIPE_DATA_DIR: join(dir, 'data') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ripe keys create', () => {
  it("prints a new key for the org's admin once, and says what is missing in one line", async () => {
    const created = await ripeCli(['org', 'create', '--name', 'Acme', '--crm', 'sandbox', '--json']);
    const { orgId, apiKey: firstKey } = JSON.parse(created.stdout) as { orgId: string; apiKey: string };

    const json = await ripeCli(['keys', 'create', '--org', orgId, '--name', 'quickstart', '--json']);
    expect(json.code).toBe(0);
    const key = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(key).toMatchObject({
      orgId,
      role: 'admin',
      name: 'quickstart',
      scopes: ['read', 'write', 'admin'],
    });
    expect(key.apiKey).toMatch(/^ripe_[0-9a-f-]{36}_\S+$/);
    expect(key.apiKey).not.toBe(firstKey);

    const noManager = await ripeCli(['keys', 'create', '--org', orgId, '--role', 'manager']);
    expect(noManager.code).not.toBe(0);
    expect(noManager.stderr.trim()).toMatch(/has no manager: add one with POST \/v1\/orgs\/\S+\/members/);
    expect(noManager.stderr.trim().split('\n')).toHaveLength(1);
  });
});
