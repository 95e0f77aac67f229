import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.ts';
import { migrate } from '../store/migrator.ts';
import { createThrowawayDatabase, type TestDatabase } from '../store/testing/throwaway-database.ts';
import { nightJobIdentity, nightJobSchema, nightQueue } from './night-job.ts';
import { planNights } from './night-planner.ts';
import { latestNightAtOrBefore } from './night-schedule.ts';
import type { NightSchedule } from '../settings/night-settings.schema.ts';
import { createNightOrg } from '../night/testing/night-orgs.fixture.ts';
import { spawnWorker, type WorkerProcess } from './testing/worker-process.ts';

const databaseUrl = process.env.DATABASE_URL;
const title = databaseUrl
  ? 'ripe worker processes on the PostgreSQL server'
  : 'ripe worker processes (skipped: DATABASE_URL not set)';

// Nights that started ten minutes ago, in UTC: due now for every planner.
function dueSchedule(): { schedule: NightSchedule; nightDate: string } {
  const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
  const schedule = { timeOfDay: tenMinutesAgo.toISOString().slice(11, 16), timeZone: 'UTC' };
  return { schedule, nightDate: latestNightAtOrBefore(schedule, new Date()).nightDate };
}

// Short planning and polling rounds; leases long enough that a busy CPU (two cores shared by the whole
// suite) never starves a heartbeat past them, short enough that a killed worker's run resumes soon.
const fastWorker = (leaseSeconds: number) => [
  '--plan-every-seconds',
  '1',
  '--poll-seconds',
  '0.5',
  '--lease-seconds',
  String(leaseSeconds),
];

describe.skipIf(!databaseUrl)(title, () => {
  let test: TestDatabase | undefined;
  const workers: WorkerProcess[] = [];
  const db = (): Database => {
    if (!test) throw new Error('no database');
    return test.db;
  };
  const url = () => test?.url ?? '';

  beforeAll(async () => {
    test = await createThrowawayDatabase(databaseUrl ?? '', 'ripe_worker_test');
    await migrate(test.db);
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await test?.dispose();
  });

  async function runsOfNight(orgIds: string[], nightDate: string) {
    const { rows } = await db().query<{
      org_id: string;
      id: string;
      status: string;
      failure_reason: string | null;
    }>(
      `select org_id, id::text, status, failure_reason from runs
       where org_id = any($1::text[]) and night_date = $2::date order by org_id`,
      [orgIds, nightDate],
    );
    return rows;
  }

  async function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) {
        const logs = workers.map((worker) => worker.output()).join('\n');
        throw new Error(`${what}: not within ${timeoutMs} ms\n${logs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Rows per (run, account) of verdicts and write-backs, and the ready verdicts, per run. */
  async function rowsPerRun(runIds: string[]) {
    const { rows } = await db().query<{
      run_id: string;
      verdicts: number;
      verdict_accounts: number;
      ready: number;
      writebacks: number;
      writeback_accounts: number;
      written: number;
    }>(
      `select r.id::text as run_id,
         (select count(*)::int from verdicts v where v.run_id = r.id) as verdicts,
         (select count(distinct v.account_id)::int from verdicts v where v.run_id = r.id) as verdict_accounts,
         (select count(*)::int from verdicts v where v.run_id = r.id and v.readiness = 'ready') as ready,
         (select count(*)::int from writebacks w where w.run_id = r.id) as writebacks,
         (select count(distinct w.account_id)::int from writebacks w where w.run_id = r.id) as writeback_accounts,
         (select count(*)::int from writebacks w where w.run_id = r.id and w.status = 'done') as written
       from runs r where r.id = any($1::uuid[]) order by r.id`,
      [runIds],
    );
    return rows;
  }

  it('two workers run every org exactly once per night, however many planners queue it', async () => {
    const { schedule, nightDate } = dueSchedule();
    const sandboxOrgs: string[] = [];
    for (let seed = 1; seed <= 6; seed += 1) {
      sandboxOrgs.push(await createNightOrg(db(), { schedule, sandbox: { accounts: 60, seed } }));
    }
    const hubspot = await createNightOrg(db(), { crm: 'hubspot', schedule });
    const orgIds = [...sandboxOrgs, hubspot];
    const pair = [0, 1].map(() =>
      spawnWorker(url(), [...fastWorker(30), '--concurrency', '2', '--batch-size', '20']),
    );
    workers.push(...pair);
    try {
      await inTwoWorkers(pair, orgIds, sandboxOrgs, hubspot, nightDate);
      for (const worker of pair) worker.child.kill('SIGTERM');
      expect(await Promise.all(pair.map((worker) => worker.exited))).toStrictEqual([0, 0]);
    } finally {
      for (const worker of pair) worker.child.kill('SIGKILL');
    }
  });

  async function inTwoWorkers(
    pair: WorkerProcess[],
    orgIds: string[],
    sandboxOrgs: string[],
    hubspot: string,
    nightDate: string,
  ): Promise<void> {
    await Promise.all(pair.map((worker) => worker.owner()));
    await waitUntil(
      async () =>
        (await runsOfNight(orgIds, nightDate)).filter((run) => run.status !== 'running').length === 7,
      'every night finished',
    );

    // More planners: the test plans and queues again, as a third machine would.
    const boss = new PgBoss({ connectionString: url(), max: 2, schedule: false, supervise: false });
    await boss.start();
    try {
      const report = await planNights(db(), new Date());
      expect(report.jobs.filter((job) => orgIds.includes(job.orgId))).toStrictEqual([]);
      for (const orgId of orgIds) {
        const job = { kind: 'night', orgId, nightDate } as const;
        expect(await boss.send(nightQueue, nightJobSchema.parse(job), nightJobIdentity(job))).toBeNull();
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }

    const runs = await runsOfNight(orgIds, nightDate);
    expect(runs.map((run) => run.org_id)).toStrictEqual([...orgIds].sort());
    expect(runs.find((run) => run.org_id === hubspot)).toMatchObject({
      status: 'failed',
      failure_reason:
        "The HubSpot connector needs the app's OAuth client: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET",
    });
    const succeeded = runs.filter((run) => run.org_id !== hubspot);
    expect(succeeded.every((run) => run.status === 'succeeded')).toBe(true);
    for (const row of await rowsPerRun(succeeded.map((run) => run.id))) {
      expect(row).toMatchObject({ verdicts: 60, verdict_accounts: 60, writebacks: 60, written: 60 });
      expect(row.writeback_accounts).toBe(row.writebacks);
    }
    // One queue job per org and night, all completed; each night started by one worker only.
    const { rows: jobs } = await db().query<{ singleton_key: string; state: string }>(
      `select singleton_key, state::text from pgboss.job where name = $1 order by singleton_key`,
      [nightQueue],
    );
    expect(jobs).toStrictEqual(
      orgIds
        .map((orgId) => ({ singleton_key: `night:${orgId}:${nightDate}`, state: 'completed' }))
        .sort((a, b) => a.singleton_key.localeCompare(b.singleton_key)),
    );
    const started = pair.flatMap((worker) => worker.lines.filter((line) => line.msg === 'night started'));
    expect(started.map((line) => line.orgId).sort()).toStrictEqual([...sandboxOrgs, hubspot].sort());
  }

  it('a worker killed mid-night: its run resumes from the checkpoint, nothing lost or written twice', async () => {
    const { schedule, nightDate } = dueSchedule();
    const orgIds: string[] = [];
    for (let seed = 11; seed <= 14; seed += 1) {
      // A slow CRM (150 ms per batch of 10): the kill lands in the middle of a night.
      orgIds.push(await createNightOrg(db(), { schedule, sandbox: { accounts: 120, seed, latencyMs: 150 } }));
    }
    const first = spawnWorker(url(), [...fastWorker(6), '--concurrency', '1', '--batch-size', '10']);
    workers.push(first);
    const firstOwner = await first.owner();
    let victim: { runId: string; committed: number } | undefined;
    await waitUntil(async () => {
      const { rows } = await db().query<{ run_id: string; batches_committed: number }>(
        `select run_id::text, batches_committed from night_checkpoints
         where lease_owner = $1 and batches_committed >= 3 and org_id = any($2::text[])`,
        [firstOwner, orgIds],
      );
      victim = rows[0] ? { runId: rows[0].run_id, committed: rows[0].batches_committed } : undefined;
      return victim !== undefined;
    }, 'the first worker is in the middle of a night');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const runId = victim?.runId ?? '';
    const { rows: atKill } = await db().query<{ status: string; batches_committed: number }>(
      `select r.status, c.batches_committed from runs r join night_checkpoints c on c.run_id = r.id where r.id = $1`,
      [runId],
    );
    expect(atKill[0]?.status).toBe('running');
    const committedAtKill = atKill[0]?.batches_committed ?? 0;
    expect(committedAtKill).toBeGreaterThanOrEqual(3);
    expect(committedAtKill).toBeLessThan(12);

    // A second worker starts: it resumes the orphaned run once its lease runs out, and runs the rest.
    const second = spawnWorker(url(), [...fastWorker(6), '--concurrency', '2', '--batch-size', '10']);
    workers.push(second);
    try {
      await resumedBySecond(second, orgIds, nightDate, runId, committedAtKill);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  async function resumedBySecond(
    second: WorkerProcess,
    orgIds: string[],
    nightDate: string,
    runId: string,
    committedAtKill: number,
  ): Promise<void> {
    await waitUntil(
      async () =>
        (await runsOfNight(orgIds, nightDate)).filter((run) => run.status === 'succeeded').length === 4,
      'every night succeeded',
    );
    const resumed = second.lines.find((line) => line.msg === 'night started' && line.runId === runId);
    expect(resumed).toMatchObject({ resumedFromBatch: committedAtKill });

    const runs = await runsOfNight(orgIds, nightDate);
    expect(runs.map((run) => run.org_id)).toStrictEqual([...orgIds].sort());
    for (const row of await rowsPerRun(runs.map((run) => run.id))) {
      expect(row).toMatchObject({ verdicts: 120, verdict_accounts: 120, writebacks: 120, written: 120 });
      expect(row.writeback_accounts).toBe(row.writebacks);
    }
    const { rows: checkpoint } = await db().query<{ batches_committed: number; resumes: number }>(
      `select batches_committed, resumes from night_checkpoints where run_id = $1`,
      [runId],
    );
    // Every batch committed once: the counter moves only with the next batch's index.
    expect(checkpoint[0]?.batches_committed).toBe(12);
    expect(checkpoint[0]?.resumes).toBeGreaterThanOrEqual(1);
  }
});
