import { expect, it } from 'vitest';
import { runOrgNight } from '../night/org-night.ts';
import { withOrg } from '../store/org-scope.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { defaultConnectors, type ConnectorResolver } from '../night/connector-resolver.ts';
import { interruptedSandbox } from '../night/testing/interrupted-sandbox.ts';
import { inProcessNightScheduler } from './night-scheduler.service.ts';
import { createNightOrg } from '../night/testing/night-orgs.fixture.ts';

const now = () => new Date('2026-06-15T01:00:00Z');
const utcMidnight = { timeOfDay: '00:00', timeZone: 'UTC' };

interface RunRow {
  status: string;
  night_date: string | null;
  failure_reason: string | null;
  scored: number;
}

async function runsOf(db: Parameters<typeof withOrg>[0], orgId: string): Promise<RunRow[]> {
  return withOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<RunRow>(
      `select status, night_date::text, failure_reason, (counts->>'scored')::int as scored from runs order by started_at, started_seq`,
    );
    return rows;
  });
}

describeOnEachBackend(process.env.DATABASE_URL, 'in-process night scheduler', ({ db }) => {
  it('runs the due nights of scheduled orgs; a failing org fails alone, with a reason', async () => {
    const healthy = await createNightOrg(db(), { schedule: utcMidnight });
    const paris = await createNightOrg(db(), { schedule: { timeOfDay: '02:30', timeZone: 'Europe/Paris' } });
    const throwing = await createNightOrg(db(), { schedule: utcMidnight });
    const hubspot = await createNightOrg(db(), { crm: 'hubspot', schedule: utcMidnight });
    const onDemand = await createNightOrg(db());
    const resolveConnector: ConnectorResolver = (org, asOf) => {
      if (org.id === throwing) throw new Error('CRM exploded');
      return defaultConnectors(org, asOf);
    };
    const scheduler = inProcessNightScheduler({ db: db(), now, resolveConnector, concurrency: 2 });
    try {
      const queued = await scheduler.tick();
      const mine = new Set([healthy, paris, throwing, hubspot, onDemand]);
      expect(
        queued
          .filter((job) => mine.has(job.orgId))
          .map((job) => job.orgId)
          .sort(),
      ).toStrictEqual([healthy, paris, throwing, hubspot].sort());
      await scheduler.onIdle();
      expect(await runsOf(db(), healthy)).toStrictEqual([
        { status: 'succeeded', night_date: '2026-06-15', failure_reason: null, scored: 30 },
      ]);
      expect(await runsOf(db(), paris)).toMatchObject([{ status: 'succeeded', night_date: '2026-06-15' }]);
      expect(await runsOf(db(), throwing)).toMatchObject([
        { status: 'failed', failure_reason: 'Unexpected Error during the night: CRM exploded' },
      ]);
      expect(await runsOf(db(), hubspot)).toMatchObject([
        {
          status: 'failed',
          failure_reason:
            "The HubSpot connector needs the app's OAuth client: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET",
        },
      ]);
      expect(await runsOf(db(), onDemand)).toStrictEqual([]);
      // Started nights are never due again, whatever their outcome.
      const next = await scheduler.tick();
      expect(next.filter((job) => mine.has(job.orgId))).toStrictEqual([]);
    } finally {
      await scheduler.stop();
    }
  });

  it('resumes a run whose process stopped, from its checkpoint', async () => {
    const orgId = await createNightOrg(db(), { schedule: utcMidnight, sandbox: { accounts: 40 } });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const frozen = interruptedSandbox({ failAt: 2, gate }).resolve;
    // A process freezes after two batches (its heartbeat far apart), then its lease runs out.
    const dead = runOrgNight(
      { db: db(), owner: 'frozen', now, leaseMs: 60_000, resolveConnector: frozen },
      orgId,
      {
        nightDate: '2026-06-15',
        batchSize: 10,
      },
    );
    await waitFor(async () => {
      const { rows } = await withOrg(db(), orgId, (tx) =>
        tx.query('select 1 from night_checkpoints where batches_committed = 2'),
      );
      return rows.length > 0 ? true : undefined;
    });
    await withOrg(db(), orgId, (tx) =>
      tx.query(`update night_checkpoints set lease_expires_at = now() - interval '1 second'`),
    );
    const scheduler = inProcessNightScheduler({ db: db(), now });
    try {
      const queued = await scheduler.tick();
      expect(queued.filter((job) => job.orgId === orgId)).toMatchObject([{ kind: 'resume', orgId }]);
      await scheduler.onIdle();
    } finally {
      await scheduler.stop();
    }
    open();
    expect(await dead).toMatchObject({ status: 'skipped', reason: 'superseded' });
    expect(await runsOf(db(), orgId)).toStrictEqual([
      { status: 'succeeded', night_date: '2026-06-15', failure_reason: null, scored: 40 },
    ]);
    const { rows } = await withOrg(db(), orgId, (tx) =>
      tx.query<{ resumes: number; n: number }>(
        `select c.resumes, (select count(*)::int from verdicts v where v.run_id = c.run_id) as n
         from night_checkpoints c`,
      ),
    );
    expect(rows).toStrictEqual([{ resumes: 1, n: 40 }]);
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
