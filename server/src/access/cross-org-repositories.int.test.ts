import { beforeAll, describe, expect, it } from 'vitest';
import {
  attackRepositories,
  discoverRepositoryModules,
  repositoryFunctions,
  type Finding,
} from './testing/repository-attack.ts';
import { repositoryCases, type ModuleExports } from './testing/repository-cases.ts';
import { emptyTables, fingerprintsOf, snapshotChanges, snapshotOrg } from './testing/org-snapshot.ts';
import { mutateRls, type RlsMutation } from './testing/rls-mutations.ts';
import { seedOrg, type SeededOrg } from './testing/seed-orgs.ts';
import { discoverOrgTables } from '../data-rights/org-tables.ts';
import type { Database } from '../store/database.ts';
import { migrate } from '../store/migrator.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';

interface AttackReport {
  findings: Finding[];
  /** Tables where org A's rows differ after org B's attack. */
  changedTables: string[];
}

/** Org B calls every repository function against org A; what it saw of A and what of A changed. */
async function attack(db: Database, modules: Map<string, ModuleExports>, a: SeededOrg, b: SeededOrg) {
  const before = await snapshotOrg(db, a.orgId);
  const findings = await attackRepositories(db, modules, b, a, fingerprintsOf(before, a.orgId, a.marker));
  const report: AttackReport = {
    findings,
    changedTables: snapshotChanges(before, await snapshotOrg(db, a.orgId)),
  };
  return report;
}

describeOnEachBackend(process.env.DATABASE_URL, 'cross-org: every repository function', ({ db, backend }) => {
  let modules: Map<string, ModuleExports>;
  let a: SeededOrg;
  let b: SeededOrg;

  beforeAll(async () => {
    modules = await discoverRepositoryModules();
    a = await seedOrg(db(), 'a');
    b = await seedOrg(db(), 'b');
  });

  it('has a case for every exported function of every repository', () => {
    const functions = repositoryFunctions(modules);
    expect(functions.length).toBeGreaterThan(30);
    expect(functions.filter((key) => !(key in repositoryCases))).toStrictEqual([]);
  });

  it('seeds org A with rows in every org table', async () => {
    expect(emptyTables(await snapshotOrg(db(), a.orgId))).toStrictEqual([]);
  });

  it('enables and forces row-level security, with an org policy, on every org table', async () => {
    const { tables } = await discoverOrgTables(db());
    const { rows } = await db().query<{ relname: string; secured: boolean }>(
      `select c.relname, c.relrowsecurity and c.relforcerowsecurity and exists (
         select 1 from pg_policies p
         where p.schemaname = 'public' and p.tablename = c.relname
           and p.qual like '%ripe.org_id%' and p.with_check like '%ripe.org_id%'
       ) as secured
       from pg_class c where c.relnamespace = 'public'::regnamespace and c.relname = any($1::text[])`,
      [tables.map((table) => table.name)],
    );
    expect(rows.filter((row) => !row.secured).map((row) => row.relname)).toStrictEqual([]);
    expect(rows).toHaveLength(tables.length);
  });

  it("as org B, returns nothing of org A's data and changes none of its rows", async () => {
    expect(await attack(db(), modules, a, b)).toStrictEqual({ findings: [], changedTables: [] });
  });

  describe('the suite notices a broken row-level security (throwaway databases)', () => {
    async function attackWithBrokenRls(mutation: RlsMutation): Promise<AttackReport> {
      const opened = await backend.open();
      try {
        await migrate(opened.db);
        const [orgA, orgB] = [await seedOrg(opened.db, 'a'), await seedOrg(opened.db, 'b')];
        expect((await mutateRls(opened.db, mutation)).length).toBeGreaterThan(5);
        return await attack(opened.db, modules, orgA, orgB);
      } finally {
        await opened.dispose();
      }
    }

    it('fails when the isolation policies are dropped (forced RLS then hides even an org its own rows)', async () => {
      const report = await attackWithBrokenRls('drop-policies');
      expect(report.findings.filter((finding) => finding.mode === 'control').length).toBeGreaterThan(5);
    });

    it('fails when the policies let every row through (as if RLS were off)', async () => {
      const report = await attackWithBrokenRls('permissive-policies');
      const forgedLeaks = report.findings.filter((finding) => finding.mode === 'forged');
      expect(forgedLeaks.map((finding) => finding.case)).toContain('store/runs.repository.ts#getRun');
      expect(report.changedTables).toContain('api_keys');
    });
  });
});
