import { afterEach, expect, it } from 'vitest';
import { runOrgNight } from '../org-night.ts';
import { createNightOrg } from '../testing/night-orgs.fixture.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { startEmulatorOrg, type EmulatorOrg } from '../../connectors/salesforce/emulator/emulator-org.ts';

const asOf = '2026-06-01';
const now = () => new Date(`${asOf}T03:00:00Z`);

describeOnEachBackend(process.env.DATABASE_URL, 'a Salesforce night writing in bulk', ({ db }) => {
  const opened: EmulatorOrg[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((org) => org.close()));
  });

  it('the drain hands each large object to one ingest job; calls stay within the floor', async () => {
    const org = await startEmulatorOrg({ port: 0, accounts: 60, seed: 7, asOf, usageDays: 200 });
    opened.push(org);
    const { state } = org.emulator;
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 60 } });
    // 60 accounts stand in for a large org: more than 20 writes of one object go through a job.
    const night = async () => {
      const outcome = await runOrgNight(
        {
          db: db(),
          owner: 'bulk',
          now,
          resolveConnector: () => org.connector({ sync: { usageDays: 200, bulkWriteRows: 20 } }),
        },
        orgId,
        { asOf, batchSize: 50 },
      );
      if (outcome.status !== 'succeeded')
        throw new Error(`night did not succeed: ${JSON.stringify(outcome)}`);
      return outcome.report;
    };
    const first = await night();
    const { calls, floor } = first.apiUsage;
    // Account fields and history: one job of create, upload, close and one status read each.
    expect(calls.byKind.bulk_ingest).toBe(8);
    expect(first.written.history).toBe(60);
    expect(state.tables.ripe__Expansion_Snapshot__c.size).toBe(60);
    expect([...state.tables.Account.values()].every((a) => typeof a.ripe__Score__c === 'number')).toBe(true);
    expect(calls.writes).toBeLessThanOrEqual(floor.writes);
    expect(calls.writes).toBeGreaterThanOrEqual(8);

    const second = await night();
    expect(second.apiUsage.calls.writes).toBe(0);
  });
});
