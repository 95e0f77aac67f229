import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', '..', '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-serve-cli-'));
// PGlite in a folder of this test, whatever the machine's environment says.
const env = { ...process.env, DATABASE_URL: '', RIPE_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info' };

async function ripeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ripe, ...args], { cwd: dir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ripe org and ripe serve', () => {
  it('creates orgs with an admin key shown once, lists them, and refuses a second org for one CRM instance', async () => {
    const created = await ripeCli([
      'org',
      'create',
      '--name',
      'Acme',
      '--crm',
      'hubspot',
      '--external-id',
      '4242',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Org org_[0-9a-f]{24} \(Acme, hubspot\) created\.$/m);
    expect(created.stdout).toMatch(/^ripe_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/m);
    const twin = await ripeCli([
      'org',
      'create',
      '--name',
      'Twin',
      '--crm',
      'hubspot',
      '--external-id',
      '4242',
    ]);
    expect(twin.code).toBe(1);
    expect(twin.stderr.trim()).toBe('ripe: This hubspot instance is already connected to an org');
    const listed = await ripeCli(['org', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'Acme', crm: 'hubspot', externalId: '4242' }]);
  });

  it('serves the API on PGlite with no other setup and stops cleanly on SIGTERM', async () => {
    const created = await ripeCli(['org', 'create', '--name', 'Served', '--crm', 'sandbox', '--json']);
    const { orgId, apiKey } = JSON.parse(created.stdout) as { orgId: string; apiKey: string };
    const server = spawn(process.execPath, [ripe, 'serve', '--port', '0'], { cwd: dir, env });
    const lines = createInterface({ input: server.stdout });
    const logs: string[] = [];
    const url = await new Promise<string | undefined>((resolve) => {
      lines.on('line', (line) => {
        logs.push(line);
        const parsed = JSON.parse(line) as { msg?: string; url?: string };
        if (parsed.msg === 'ripe is serving') resolve(parsed.url);
      });
      lines.on('close', () => resolve(undefined));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const org = await fetch(`${url}/v1/orgs/${orgId}`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(await org.json()).toMatchObject({ id: orgId, name: 'Served' });
    const [exited, drained] = [once(server, 'exit'), once(lines, 'close')];
    server.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    await drained;
    expect(code).toBe(0);
    expect(logs.join('\n')).toContain('"msg":"stopped"');
    expect(logs.join('\n')).not.toContain(apiKey.split('_').slice(2).join('_'));
  });
});
