import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import Run, { type RunResult } from '../../../sf-plugin/src/commands/ripe/run.ts';
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

const readinessRank = { ready: 0, nurture: 1, caution: 2, not_ready: 3 } as const;

describeOnEachBackend(process.env.DATABASE_URL, 'sf ripe run', ({ db }) => {
  let backend: RipeBackend;
  let sf: SfSession;

  beforeAll(async () => {
    backend = await startRipeBackend(db());
    Run.pollMs = 20;
  });
  afterAll(() => backend.close());
  beforeEach(async () => {
    sf = await sfLoggedInto(backend);
  });
  afterEach(() => sf.end());

  const accountField = (accountId: string, field: string) =>
    backend.emulator.emulator.state.tables.Account.get(accountId)?.[field];

  it('runs a dry run: the ranked shortlist and the fields it would write, the org left as it was', async () => {
    const result = await Run.run(
      [...ripeArgs(backend, sf), '--dry-run', '--as-of', AS_OF, '--json'],
      pluginRoot,
    );
    const envelope = sf.json();
    expect(envelope).toMatchObject({ status: 0, warnings: [] });
    expect(envelope.result).toStrictEqual(JSON.parse(JSON.stringify(result)));
    expect(result.run).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      counts: { accounts: 24, scored: 24 },
    });
    expect(result.accounts.length).toBeGreaterThan(0);
    // Ready first, then nurture; by expected value within each.
    const order = result.accounts.map((account) => [
      readinessRank[account.readiness],
      -account.expectedValue,
    ]);
    expect(order).toStrictEqual(order.toSorted(([ra, ea], [rb, eb]) => ra! - rb! || ea! - eb!));
    expect(result.accounts.map((account) => account.rank)).toStrictEqual(
      result.accounts.map((_, i) => i + 1),
    );
    const first = result.accounts[0]!;
    expect(first.fields).toMatchObject({
      ripe__Readiness__c: first.readiness,
      ripe__ExpectedValue__c: Math.round(first.expectedValue),
      ripe__Probability__c: Math.round(first.probability * 10_000) / 100,
    });
    expect(Object.keys(first.fields)).toEqual(
      expect.arrayContaining(['ripe__EmailDraft__c', 'ripe__ProbabilityLow__c', 'ripe__ProbabilityHigh__c']),
    );
    // Nothing was written: every field of the verdict is still to be changed, and the org holds nothing.
    expect(first.changes.ripe__Readiness__c).toStrictEqual({ from: null, to: first.readiness });
    expect(accountField(first.accountId, 'ripe__Readiness__c') ?? null).toBeNull();
  });

  it('runs a night: the org then holds what it wrote, so nothing is left to change', async () => {
    const result: RunResult = await Run.run(
      [...ripeArgs(backend, sf), '--as-of', AS_OF, '--limit', '5'],
      pluginRoot,
    );
    expect(result.run).toMatchObject({ status: 'succeeded', dryRun: false });
    expect(result.accounts.length).toBeGreaterThan(0);
    expect(result.accounts.length).toBeLessThanOrEqual(5);
    for (const account of result.accounts) {
      expect(accountField(account.accountId, 'ripe__Readiness__c')).toBe(account.readiness);
      expect(account.changes).toStrictEqual({});
    }
    const printed = sf.logged();
    expect(printed).toContain(`Night ${result.run.id}: 24 of 24 accounts scored`);
    expect(printed).toContain(
      `0 accounts would have fields changed; ${result.accounts.length} already hold these values.`,
    );
    const table = sf.ux.table.lastCall.args[0] as { data: Record<string, unknown>[] };
    expect(table.data[0]).toMatchObject({ '#': 1, account: result.accounts[0]!.accountName.slice(0, 32) });
  });

  it('refuses to run against an org Ripe is not connected to, and says how to connect it', async () => {
    sf.end();
    // Another org: nothing listens there, and nothing needs to: the run stops before any call to it.
    sf = await sfLoggedInto(backend, { instanceUrl: 'http://127.0.0.1:9' });
    const runs = await fetch(`${backend.url}/v1/orgs/${backend.orgId}/runs`, {
      headers: { authorization: `Bearer ${backend.apiKey}` },
    }).then((response) => response.json() as Promise<unknown[]>);
    const refused = Run.run([...ripeArgs(backend, sf), '--dry-run'], pluginRoot);
    await expect(refused).rejects.toMatchObject({
      name: 'RipeNotConnected',
      message: expect.stringContaining(`not to this org (http://127.0.0.1:9)`),
      actions: [expect.stringContaining(`ripe connect salesforce --org ${backend.orgId}`)],
    });
    const after = await fetch(`${backend.url}/v1/orgs/${backend.orgId}/runs`, {
      headers: { authorization: `Bearer ${backend.apiKey}` },
    }).then((response) => response.json() as Promise<unknown[]>);
    expect(after).toHaveLength(runs.length);
  });

  it('says where the API key comes from when it is not set', async () => {
    delete process.env.RIPE_API_KEY;
    await expect(Run.run(ripeArgs(backend, sf), pluginRoot)).rejects.toMatchObject({
      name: 'RipeNoApiKey',
      actions: [expect.stringContaining('RIPE_API_KEY')],
    });
  });
});
