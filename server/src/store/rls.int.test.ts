import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { recordFeedback } from './feedback.repository.ts';
import { saveModel } from './models.repository.ts';
import { withOrg, type OrgTransaction } from './org-scope.ts';
import { getOrg } from './orgs.repository.ts';
import { recordRunErrors, startRun } from './runs.repository.ts';
import { describeOnEachBackend } from './testing/store-backends.ts';
import { makeVerdict } from './testing/verdict.fixture.ts';
import { saveVerdicts } from './verdicts.repository.ts';

const orgTables = ['runs', 'run_errors', 'verdicts', 'account_states', 'feedback', 'models'];
// SQLSTATE of both a row-level security violation and a missing privilege.
const insufficientPrivilege = '42501';

describeOnEachBackend(process.env.DATABASE_URL, 'row-level security', ({ db, newOrg }) => {
  /** Org A with one row in every table; org B empty. */
  async function twoOrgs(): Promise<{ orgA: string; orgB: string; runA: string }> {
    const orgA = await newOrg('A');
    const orgB = await newOrg('B');
    const runA = await withOrg(db(), orgA, async (tx) => {
      const run = await startRun(tx);
      await recordRunErrors(tx, run.id, [
        { record: 'account', recordId: 'acc-1', field: 'arr', message: 'bad' },
      ]);
      await saveVerdicts(tx, run.id, [makeVerdict({ accountId: 'acc-1' })]);
      await recordFeedback(tx, { accountId: 'acc-1', kind: 'approve', actor: 'ann@a.example' });
      await saveModel(tx, { trainedAt: new Date(), model: { weights: [1] }, metrics: {} });
      return run.id;
    });
    return { orgA, orgB, runA };
  }

  const asOrg = <T>(orgId: string, fn: (tx: OrgTransaction) => Promise<T>) => withOrg(db(), orgId, fn);

  it('runs repository calls as ripe_app, which is neither superuser nor BYPASSRLS', async () => {
    const orgA = await newOrg();
    const role = await asOrg(orgA, async (tx) => {
      const { rows } = await tx.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
        `select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      return rows[0];
    });
    expect(role).toStrictEqual({ current_user: 'ripe_app', rolsuper: false, rolbypassrls: false });
  });

  it('shows org A every row it wrote', async () => {
    const { orgA } = await twoOrgs();
    const counts = await asOrg(orgA, (tx) => countRows(tx));
    expect(counts).toStrictEqual(Object.fromEntries(orgTables.map((table) => [table, 1])));
    expect(await asOrg(orgA, (tx) => getOrg(tx))).toMatchObject({ id: orgA, name: 'A' });
  });

  it("hides org A's rows from org B", async () => {
    const { orgA, orgB } = await twoOrgs();
    const counts = await asOrg(orgB, (tx) => countRows(tx));
    expect(counts).toStrictEqual(Object.fromEntries(orgTables.map((table) => [table, 0])));
    const orgs = await asOrg(orgB, (tx) => tx.query('select id from orgs'));
    expect(orgs.rows).toStrictEqual([{ id: orgB }]);
    // Even naming org A explicitly finds nothing.
    const named = await asOrg(orgB, (tx) => tx.query('select * from verdicts where org_id = $1', [orgA]));
    expect(named.rows).toStrictEqual([]);
  });

  it("lets org B neither update nor delete org A's rows", async () => {
    const { orgA, orgB } = await twoOrgs();
    const changed = await asOrg(orgB, async (tx) => ({
      updates: [
        (await tx.query(`update runs set status = 'failed'`)).rowCount,
        (await tx.query(`update verdicts set score = 0`)).rowCount,
        (await tx.query(`update account_states set score = 0`)).rowCount,
        (await tx.query(`update feedback set reason = 'x'`)).rowCount,
        (await tx.query(`update orgs set name = 'taken' where id = $1`, [orgA])).rowCount,
      ],
      deletes: await deleteEverything(tx),
    }));
    expect(changed.updates).toStrictEqual([0, 0, 0, 0, 0]);
    // Org B deleted only its own org row.
    expect(changed.deletes).toStrictEqual([0, 0, 0, 0, 0, 0, 1]);
    const counts = await asOrg(orgA, (tx) => countRows(tx));
    expect(counts).toStrictEqual(Object.fromEntries(orgTables.map((table) => [table, 1])));
    const scores = await asOrg(orgA, (tx) => tx.query('select score, readiness from account_states'));
    expect(scores.rows).toStrictEqual([{ score: 72, readiness: 'ready' }]);
  });

  it("rejects org B's insert of a row carrying org A's id (WITH CHECK)", async () => {
    const { orgA, orgB, runA } = await twoOrgs();
    const inserts = [
      `insert into runs (org_id) values ($1)`,
      `insert into feedback (org_id, account_id, kind, actor) values ($1, 'acc-1', 'approve', 'eve')`,
      `insert into models (org_id, trained_at, model) values ($1, now(), '{}')`,
      `insert into account_states (org_id, account_id, last_run_id, as_of, readiness, score, probability,
         expected_value, verdict, evidence_hash)
       values ($1, 'acc-9', '${runA}', '2026-10-01', 'ready', 90, 0.9, 1, '{}', 'h')`,
      `insert into verdicts (org_id, run_id, account_id, as_of, readiness, score, probability, expected_value,
         verdict, evidence_hash)
       values ($1, '${runA}', 'acc-9', '2026-10-01', 'ready', 90, 0.9, 1, '{}', 'h')`,
      `insert into orgs (id, name, crm) values ($1 || '-twin', 'twin', 'sandbox')`,
    ];
    for (const sql of inserts) {
      await expect(asOrg(orgB, (tx) => tx.query(sql, [orgA]))).rejects.toMatchObject({
        code: insufficientPrivilege,
      });
    }
    // Moving its own row into org A is refused too.
    await expect(
      asOrg(orgB, async (tx) => {
        await startRun(tx);
        await tx.query('update runs set org_id = $1', [orgA]);
      }),
    ).rejects.toMatchObject({ code: insufficientPrivilege });
  });

  it('shows ripe_app nothing when no org is set, and no schema_migrations at all', async () => {
    await twoOrgs();
    const counts = await db().transaction(async (tx) => {
      await tx.exec('set local role ripe_app');
      const { rows } = await tx.query<{ count: number }>('select count(*)::int as count from verdicts');
      return rows[0]?.count;
    });
    expect(counts).toBe(0);
    await expect(
      asOrg(randomUUID(), (tx) => tx.query('select * from schema_migrations')),
    ).rejects.toMatchObject({ code: insufficientPrivilege });
    await expect(
      asOrg(randomUUID(), (tx) => tx.query('create table intruder (id int)')),
    ).rejects.toMatchObject({ code: insufficientPrivilege });
  });
});

async function deleteEverything(tx: OrgTransaction): Promise<number[]> {
  const deleted: number[] = [];
  for (const table of [...orgTables, 'orgs']) deleted.push((await tx.query(`delete from ${table}`)).rowCount);
  return deleted;
}

async function countRows(tx: OrgTransaction): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of orgTables) {
    const { rows } = await tx.query<{ count: number }>(`select count(*)::int as count from ${table}`);
    counts[table] = rows[0]?.count ?? -1;
  }
  return counts;
}
