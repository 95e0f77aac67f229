import { humanOwnedFields } from '@ripe/shared';
import { afterEach, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { describeOnEachBackend } from '../../store/testing/store-backends.ts';
import { withOrg } from '../../store/org-scope.ts';
import { listRunErrors } from '../../store/runs.repository.ts';
import { runOrgNight, type OrgNightReport } from '../org-night.ts';
import { createNightOrg } from '../testing/night-orgs.fixture.ts';
import { drainOutbox } from '../../writeback/drain-outbox.ts';
import { noWrites } from '../../writeback/write-tally.ts';
import type { CrmConnector } from '../../connectors/crm-connector.ts';
import { getSyncCursor } from '../../connectors/connections/connections.repository.ts';
import { accountsCursor } from '../night-runs.repository.ts';
import type { ContractCrm } from './contract-crm.ts';

export const contractAsOf = '2026-06-01';
const now = () => new Date(`${contractAsOf}T03:00:00Z`);

/**
 * The connector contract: written once, run against every connector's emulator. Each case builds a fresh CRM
 * (`makeCrm`) and a fresh org, runs nights through the real night (store, outbox, write-back engine) and looks at
 * what landed in the CRM.
 */
export function describeConnectorContract(
  name: string,
  makeCrm: () => ContractCrm | Promise<ContractCrm>,
  options: {
    faults: boolean;
    /**
     * The connector tells its own writes from a person's (`PullRequest.ownWrites`): a night after one that wrote
     * pulls none of the accounts Ripe wrote, only those someone changed after.
     */
    skipsOwnWrites?: boolean;
  },
): void {
  describeOnEachBackend(process.env.DATABASE_URL, `connector contract: ${name}`, ({ db }) => {
    const opened: ContractCrm[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((crm) => crm.close?.()));
    });

    async function setUp() {
      const crm = await makeCrm();
      opened.push(crm);
      const orgId = await createNightOrg(db(), { sandbox: { accounts: crm.accountIds().length } });
      let connector: CrmConnector = crm.connector();
      const night = async (options: { fresh?: boolean } = {}): Promise<OrgNightReport> => {
        if (options.fresh !== false) connector = crm.connector();
        const outcome = await runOrgNight(
          { db: db(), owner: 'contract', now, resolveConnector: () => connector },
          orgId,
          { asOf: contractAsOf, batchSize: 50 },
        );
        if (outcome.status !== 'succeeded')
          throw new Error(`night did not succeed: ${JSON.stringify(outcome)}`);
        return outcome.report;
      };
      return { crm, orgId, night, db: db() as Database, connector: () => connector };
    }

    const openTasksOf = (crm: ContractCrm, accountId: string) =>
      crm.tasks().filter((task) => task.accountId === accountId && task.open !== false);

    it('the first night writes fields, history and tasks; a night with no change writes nothing', async () => {
      const { crm, night } = await setUp();
      const first = await night();
      expect(first.counts.accounts).toBe(crm.accountIds().length);
      expect(first.written.history).toBe(crm.accountIds().length);
      expect(first.written.fields).toBeGreaterThan(crm.accountIds().length);
      expect(first.written.tasksCreated).toBe(first.readiness.ready);
      expect(first.readiness.ready).toBeGreaterThan(0);
      expect(crm.tasks()).toHaveLength(first.readiness.ready);
      const second = await night();
      expect(second.apiUsage.calls.writes).toBe(0);
      expect(second.written).toStrictEqual(noWrites());
      expect(crm.tasks()).toHaveLength(first.readiness.ready);
    });

    it.runIf(options.skipsOwnWrites ?? false)(
      "a night after Ripe's writes pulls none of the accounts Ripe wrote, and one a person edited after them",
      async () => {
        const { crm, night, db, orgId } = await setUp();
        const cursor = () => withOrg(db, orgId, (tx) => getSyncCursor(tx, accountsCursor));
        const first = await night();
        expect(first.written.history).toBe(crm.accountIds().length);
        const afterFirst = await cursor();
        const second = await night();
        expect(second.counts.accounts).toBe(0);
        // The cursor moved past the accounts skipped (Ripe wrote them after the first night's pull).
        const afterSecond = await cursor();
        expect(Date.parse(afterSecond?.modifiedAt ?? '')).toBeGreaterThan(
          Date.parse(afterFirst?.modifiedAt ?? ''),
        );
        // Only the search for changed accounts (and the preflight's look at the fields): no record, association
        // or engagement is read.
        const { byKind } = second.apiUsage.calls;
        expect(Object.keys(byKind).filter((kind) => !['search', 'properties'].includes(kind))).toStrictEqual(
          [],
        );
        // A person's edit after Ripe's write moves the account's instant on: the next night pulls it, and only it.
        const edited = crm.accountIds()[3] as string;
        await new Promise((resolve) => setTimeout(resolve, 5));
        crm.touch(edited);
        const third = await night();
        expect(third.counts.accounts).toBe(1);
        expect(third.written).toStrictEqual(noWrites());
      },
    );

    it('after 5 % of accounts change, the write calls are at most ceil(changed / batch size)', async () => {
      const { crm, night, connector } = await setUp();
      await night();
      await night();
      const changed = crm.changeAccounts(0.05);
      const third = await night();
      const { writeBatchSize, writeEndpoints } = connector().provider;
      // One call per batch and endpoint: the floor of what was written, and no more than the changed accounts need.
      const endpoints = new Set(Object.values(writeEndpoints)).size;
      expect(third.apiUsage.calls.writes).toBeLessThanOrEqual(third.apiUsage.floor.writes);
      expect(third.apiUsage.floor.writes).toBeLessThanOrEqual(
        Math.ceil(changed.length / writeBatchSize) * endpoints,
      );
      expect(third.apiUsage.calls.writes).toBeGreaterThan(0);
    });

    it('human-owned values set in the CRM survive every later night, and become feedback', async () => {
      const { crm, night, orgId, db } = await setUp();
      await night();
      const [accountId] = crm.accountIds();
      if (!accountId) throw new Error('no account');
      crm.setHuman(accountId, {
        status: 'rejected',
        rejectionReason: 'budget frozen',
        adjustedPotential: 1234,
      });
      crm.changeAccounts(0.2);
      await night();
      await night();
      expect(crm.human(accountId)).toMatchObject({
        status: 'rejected',
        rejectionReason: 'budget frozen',
        adjustedPotential: 1234,
      });
      const written = Object.keys(crm.accountFields(accountId));
      for (const field of humanOwnedFields) expect(written).not.toContain(field);
      const feedback = await withOrg(db, orgId, (tx) =>
        tx.query<{ kind: string; reason: string; source: string }>(
          'select kind, reason, source from feedback where account_id = $1',
          [accountId],
        ),
      );
      expect(feedback.rows).toStrictEqual([{ kind: 'reject', reason: 'budget frozen', source: 'crm' }]);
    });

    it('a snoozed account gets no task until the date; a rejected one none for this window', async () => {
      const { crm, night } = await setUp();
      const first = await night();
      const ready = first.top.filter((verdict) => verdict.readiness === 'ready').map((v) => v.accountId);
      const [snoozed, rejected] = ready;
      if (!snoozed || !rejected) throw new Error('the contract needs two ready accounts');
      crm.setHuman(snoozed, { status: 'snoozed', snoozedUntil: '2026-07-15' });
      crm.setHuman(rejected, { status: 'rejected', rejectionReason: 'not now' });
      await night();
      expect(openTasksOf(crm, snoozed)).toStrictEqual([]);
      expect(openTasksOf(crm, rejected)).toStrictEqual([]);
      await night();
      expect(openTasksOf(crm, snoozed)).toStrictEqual([]);
    });

    it('an approval creates one opportunity however many nights and drains follow', async () => {
      const { crm, night, orgId, db, connector } = await setUp();
      await night();
      const [accountId] = crm.accountIds();
      if (!accountId) throw new Error('no account');
      crm.setHuman(accountId, { status: 'approved' });
      await night();
      // The account keeps changing: every later night pulls it again, still approved.
      for (let k = 0; k < 3; k += 1) {
        crm.touch(accountId);
        await night();
        await drainOutbox({ db, orgId, connector: connector(), today: contractAsOf });
      }
      expect(crm.opportunities().filter((opportunity) => opportunity.accountId === accountId)).toHaveLength(
        1,
      );
    });

    it('a worker killed during write-back leaves no duplicate task and no lost field', async () => {
      const { crm, orgId, db } = await setUp();
      // The CRM applies the first write call, then the process dies before it records the answer.
      const dying = crm.connector();
      let calls = 0;
      const killed: CrmConnector = {
        ...dying,
        async applyWrites(operations) {
          const result = await dying.applyWrites(operations);
          calls += 1;
          if (calls === 1) throw new Error('SIGKILL');
          return result;
        },
      };
      const outcome = await runOrgNight({ db, owner: 'dies', now, resolveConnector: () => killed }, orgId, {
        asOf: contractAsOf,
        batchSize: 50,
      });
      expect(outcome.status).toBe('failed');
      // The next drain (a later night) goes through the same outbox.
      await drainOutbox({ db, orgId, connector: crm.connector(), today: contractAsOf });
      for (const accountId of crm.accountIds()) {
        expect(openTasksOf(crm, accountId).length).toBeLessThanOrEqual(1);
        expect(crm.accountFields(accountId)).toHaveProperty('readiness');
      }
      const keys = crm.tasks().map((task) => task.key);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it.runIf(options.faults)(
      'an expired token mid-night is refreshed once and the night goes on',
      async () => {
        const { crm, night } = await setUp();
        const faults = crm.faults;
        if (!faults) return;
        faults.expireTokenAfterCalls(1);
        const report = await night();
        expect(faults.refreshCount()).toBe(1);
        expect(report.counts.accounts).toBe(crm.accountIds().length);
        expect(report.written.history).toBe(crm.accountIds().length);
      },
    );

    it.runIf(options.faults)(
      'the daily limit stops the night cleanly; the next night resumes from the cursor',
      async () => {
        const { crm, night } = await setUp();
        const faults = crm.faults;
        if (!faults) return;
        faults.dailyLimitAfterCalls(2);
        const stopped = await night();
        expect(stopped.apiUsage.stopped).toBe('daily_limit');
        expect(stopped.counts.accounts).toBeLessThan(crm.accountIds().length);
        faults.clear();
        const resumed = await night();
        expect(stopped.counts.accounts + resumed.counts.accounts).toBe(crm.accountIds().length);
        expect(crm.historyCount()).toBe(crm.accountIds().length);
      },
    );

    it.runIf(options.faults)(
      'a record the CRM rejects is a per-record error with its message; the others are written',
      async () => {
        const { crm, night, orgId, db } = await setUp();
        const faults = crm.faults;
        if (!faults) return;
        const rejected = crm.accountIds().slice(0, 3);
        faults.rejectRecords(rejected, 'Seats must be set before scoring');
        const report = await night();
        expect(report.writeErrors.map((error) => error.accountId).sort()).toStrictEqual([...rejected].sort());
        expect(report.writeErrors[0]?.message).toBe('Seats must be set before scoring');
        const errors = await withOrg(db, orgId, (tx) => listRunErrors(tx, report.runId));
        expect(
          errors.filter((error) => error.message.includes('Seats must be set before scoring')),
        ).toHaveLength(3);
        for (const accountId of crm.accountIds()) {
          if (rejected.includes(accountId)) continue;
          expect(crm.accountFields(accountId)).toHaveProperty('readiness');
        }
      },
    );

    it.runIf(options.faults)(
      'a field missing from the CRM fails the night before any write, naming it',
      async () => {
        const { crm, orgId, db } = await setUp();
        const faults = crm.faults;
        if (!faults) return;
        faults.missingField('score');
        const outcome = await runOrgNight(
          { db, owner: 'contract', now, resolveConnector: () => crm.connector() },
          orgId,
          { asOf: contractAsOf },
        );
        expect(outcome.status).toBe('failed');
        // Each CRM names the field its own way (`score`, `Account.ripe__Score__c`, `ripe_score`).
        expect(outcome.status === 'failed' ? outcome.report.failureReason : '').toMatch(
          /lacks what Ripe needs: field \S*score/i,
        );
        expect(crm.historyCount()).toBe(0);
      },
    );
  });
}
