import { expect, it } from 'vitest';
import { withOrg } from '../store/org-scope.ts';
import { getRun, listRecentRuns } from '../store/runs.repository.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { claimLease, expireLease } from './checkpoint.repository.ts';
import { runOrgNight } from './org-night.ts';
import { queueOrgRun } from './queue-run.ts';
import { createNightOrg } from './testing/night-orgs.fixture.ts';

const now = () => new Date('2026-06-01T03:00:00Z');

/** A night that kills whoever runs it must not kill every process that resumes it. */
describeOnEachBackend(process.env.DATABASE_URL, 'no poison night', ({ db }) => {
  it('ends a run taken over more often than allowed as failed, with the reason, without running it', async () => {
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 5, seed: 3 } });
    const { runId } = await queueOrgRun(db(), orgId, { asOf: '2026-06-01', dryRun: false });
    // Three processes took the run over and died without finishing: each time the lease ran out.
    for (const owner of ['dead-1', 'dead-2', 'dead-3']) {
      await withOrg(db(), orgId, async (tx) => {
        await claimLease(tx, runId, owner, 60_000);
        await expireLease(tx, runId, owner);
      });
    }
    const outcome = await runOrgNight({ db: db(), owner: 'next', now, maxResumes: 3 }, orgId, {
      resumeRunId: runId,
    });
    expect(outcome).toStrictEqual({ status: 'skipped', runId, reason: 'given_up' });
    const run = await withOrg(db(), orgId, (tx) => getRun(tx, runId));
    expect(run).toMatchObject({ status: 'failed', counts: { scored: 0 } });
    expect(run?.failureReason).toMatch(/^Given up after 3 resumes without finishing/);
  });

  it('still resumes a run taken over as often as allowed', async () => {
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 5, seed: 3 } });
    const { runId } = await queueOrgRun(db(), orgId, { asOf: '2026-06-01', dryRun: true });
    for (const owner of ['dead-1', 'dead-2']) {
      await withOrg(db(), orgId, async (tx) => {
        await claimLease(tx, runId, owner, 60_000);
        await expireLease(tx, runId, owner);
      });
    }
    const outcome = await runOrgNight({ db: db(), owner: 'next', now, maxResumes: 3 }, orgId, {
      resumeRunId: runId,
    });
    expect(outcome.status).toBe('succeeded');
  });

  it('refuses a night whose day is out of range before recording any run', async () => {
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 5, seed: 3 } });
    await expect(
      runOrgNight({ db: db(), owner: 'cli', now }, orgId, { asOf: '9999-12-31' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(await withOrg(db(), orgId, (tx) => listRecentRuns(tx))).toStrictEqual([]);
  });
});
