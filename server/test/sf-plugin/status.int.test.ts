import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import Run from '../../../sf-plugin/src/commands/ripe/run.ts';
import Status from '../../../sf-plugin/src/commands/ripe/status.ts';
import { describeOnEachBackend } from '../../src/store/testing/store-backends.ts';
import {
  AS_OF,
  pluginRoot,
  ripeArgs,
  sfLoggedInto,
  startRipeBackend,
  type RipeBackend,
  type SfSession,
} from './sf-plugin-harness.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'sf ripe status', ({ db }) => {
  let backend: RipeBackend;
  let sf: SfSession;

  beforeAll(async () => {
    backend = await startRipeBackend(db(), 6);
    Run.pollMs = 20;
  });
  afterAll(() => backend.close());
  beforeEach(async () => {
    sf = await sfLoggedInto(backend);
  });
  afterEach(() => sf.end());

  const ripeOnly = () => ['--api-url', backend.url, '--ripe-org', backend.orgId];

  it('says no run happened yet, and shows the connection', async () => {
    const result = await Status.run([...ripeOnly(), '--json'], pluginRoot);
    expect(sf.json()).toMatchObject({ status: 0, result: { runs: [], errors: [] } });
    expect(result.connection).toMatchObject({ crm: 'salesforce', status: 'connected' });
  });

  it('lists the last runs with their counts and API usage, newest first', async () => {
    await Run.run([...ripeArgs(backend, sf), '--dry-run', '--as-of', AS_OF], pluginRoot);
    await Run.run([...ripeArgs(backend, sf), '--as-of', AS_OF], pluginRoot);
    const result = await Status.run([...ripeOnly(), '--limit', '2'], pluginRoot);
    expect(result.runs.map((run) => [run.dryRun, run.status])).toStrictEqual([
      [false, 'succeeded'],
      [true, 'succeeded'],
    ]);
    expect(result.runs[0]?.apiUsage?.calls.total).toBeGreaterThan(0);
    const table = sf.ux.table.lastCall.args[0] as { data: Record<string, unknown>[] };
    expect(table.data.map((row) => [row.kind, row.status, row.scored])).toStrictEqual([
      ['night', 'succeeded', '6/6'],
      ['dry run', 'succeeded', '6/6'],
    ]);
    expect(String(table.data[0]?.['api calls'])).toMatch(/^\d+ \(floor \d+\)$/);
  });

  it("shows the latest run's failure reason", async () => {
    backend.emulator.emulator.faults.uninstallPackage();
    try {
      await expect(Run.run([...ripeArgs(backend, sf), '--as-of', AS_OF], pluginRoot)).rejects.toMatchObject({
        name: 'RipeRunFailed',
      });
    } finally {
      backend.emulator.emulator.faults.installPackage();
    }
    const result = await Status.run(ripeOnly(), pluginRoot);
    expect(result.runs[0]).toMatchObject({
      status: 'failed',
      failureReason: expect.stringContaining('ripe__'),
    });
    const table = sf.ux.table.lastCall.args[0] as { data: Record<string, unknown>[] };
    expect(table.data[0]).toMatchObject({ status: 'failed', note: result.runs[0]?.failureReason });
  });
});
