import { expect, it } from 'vitest';
import { createFakeCrm } from '../connectors/fake/fake-crm.ts';
import { patchOrgSettings } from '../settings/settings.service.ts';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { runOrgNight, type OrgNightReport } from './org-night.ts';
import { createNightOrg } from './testing/night-orgs.fixture.ts';

const asOf = '2026-06-01';
const now = () => new Date(`${asOf}T03:00:00Z`);

describeOnEachBackend(process.env.DATABASE_URL, 'the API budget', ({ db }) => {
  it('a night never uses more than its share of the daily allowance; the next resumes where it stopped', async () => {
    const crm = createFakeCrm({
      accounts: 120,
      seed: 3,
      asOf,
      pageSize: 20,
      writeBatchSize: 200,
      dailyLimit: 30,
    });
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 120 } });
    // The admin's setting: a night may spend 30 % of what remains of the day's allowance.
    await withOrg(db(), orgId, (tx) =>
      patchOrgSettings(tx, { sync: { apiBudgetShare: 0.3 } }, { actor: 'admin', secrets: undefined }),
    );
    const night = async (): Promise<OrgNightReport> => {
      const connector = crm.connector();
      const outcome = await runOrgNight(
        { db: db(), owner: 'budget', now, resolveConnector: () => connector },
        orgId,
        { asOf, batchSize: 20 },
      );
      if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
      return outcome.report;
    };
    const reports: OrgNightReport[] = [];
    for (let k = 0; k < 10 && crm.history().length < 120; k += 1) {
      const before = crm.apiUsage().used;
      const report = await night();
      reports.push(report);
      // Never more than 30 % of what remained when the night started.
      expect(
        crm.apiUsage().used - before,
        JSON.stringify([before, report.apiUsage, report.counts]),
      ).toBeLessThanOrEqual(Math.floor((30 - before) * 0.3));
    }
    const [first] = reports;
    expect(first?.apiUsage.stopped).toBe('budget');
    expect(first?.apiUsage.budget).toBe(9);
    expect(reports.length).toBeGreaterThan(1);
    // Once every account was reached, a night finds nothing more to write (what it pulls are Ripe's own writes).
    expect((await night()).apiUsage.calls.writes).toBe(0);
    // Every account was written exactly once, whichever night reached it.
    expect(crm.history()).toHaveLength(120);
    expect(new Set(crm.history().map((record) => record.externalId)).size).toBe(120);
  });
});
