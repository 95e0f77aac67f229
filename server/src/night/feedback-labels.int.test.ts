import { expect, it } from 'vitest';
import { createFakeCrm } from '../connectors/fake/fake-crm.ts';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { feedbackTrainingRows } from './feedback-labels.repository.ts';
import { runOrgNight, type OrgNightReport } from './org-night.ts';
import { createNightOrg } from './testing/night-orgs.fixture.ts';

const asOf = '2026-06-01';

describeOnEachBackend(process.env.DATABASE_URL, 'decisions made in the CRM', ({ db }) => {
  it('become feedback with who and when, and label the next training', async () => {
    const crm = createFakeCrm({ accounts: 80, seed: 4, asOf, pageSize: 50, writeBatchSize: 200 });
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 80, seed: 4 } });
    const night = async (day: string): Promise<OrgNightReport> => {
      const outcome = await runOrgNight(
        {
          db: db(),
          owner: 'labels',
          now: () => new Date(`${day}T03:00:00Z`),
          resolveConnector: () => crm.connector(),
        },
        orgId,
        { asOf },
      );
      if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
      return outcome.report;
    };
    const first = await night('2026-06-01');
    const [won, lost, untouched] = first.top.filter((verdict) => verdict.readiness === 'ready');
    if (!won || !lost || !untouched) throw new Error('three ready accounts expected');
    crm.setHuman(won.accountId, { status: 'won' }, { by: 'alice@example.com' });
    crm.setHuman(lost.accountId, { status: 'lost' }, { by: 'bob@example.com' });
    const second = await night('2026-06-01');
    expect(second.model).toBe(first.model);

    const feedback = await withOrg(db(), orgId, (tx) =>
      tx.query<{ account_id: string; kind: string; actor: string; source: string }>(
        'select account_id, kind, actor, source from feedback order by actor',
      ),
    );
    expect(feedback.rows).toStrictEqual([
      { account_id: won.accountId, kind: 'won', actor: 'alice@example.com', source: 'crm' },
      { account_id: lost.accountId, kind: 'lost', actor: 'bob@example.com', source: 'crm' },
    ]);
    const rows = await withOrg(db(), orgId, (tx) => feedbackTrainingRows(tx, asOf));
    expect(rows.map((row) => [row.accountId, row.label, row.observedOn])).toStrictEqual([
      [won.accountId, 1, asOf],
      [lost.accountId, 0, asOf],
    ]);
    expect(Object.keys(rows[0]?.features ?? {}).length).toBeGreaterThan(10);

    // Two days later the model is retrained, on the CRM's history and on these two decisions.
    const third = await night('2026-06-03');
    expect(third.model).toContain("2 from the account team's decisions");
  });
});
