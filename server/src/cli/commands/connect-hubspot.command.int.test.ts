import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultEmulatorClient,
  startHubSpotEmulator,
  type HubSpotEmulator,
} from '../../connectors/hubspot/emulator/hubspot-emulator.ts';
import { keyedRecords } from '../../connectors/hubspot/emulator/portal-edits.ts';
import { portalReport } from '../../connectors/hubspot/emulator/portal-report.ts';
import { ripeProperties } from '../../connectors/hubspot/schema/ripe-properties.ts';
import { sandboxPriceBook } from '../../sandbox/sandbox-price-book.ts';
import { patchOrgSettings } from '../../settings/settings.service.ts';
import { openDatabase } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', '..', '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-connect-hubspot-'));
const asOf = '2026-06-01';

/** A free loopback port for the callback (`--port` takes a real one). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ripe connect hubspot, then ripe run', () => {
  let emulator: HubSpotEmulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startHubSpotEmulator({ port: 0, accounts: 30, seed: 11, asOf });
    // PGlite in a folder of this test, the emulator as HubSpot, a master key to seal the tokens.
    env = {
      ...process.env,
      DATABASE_URL: '',
      RIPE_DATA_DIR: join(dir, 'data'),
      RIPE_MASTER_KEY: randomBytes(32).toString('base64'),
      RIPE_SCHEDULER: 'off',
      HUBSPOT_API_BASE_URL: emulator.url,
      HUBSPOT_CLIENT_ID: defaultEmulatorClient.clientId,
      HUBSPOT_CLIENT_SECRET: defaultEmulatorClient.clientSecret,
    };
  });
  afterAll(() => emulator.close());

  const ripeCli = (args: string[]) => run(process.execPath, [ripe, ...args], { cwd: dir, env });

  it("installs Ripe in the portal through the consent and code exchange, and the org's night runs on it", async () => {
    const created = await ripeCli(['org', 'create', '--name', 'Portal', '--crm', 'hubspot', '--json']);
    const { orgId, adminMemberId } = JSON.parse(created.stdout) as { orgId: string; adminMemberId: string };
    expect(portalReport(emulator.state).ripeProperties).toBe(0);

    const port = await freePort();
    const connect = spawn(
      process.execPath,
      [ripe, 'connect', 'hubspot', '--org', orgId, '--port', String(port), '--timeout', '60', '--json'],
      { cwd: dir, env },
    );
    const exited = new Promise<number | null>((resolve) => connect.once('exit', resolve));
    let stdout = '';
    connect.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // With --json the consent URL comes on stderr, the connection on stdout.
    const lines = createInterface({ input: connect.stderr })[Symbol.asyncIterator]();
    const first = await lines.next();
    const { authorizeUrl } = JSON.parse(String(first.value)) as { authorizeUrl: string };
    expect(authorizeUrl.startsWith(`${emulator.url}/oauth/authorize?`)).toBe(true);
    // The admin approves: the emulator redirects to Ripe's callback route, which exchanges the code.
    const callback = await fetch(authorizeUrl);
    expect(callback.status).toBe(200);
    expect(await exited).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      orgId,
      crm: 'hubspot',
      instance: String(emulator.state.hubId),
      status: 'connected',
    });
    // The install created every property of Ripe in the portal.
    expect(portalReport(emulator.state).ripeProperties).toBe(ripeProperties().length);

    // The price book through the settings (here in the store directly: PGlite takes one process at a time).
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      await withOrg(db, orgId, (tx) =>
        patchOrgSettings(tx, { priceBook: sandboxPriceBook }, { actor: adminMemberId, secrets: undefined }),
      );
    } finally {
      await db.close();
    }
    const night = await ripeCli(['run', '--org', orgId, '--as-of', asOf, '--json']);
    const { report } = JSON.parse(night.stdout) as {
      report: {
        status: string;
        counts: { accounts: number };
        written: { history: number; tasksCreated: number };
      };
    };
    expect(report.status).toBe('succeeded');
    expect(report.counts.accounts).toBe(30);
    expect(report.written.history).toBe(30);
    expect(portalReport(emulator.state)).toMatchObject({ companiesWithVerdict: 30 });
    expect(keyedRecords(emulator.state, 'tasks')).toHaveLength(report.written.tasksCreated);
  }, 120_000);
});
