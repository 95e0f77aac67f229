import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import Connect from '../../../sf-plugin/src/commands/ripe/connect.ts';
import Setup from '../../../sf-plugin/src/commands/ripe/setup.ts';
import { describeOnEachBackend } from '../../src/store/testing/store-backends.ts';
import {
  pluginRoot,
  ripeArgs,
  sfLoggedInto,
  startRipeBackend,
  type RipeBackend,
  type SfSession,
} from './sf-plugin-harness.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'sf ripe connect', ({ db }) => {
  let backend: RipeBackend;
  let sf: SfSession;

  beforeAll(async () => {
    backend = await startRipeBackend(db(), 2, { connected: false });
    Connect.pollMs = 20;
  });
  afterAll(() => backend.close());
  beforeEach(async () => {
    sf = await sfLoggedInto(backend);
  });
  afterEach(() => sf.end());

  /** The admin's browser: opens the consent URL the command printed, logs in, and lands on Ripe's callback. */
  async function consent(): Promise<{ status: number; page: string }> {
    for (let tries = 0; tries < 500; tries += 1) {
      const url = sf.ux.log
        .getCalls()
        .flatMap((call) => call.args)
        .find(
          (arg): arg is string => typeof arg === 'string' && arg.startsWith(backend.emulator.emulator.url),
        );
      if (url) {
        const landed = await fetch(url);
        return { status: landed.status, page: await landed.text() };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The command printed no consent URL');
  }

  it('prints the consent URL, waits for the login, and leaves Ripe connected to this org', async () => {
    const before = await Setup.run(ripeArgs(backend, sf), pluginRoot);
    expect(before.checks.find((check) => check.name === 'Connection')?.ok).toBe(false);
    process.exitCode = undefined;

    const connecting = Connect.run([...ripeArgs(backend, sf), '--json'], pluginRoot);
    const browser = await consent();
    const result = await connecting;
    expect(browser).toMatchObject({
      status: 200,
      page: expect.stringContaining('Salesforce is connected to Ripe'),
    });
    expect(sf.json()).toMatchObject({ status: 0 });
    expect(result.connection).toMatchObject({
      crm: 'salesforce',
      status: 'connected',
      instance: backend.emulator.emulator.url,
    });
    const after = await Setup.run(ripeArgs(backend, sf), pluginRoot);
    expect(after.checks.filter((check) => check.area === 'connection').every((check) => check.ok)).toBe(true);
  });

  it('says so when nobody logs in before the wait ends', async () => {
    Connect.minuteMs = 200;
    try {
      await expect(Connect.run([...ripeArgs(backend, sf), '--wait', '1'], pluginRoot)).rejects.toMatchObject({
        name: 'RipeConnectTimeout',
        actions: [expect.stringContaining('sf ripe connect again')],
      });
    } finally {
      Connect.minuteMs = 60_000;
    }
  });
});
