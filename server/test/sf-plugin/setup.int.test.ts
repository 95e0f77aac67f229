import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import Setup, { type SetupResult } from '../../../sf-plugin/src/commands/ripe/setup.ts';
import { describeOnEachBackend } from '../../src/store/testing/store-backends.ts';
import {
  pluginRoot,
  ripeArgs,
  sfLoggedInto,
  startRipeBackend,
  type RipeBackend,
  type SfSession,
} from './sf-plugin-harness.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'sf ripe setup', ({ db }) => {
  let backend: RipeBackend;
  let sf: SfSession;

  beforeAll(async () => {
    backend = await startRipeBackend(db(), 4);
  });
  afterAll(() => backend.close());
  beforeEach(async () => {
    sf = await sfLoggedInto(backend);
  });
  afterEach(() => {
    backend.emulator.emulator.faults.clear();
    sf.end();
  });

  const byName = (result: SetupResult) =>
    Object.fromEntries(result.checks.map((check) => [check.name, check]));
  const patchMapping = (fieldMapping: Record<string, unknown>) =>
    fetch(`${backend.url}/v1/orgs/${backend.orgId}/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${backend.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fieldMapping }),
    });

  it('finds an org ready: connected to Ripe, the package installed, its fields editable, the mapping whole', async () => {
    const result = await Setup.run([...ripeArgs(backend, sf), '--json'], pluginRoot);
    expect(sf.json()).toMatchObject({ status: 0, result: { ready: true } });
    expect(result.checks.map((check) => [check.area, check.ok])).toStrictEqual([
      ['connection', true],
      ['connection', true],
      ['connection', true],
      ['package', true],
      ['permissions', true],
      ['field_mapping', true],
    ]);
    expect(result.org).toMatchObject({
      orgId: backend.emulator.emulator.oauth.orgId,
      username: sf.org.username,
    });
    expect(process.exitCode).toBeUndefined();
  });

  it('names the package as missing, and how to install it, when the org does not have it', async () => {
    backend.emulator.emulator.faults.uninstallPackage();
    const result = await Setup.run([...ripeArgs(backend, sf), '--json'], pluginRoot);
    expect(sf.json()).toMatchObject({ status: 1, result: { ready: false } });
    const checks = byName(result);
    expect(checks['Ripe package']).toMatchObject({
      ok: false,
      message: expect.stringContaining('ripe__Expansion_Snapshot__c'),
      fix: expect.stringContaining('sf package install'),
    });
    expect(checks['Ripe package']?.message).toContain('Account.ripe__EmailDraft__c');
    expect(checks['Field mapping']?.ok).toBe(true);
  });

  it('names a field the user cannot see, with the permission set that shows it', async () => {
    backend.emulator.emulator.faults.hideField('Account.ripe__ProbabilityHigh__c');
    const result = await Setup.run(ripeArgs(backend, sf), pluginRoot);
    expect(result.ready).toBe(false);
    expect(byName(result)['Ripe package']).toMatchObject({
      ok: false,
      message: 'Missing from the org: Account.ripe__ProbabilityHigh__c.',
      fix: expect.stringContaining('Ripe Admin permission set'),
    });
    const table = sf.ux.table.lastCall.args[0] as { data: { check: string; state: string }[] };
    expect(table.data.find((row) => row.check === 'Ripe package')?.state).toBe('fix');
    expect(sf.logged()).toContain(`1 to fix before Ripe's nights can run against ${sf.org.username}.`);
  });

  it("names the fields of Ripe's field mapping the org does not have", async () => {
    expect((await patchMapping({ seatsLicensed: 'Licences__c' })).ok).toBe(true);
    try {
      const result = await Setup.run(ripeArgs(backend, sf), pluginRoot);
      expect(byName(result)['Field mapping']).toMatchObject({
        ok: false,
        message: "Fields of Ripe's field mapping that the org does not have: Account.Licences__c.",
        fix: expect.stringContaining('fieldMapping'),
      });
      expect(byName(result)['Ripe package']?.ok).toBe(true);
    } finally {
      await patchMapping({ seatsLicensed: null });
    }
  });

  it('says Ripe is connected to another org, and how to connect this one', async () => {
    sf.end();
    sf = await sfLoggedInto(backend, {
      instanceUrl: backend.emulator.emulator.url.replace('127.0.0.1', 'localhost'),
    });
    const result = await Setup.run(ripeArgs(backend, sf), pluginRoot);
    expect(byName(result)['Same org']).toMatchObject({
      ok: false,
      fix: expect.stringContaining(`ripe connect salesforce --org ${backend.orgId}`),
    });
  });
});
