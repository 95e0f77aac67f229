import { expect, it } from 'vitest';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { withOrg } from '../store/org-scope.ts';
import { getRun, listRunErrors } from '../store/runs.repository.ts';
import { getCheckpoint } from './checkpoint.repository.ts';
import { interruptedSandbox } from './testing/interrupted-sandbox.ts';
import { createNightOrg, countRows } from './testing/night-orgs.fixture.ts';
import { runOrgNight, type OrgNightOutcome } from './org-night.ts';

const asOf = '2026-06-01';
const now = () => new Date('2026-06-01T03:00:00Z');

function succeeded(outcome: OrgNightOutcome) {
  if (outcome.status !== 'succeeded')
    throw new Error(`expected a succeeded night, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

describeOnEachBackend(process.env.DATABASE_URL, 'runOrgNight', ({ db }) => {
  it('runs a sandbox org: verdicts, write-backs for ready accounts, counts, a model kept for the day', async () => {
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 45, seed: 3 } });
    const deps = { db: db(), owner: 'test-a', now };
    const report = succeeded(await runOrgNight(deps, orgId, { asOf, batchSize: 10 }));
    expect(report.counts).toStrictEqual({
      accounts: 45,
      scored: 45,
      ready: report.readiness.ready,
      errors: 0,
    });
    expect(await countRows(db(), orgId, 'verdicts', 'run_id = $2::uuid', [report.runId])).toBe(45);
    expect(report.readiness.ready).toBeGreaterThan(0);
    // Every scored account is staged; the engine drained them all: fields and history for each, a task per ready one.
    expect(report.writebacks).toBe(45);
    expect(await countRows(db(), orgId, 'writebacks', "status = 'done'")).toBe(45);
    expect(report.written).toMatchObject({
      history: 45,
      tasksCreated: report.readiness.ready,
      opportunities: 0,
    });
    expect(report.apiUsage.calls).toMatchObject({ reads: 1, writes: 1 });
    expect(report.apiUsage.floor).toStrictEqual({ reads: 1, writes: 1, total: 2 });
    expect(report.top[0]?.readiness).toBe('ready');
    expect(Object.keys(report.durations).sort()).toStrictEqual(
      ['load', 'model', 'pull', 'score', 'agent', 'save', 'writeBack', 'total'].sort(),
    );
    const run = await withOrg(db(), orgId, (tx) => getRun(tx, report.runId));
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 2, counts: report.counts });
    // The run history an admin reads carries the API usage beside the floor.
    expect(run?.apiUsage).toStrictEqual(report.apiUsage);
    const checkpoint = await withOrg(db(), orgId, (tx) => getCheckpoint(tx, report.runId));
    expect(checkpoint).toMatchObject({
      batchesCommitted: 5,
      leaseOwner: null,
      lastAccountId: expect.any(String),
    });

    // The same day, the stored model is reused; no second model is trained.
    const again = succeeded(await runOrgNight(deps, orgId, { asOf, batchSize: 10 }));
    expect(again.model).toBe(report.model);
    expect(await countRows(db(), orgId, 'models')).toBe(1);
    // Nothing changed in the CRM since the first run: nothing is pulled, scored or staged.
    expect(again.counts.accounts).toBe(0);
    expect(again.writebacks).toBe(0);
    // A full run pulls every account again; the write-back engine finds nothing new to write.
    const full = succeeded(await runOrgNight(deps, orgId, { asOf, batchSize: 10, full: true }));
    expect(full.counts.accounts).toBe(45);
    expect(full.written).toMatchObject({ fields: 0, tasksCreated: 0, history: 0 });
  });

  it('a dry run records its verdicts but no latest state and no write-back', async () => {
    const orgId = await createNightOrg(db());
    const report = succeeded(
      await runOrgNight({ db: db(), owner: 'test', now }, orgId, { asOf, dryRun: true }),
    );
    expect(report.dryRun).toBe(true);
    expect(await countRows(db(), orgId, 'verdicts')).toBe(30);
    expect(await countRows(db(), orgId, 'account_states')).toBe(0);
    expect(await countRows(db(), orgId, 'writebacks')).toBe(0);
    expect(await countRows(db(), orgId, 'runs', 'dry_run')).toBe(1);
  });

  it('a scheduled night runs once: the second call finds it done', async () => {
    const orgId = await createNightOrg(db());
    const deps = { db: db(), owner: 'test', now };
    const [first, second] = await Promise.all([
      runOrgNight(deps, orgId, { nightDate: asOf }),
      runOrgNight({ ...deps, owner: 'other' }, orgId, { nightDate: asOf }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toStrictEqual(['skipped', 'succeeded']);
    expect(await runOrgNight(deps, orgId, { nightDate: asOf })).toMatchObject({
      status: 'skipped',
      reason: 'already_done',
    });
    expect(await countRows(db(), orgId, 'runs', 'night_date = $2::date', [asOf])).toBe(1);
  });

  it('a transient failure keeps the checkpoint; the retry resumes after the committed batches', async () => {
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 50 } });
    const flaky = interruptedSandbox({
      failAt: 3,
      error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    const deps = { db: db(), owner: 'worker-1', now, resolveConnector: flaky.resolve };
    const first = await runOrgNight(deps, orgId, { nightDate: asOf, batchSize: 10, finalAttempt: false });
    expect(first).toMatchObject({ status: 'retry' });
    expect(await countRows(db(), orgId, 'verdicts')).toBe(30);

    const healthy = interruptedSandbox({ failAt: -1 });
    const retried = succeeded(
      await runOrgNight({ ...deps, owner: 'worker-2', resolveConnector: healthy.resolve }, orgId, {
        nightDate: asOf,
      }),
    );
    expect(healthy.starts).toStrictEqual([{ modifiedAt: '2026-06-01T00:00:00.000Z', id: 'acc-000029' }]);
    expect(retried).toMatchObject({
      runId: first.status === 'retry' ? first.runId : '',
      resumedFromBatch: 3,
    });
    expect(retried.counts.accounts).toBe(50);
    expect(await countRows(db(), orgId, 'verdicts', 'run_id = $2::uuid', [retried.runId])).toBe(50);
    expect(await countRows(db(), orgId, 'runs')).toBe(1);
  });

  it('a process presumed dead cannot commit after its successor took the run over', async () => {
    const orgId = await createNightOrg(db(), { sandbox: { accounts: 40 } });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stuck = interruptedSandbox({ failAt: 2, gate });
    // A long lease: the stuck process's heartbeat stays quiet during the test.
    const zombie = runOrgNight(
      { db: db(), owner: 'zombie', now, leaseMs: 60_000, resolveConnector: stuck.resolve },
      orgId,
      {
        nightDate: asOf,
        batchSize: 10,
      },
    );
    const runId = await waitFor(async () => {
      const rows = await withOrg(db(), orgId, (tx) =>
        tx.query<{ run_id: string }>(
          'select run_id::text from night_checkpoints where batches_committed = 2',
        ),
      );
      return rows.rows[0]?.run_id;
    });
    // Its lease runs out (the process froze); a worker takes the run over and finishes it.
    await withOrg(db(), orgId, (tx) =>
      tx.query(
        `update night_checkpoints set lease_expires_at = now() - interval '1 second' where run_id = $1`,
        [runId],
      ),
    );
    const successor = succeeded(
      await runOrgNight({ db: db(), owner: 'successor', now }, orgId, { resumeRunId: runId }),
    );
    expect(successor).toMatchObject({ resumedFromBatch: 2, resumes: 1 });
    open();
    expect(await zombie).toMatchObject({ status: 'skipped', reason: 'superseded' });
    expect(await countRows(db(), orgId, 'verdicts', 'run_id = $2::uuid', [runId])).toBe(40);
    expect((await withOrg(db(), orgId, (tx) => getRun(tx, runId)))?.status).toBe('succeeded');
  });

  it('a CRM without a connector fails its run with a reason an admin can read', async () => {
    const orgId = await createNightOrg(db(), { crm: 'hubspot' });
    const outcome = await runOrgNight({ db: db(), owner: 'test', now }, orgId, { nightDate: asOf });
    expect(outcome).toMatchObject({
      status: 'failed',
      report: {
        failureReason:
          "The HubSpot connector needs the app's OAuth client: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET",
      },
    });
    const runs = await withOrg(db(), orgId, (tx) => tx.query<{ status: string }>('select status from runs'));
    expect(runs.rows).toStrictEqual([{ status: 'failed' }]);
  });

  it('an unexpected error fails the run without its stack or a secret', async () => {
    const orgId = await createNightOrg(db());
    const broken = interruptedSandbox({
      failAt: 1,
      error: new TypeError('cannot read token=abc123secret at postgres://ripe:hunter2@db:5432/ripe'),
    });
    const outcome = await runOrgNight(
      { db: db(), owner: 'test', now, resolveConnector: broken.resolve },
      orgId,
      {
        asOf,
        batchSize: 10,
      },
    );
    if (outcome.status !== 'failed') throw new Error(`expected a failure, got ${outcome.status}`);
    const reason = outcome.report.failureReason ?? '';
    expect(reason).toBe(
      'Unexpected TypeError during the night: cannot read token=[redacted] at postgres://[redacted]@db:5432/ripe',
    );
    expect(outcome.report.counts.scored).toBe(10);
    const errors = await withOrg(db(), orgId, (tx) => listRunErrors(tx, outcome.report.runId));
    expect(errors).toStrictEqual([]);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
