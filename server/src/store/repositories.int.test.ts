import { defaultOrgConfig, type FieldIssue, type PriceBook } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { listFeedback, recordFeedback } from './feedback.repository.ts';
import { latestModel, saveModel } from './models.repository.ts';
import { withOrg } from './org-scope.ts';
import { createOrg, getOrg, updateOrgSettings } from './orgs.repository.ts';
import {
  failRun,
  finishRun,
  getRun,
  listRecentRuns,
  listRunErrors,
  recordRunErrors,
  startRun,
  type RunOutcome,
} from './runs.repository.ts';
import { describeOnEachBackend } from './testing/store-backends.ts';

const priceBook: PriceBook = {
  currency: 'EUR',
  tiers: [{ id: 'team', name: 'Team', rank: 1, seatPrice: 480, platformFee: 0, features: [] }],
  modules: [],
};

const outcome: RunOutcome = {
  counts: { accounts: 120, scored: 118, ready: 9, errors: 2 },
  durations: { pull: 4_100, score: 900, writeBack: 1_200 },
  apiCalls: 340,
  apiCallLimit: 100_000,
  tokens: 5_400,
};

describeOnEachBackend(process.env.DATABASE_URL, 'repositories', ({ db, newOrg }) => {
  describe('orgs', () => {
    it('creates an org with the default config and reads it back', async () => {
      const orgId = `org-${crypto.randomUUID()}`;
      const created = await withOrg(db(), orgId, (tx) =>
        createOrg(tx, { name: 'Acme', crm: 'hubspot', externalId: 'portal-42' }),
      );
      expect(created).toMatchObject({ id: orgId, crm: 'hubspot', externalId: 'portal-42', priceBook: null });
      expect(created.config).toStrictEqual(defaultOrgConfig);
      expect(await withOrg(db(), orgId, (tx) => getOrg(tx))).toStrictEqual(created);
    });

    it('updates the config and the price book, keeping what is not given', async () => {
      const orgId = await newOrg();
      const withRules = await withOrg(db(), orgId, (tx) =>
        updateOrgSettings(tx, { config: { composite: { readyScore: 70 } } }),
      );
      expect(withRules.config.composite.readyScore).toBe(70);
      expect(withRules.config.rules.seatUtilisation.threshold).toBe(0.8);
      const withPrices = await withOrg(db(), orgId, (tx) => updateOrgSettings(tx, { priceBook }));
      expect(withPrices.priceBook).toStrictEqual(priceBook);
      expect(withPrices.config.composite.readyScore).toBe(70);
      const cleared = await withOrg(db(), orgId, (tx) => updateOrgSettings(tx, { priceBook: null }));
      expect(cleared.priceBook).toBeNull();
    });

    it('rejects an invalid config with the field at fault', async () => {
      const orgId = await newOrg();
      const update = withOrg(db(), orgId, (tx) =>
        updateOrgSettings(tx, { config: { composite: { readyScore: 170 } } }),
      );
      await expect(update).rejects.toMatchObject({
        code: 'invalid_config',
        issues: [expect.objectContaining({ record: 'config', field: 'composite.readyScore' })],
      });
    });

    it('connects one CRM org to one Ripe org only', async () => {
      const externalId = `sf-${crypto.randomUUID()}`;
      await withOrg(db(), `org-${crypto.randomUUID()}`, (tx) =>
        createOrg(tx, { name: 'A', crm: 'salesforce', externalId }),
      );
      const twin = withOrg(db(), `org-${crypto.randomUUID()}`, (tx) =>
        createOrg(tx, { name: 'B', crm: 'salesforce', externalId }),
      );
      await expect(twin).rejects.toMatchObject({ code: '23505' });
    });
  });

  describe('runs', () => {
    it('starts and finishes a run with its counts, durations and usage', async () => {
      const orgId = await newOrg();
      const run = await withOrg(db(), orgId, (tx) => startRun(tx, { dryRun: true }));
      expect(run).toMatchObject({ orgId, status: 'running', dryRun: true, finishedAt: null, apiCalls: 0 });
      const finished = await withOrg(db(), orgId, (tx) => finishRun(tx, run.id, outcome));
      expect(finished).toMatchObject({ ...outcome, status: 'succeeded', failureReason: null });
      expect(finished?.finishedAt?.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
      expect(await withOrg(db(), orgId, (tx) => getRun(tx, run.id))).toStrictEqual(finished);
      // A run ends once: a second finish finds no running run.
      expect(await withOrg(db(), orgId, (tx) => finishRun(tx, run.id, outcome))).toBeUndefined();
    });

    it('fails a run with its reason, keeping what it had counted', async () => {
      const orgId = await newOrg();
      const run = await withOrg(db(), orgId, (tx) => startRun(tx));
      const failed = await withOrg(db(), orgId, (tx) =>
        failRun(tx, run.id, 'token expired', { apiCalls: 12 }),
      );
      expect(failed).toMatchObject({
        status: 'failed',
        failureReason: 'token expired',
        apiCalls: 12,
        counts: { accounts: 0, scored: 0, ready: 0, errors: 0 },
      });
    });

    it('lists recent runs, newest first', async () => {
      const orgId = await newOrg();
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        // One transaction each, so started_at (the transaction time) differs.
        ids.push((await withOrg(db(), orgId, (tx) => startRun(tx))).id);
      }
      const recent = await withOrg(db(), orgId, (tx) => listRecentRuns(tx, 2));
      expect(recent.map((run) => run.id)).toStrictEqual([ids[2], ids[1]]);
    });

    it('records per-record errors in batches', async () => {
      const orgId = await newOrg();
      const issues: FieldIssue[] = Array.from({ length: 1_201 }, (_, index) => ({
        record: 'account',
        recordId: `acc-${String(index).padStart(5, '0')}`,
        field: 'contract.seatsLicensed',
        message: 'Expected number, received string',
      }));
      const stored = await withOrg(db(), orgId, async (tx) => {
        const run = await startRun(tx);
        await recordRunErrors(tx, run.id, issues);
        return listRunErrors(tx, run.id, 5_000);
      });
      expect(stored).toStrictEqual(issues);
    });
  });

  describe('feedback and models', () => {
    it('records feedback of every kind and lists it by account, newest first', async () => {
      const orgId = await newOrg();
      const listed = await withOrg(db(), orgId, async (tx) => {
        await recordFeedback(tx, { accountId: 'acc-1', kind: 'approve', actor: 'ann' });
        await recordFeedback(tx, {
          accountId: 'acc-2',
          kind: 'reject',
          reason: 'already in talks',
          actor: 'bob',
        });
        return listFeedback(tx, 'acc-1');
      });
      expect(listed).toMatchObject([{ accountId: 'acc-1', kind: 'approve', actor: 'ann', reason: null }]);
      await withOrg(db(), orgId, (tx) =>
        recordFeedback(tx, { accountId: 'acc-1', kind: 'adjust', adjustedPotential: 12_000, actor: 'ann' }),
      );
      await withOrg(db(), orgId, (tx) =>
        recordFeedback(tx, { accountId: 'acc-1', kind: 'snooze', snoozedUntil: '2026-12-01', actor: 'ann' }),
      );
      const history = await withOrg(db(), orgId, (tx) => listFeedback(tx, 'acc-1'));
      expect(
        history.map(({ kind, adjustedPotential, snoozedUntil }) => ({
          kind,
          adjustedPotential,
          snoozedUntil,
        })),
      ).toStrictEqual([
        { kind: 'snooze', adjustedPotential: null, snoozedUntil: '2026-12-01' },
        { kind: 'adjust', adjustedPotential: 12_000, snoozedUntil: null },
        { kind: 'approve', adjustedPotential: null, snoozedUntil: null },
      ]);
    });

    it('keeps models and returns the latest trained one', async () => {
      const orgId = await newOrg();
      const latest = await withOrg(db(), orgId, async (tx) => {
        expect(await latestModel(tx)).toBeUndefined();
        await saveModel(tx, {
          trainedAt: new Date('2026-09-01T02:00:00Z'),
          model: { version: 1 },
          metrics: {},
        });
        await saveModel(tx, {
          trainedAt: new Date('2026-10-01T02:00:00Z'),
          model: { version: 2, weights: [0.5, -1.25] },
          metrics: { brier: 0.12, ece: 0.03 },
        });
        await saveModel(tx, {
          trainedAt: new Date('2026-08-01T02:00:00Z'),
          model: { version: 0 },
          metrics: {},
        });
        return latestModel(tx);
      });
      expect(latest).toMatchObject({
        trainedAt: new Date('2026-10-01T02:00:00Z'),
        model: { version: 2, weights: [0.5, -1.25] },
        metrics: { brier: 0.12, ece: 0.03 },
      });
    });
  });
});
