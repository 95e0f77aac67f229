import { verdictSchema, type Verdict } from '@ripe/shared';
import { expect, it } from 'vitest';
import { withOrg } from './org-scope.ts';
import { finishRun, startRun, type RunOutcome } from './runs.repository.ts';
import { describeOnEachBackend } from './testing/store-backends.ts';
import { makeVerdict } from './testing/verdict.fixture.ts';
import { historyOf, latestStates, saveVerdicts, type SaveVerdictsOptions } from './verdicts.repository.ts';

const outcome: RunOutcome = {
  counts: { accounts: 0, scored: 0, ready: 0, errors: 0 },
  durations: {},
  apiCalls: 0,
  apiCallLimit: null,
  tokens: 0,
};

describeOnEachBackend(process.env.DATABASE_URL, 'verdicts', ({ db, newOrg }) => {
  /** One complete run of the org saving these verdicts; resolves to its id and the changes. */
  async function nightOf(
    orgId: string,
    verdicts: Verdict[],
    options: SaveVerdictsOptions & { dryRun?: boolean } = {},
  ) {
    return withOrg(db(), orgId, async (tx) => {
      const run = await startRun(tx, { dryRun: options.dryRun });
      const changes = await saveVerdicts(tx, run.id, verdicts, options);
      await finishRun(tx, run.id, outcome);
      return { runId: run.id, changes };
    });
  }

  it('round-trips a verdict through the history and the latest state', async () => {
    const orgId = await newOrg();
    const verdict = makeVerdict({ accountId: 'acc-1' });
    expect(verdictSchema.parse(verdict)).toStrictEqual(verdict);
    const { runId } = await nightOf(orgId, [verdict]);
    const [history, states] = await withOrg(db(), orgId, (tx) =>
      Promise.all([historyOf(tx, 'acc-1'), latestStates(tx)]),
    );
    expect(history).toMatchObject([
      { runId, asOf: '2026-10-01', readiness: 'ready', score: 72, motion: 'seat_upsell', verdict },
    ]);
    expect(history[0]?.evidenceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(states).toMatchObject([
      {
        accountId: 'acc-1',
        lastRunId: runId,
        expectedValue: verdict.expectedValue,
        verdict,
        previousScore: null,
      },
    ]);
  });

  it('says what changed since the last run: new, readiness changed, score moved by 5, unchanged', async () => {
    const orgId = await newOrg();
    await nightOf(orgId, [
      makeVerdict({ accountId: 'acc-ready', readiness: 'ready', score: 70 }),
      makeVerdict({ accountId: 'acc-up', readiness: 'nurture', score: 50 }),
      makeVerdict({ accountId: 'acc-still', readiness: 'nurture', score: 50 }),
      makeVerdict({ accountId: 'acc-down', readiness: 'nurture', score: 50 }),
    ]);
    const { changes } = await nightOf(orgId, [
      makeVerdict({ accountId: 'acc-ready', readiness: 'caution', score: 70 }),
      makeVerdict({ accountId: 'acc-up', readiness: 'nurture', score: 55 }),
      makeVerdict({ accountId: 'acc-still', readiness: 'nurture', score: 54.9 }),
      makeVerdict({ accountId: 'acc-down', readiness: 'nurture', score: 45 }),
      makeVerdict({ accountId: 'acc-new', readiness: 'ready', score: 80 }),
    ]);
    expect(changes).toStrictEqual([
      change('acc-ready', 'readiness_changed', 'caution', 70, 'ready', 70),
      change('acc-up', 'score_moved', 'nurture', 55, 'nurture', 50),
      change('acc-still', 'unchanged', 'nurture', 54.9, 'nurture', 50),
      change('acc-down', 'score_moved', 'nurture', 45, 'nurture', 50),
      change('acc-new', 'new', 'ready', 80, null, null),
    ]);
  });

  it('batches a large save and reports every account in the order given', async () => {
    const orgId = await newOrg();
    const verdicts = Array.from({ length: 7 }, (_, index) => makeVerdict({ accountId: `acc-${index}` }));
    const { changes } = await nightOf(orgId, verdicts, { batchSize: 3 });
    expect(changes.map((item) => [item.accountId, item.change])).toStrictEqual(
      verdicts.map((verdict) => [verdict.accountId, 'new']),
    );
    const states = await withOrg(db(), orgId, (tx) => latestStates(tx, { orderBy: 'account_id' }));
    expect(states.map((state) => state.accountId)).toStrictEqual(
      verdicts.map((verdict) => verdict.accountId),
    );
  });

  it('replaces, not duplicates, a batch retried within the same run', async () => {
    const orgId = await newOrg();
    await nightOf(orgId, [makeVerdict({ accountId: 'acc-1', score: 40, readiness: 'nurture' })]);
    const { changes, history } = await withOrg(db(), orgId, async (tx) => {
      const run = await startRun(tx);
      await saveVerdicts(tx, run.id, [makeVerdict({ accountId: 'acc-1', score: 60 })]);
      const retried = await saveVerdicts(tx, run.id, [makeVerdict({ accountId: 'acc-1', score: 61 })]);
      return { changes: retried, history: await historyOf(tx, 'acc-1') };
    });
    expect(changes).toStrictEqual([change('acc-1', 'readiness_changed', 'ready', 61, 'nurture', 40)]);
    expect(history.map((item) => item.score)).toStrictEqual([61, 40]);
  });

  it('keeps a dry run out of the latest states and of the history', async () => {
    const orgId = await newOrg();
    await nightOf(orgId, [makeVerdict({ accountId: 'acc-1', score: 40, readiness: 'nurture' })]);
    const dry = await nightOf(orgId, [makeVerdict({ accountId: 'acc-1', score: 90 })], { dryRun: true });
    expect(dry.changes).toStrictEqual([change('acc-1', 'readiness_changed', 'ready', 90, 'nurture', 40)]);
    const [states, history] = await withOrg(db(), orgId, (tx) =>
      Promise.all([latestStates(tx), historyOf(tx, 'acc-1')]),
    );
    expect(states.map((state) => state.score)).toStrictEqual([40]);
    expect(history.map((item) => item.score)).toStrictEqual([40]);
  });

  it('lists the history newest first and the states by readiness and expected value', async () => {
    const orgId = await newOrg();
    await nightOf(orgId, [
      makeVerdict({ accountId: 'acc-a', asOf: '2026-09-01', score: 30, readiness: 'not_ready' }),
      makeVerdict({ accountId: 'acc-b', asOf: '2026-09-01', score: 80 }),
    ]);
    await nightOf(orgId, [
      makeVerdict({ accountId: 'acc-a', asOf: '2026-09-02', score: 65 }),
      makeVerdict({ accountId: 'acc-c', asOf: '2026-09-02', score: 50, readiness: 'nurture' }),
    ]);
    const [history, ready, secondPage] = await withOrg(db(), orgId, (tx) =>
      Promise.all([
        historyOf(tx, 'acc-a'),
        latestStates(tx, { readiness: ['ready'] }),
        latestStates(tx, { orderBy: 'account_id', afterAccountId: 'acc-a', limit: 1 }),
      ]),
    );
    expect(history.map((item) => [item.asOf, item.score])).toStrictEqual([
      ['2026-09-02', 65],
      ['2026-09-01', 30],
    ]);
    expect(ready.map((state) => [state.accountId, state.expectedValue])).toStrictEqual([
      ['acc-b', 19_200],
      ['acc-a', 15_600],
    ]);
    expect(secondPage.map((state) => state.accountId)).toStrictEqual(['acc-b']);
  });

  it('refuses two verdicts for one account, and a run that is not running', async () => {
    const orgId = await newOrg();
    const twice = [makeVerdict({ accountId: 'acc-1' }), makeVerdict({ accountId: 'acc-1' })];
    await expect(nightOf(orgId, twice)).rejects.toThrow(/two verdicts/);
    const { runId } = await nightOf(orgId, []);
    await expect(
      withOrg(db(), orgId, (tx) => saveVerdicts(tx, runId, [makeVerdict({ accountId: 'acc-2' })])),
    ).rejects.toThrow(/is not running/);
  });
});

function change(
  accountId: string,
  kind: string,
  readiness: string,
  score: number,
  previousReadiness: string | null,
  previousScore: number | null,
) {
  return { accountId, change: kind, readiness, score, previousReadiness, previousScore };
}
