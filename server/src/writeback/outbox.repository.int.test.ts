import { expect, it } from 'vitest';
import { withOrg } from '../store/org-scope.ts';
import { startRun } from '../store/runs.repository.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { makeVerdict } from '../store/testing/verdict.fixture.ts';
import { noHumanValues } from '../connectors/crm-connector.ts';
import {
  enqueueWritebacks,
  listPendingWritebacks,
  listRunWritebacks,
  markWritebacks,
} from './outbox.repository.ts';
import { writebackPayload } from './writeback-payload.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'writebacks outbox', ({ db, newOrg }) => {
  it('holds one write per (run, account): a replayed batch adds nothing; connectors drain pending rows', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, async (tx) => {
      const run = await startRun(tx);
      const items = ['acc-1', 'acc-2'].map((accountId) => ({
        accountId,
        payload: writebackPayload(makeVerdict({ accountId }), noHumanValues, null),
      }));
      expect(await enqueueWritebacks(tx, run.id, items)).toBe(2);
      expect(await enqueueWritebacks(tx, run.id, items)).toBe(0);
      expect(await enqueueWritebacks(tx, run.id, [])).toBe(0);
      const pending = await listPendingWritebacks(tx);
      expect(pending.map((w) => [w.accountId, w.status, w.payload.readiness])).toStrictEqual([
        ['acc-1', 'pending', 'ready'],
        ['acc-2', 'pending', 'ready'],
      ]);
      expect(
        await markWritebacks(tx, [
          { runId: run.id, accountId: 'acc-1', status: 'done', lastError: null },
          { runId: run.id, accountId: 'acc-3', status: 'done', lastError: null },
        ]),
      ).toBe(1);
      expect((await listPendingWritebacks(tx)).map((w) => w.accountId)).toStrictEqual(['acc-2']);
      expect(
        (await listRunWritebacks(tx, run.id)).map((w) => [w.accountId, w.status, w.attempts]),
      ).toStrictEqual([
        ['acc-1', 'done', 1],
        ['acc-2', 'pending', 0],
      ]);
      // A later run's row for the same account supersedes the pending one: only the latest verdict is written.
      const next = await startRun(tx);
      expect(await enqueueWritebacks(tx, next.id, [items[1]!])).toBe(1);
      expect((await listRunWritebacks(tx, run.id)).map((w) => [w.accountId, w.status])).toStrictEqual([
        ['acc-1', 'done'],
        ['acc-2', 'superseded'],
      ]);
      expect((await listPendingWritebacks(tx)).map((w) => [w.runId, w.accountId])).toStrictEqual([
        [next.id, 'acc-2'],
      ]);
    });
  });
});
