import { describe, expect, it } from 'vitest';
import { withOrg } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { ingestUsage } from './ingest-usage.ts';
import { usageSeriesFor } from './usage-series.reader.ts';

const latestDay = '2026-03-03';

const batch = [
  { accountId: 'acc-1', metric: 'seats_used', day: '2026-03-01', value: 40 },
  { accountId: 'acc-1', metric: 'seats_used', day: '2026-03-02', value: 41 },
  { accountId: 'acc-1', metric: 'api_calls', kind: 'consumption', day: '2026-03-02', value: 1_200.5 },
  {
    accountId: 'acc-2',
    metric: 'sso',
    kind: 'feature_adoption',
    feature: 'sso',
    premium: true,
    day: '2026-03-02',
    value: 3,
  },
];

describeOnEachBackend(process.env.DATABASE_URL, 'usage ingest', ({ db, newOrg }) => {
  describe('ingestUsage', () => {
    it('stores a batch once: re-posting it changes nothing, a later value replaces', async () => {
      const orgId = await newOrg();
      const first = await withOrg(db(), orgId, (tx) => ingestUsage(tx, batch, latestDay));
      expect(first).toStrictEqual({ accepted: 4, changed: 4, rejected: [] });
      const again = await withOrg(db(), orgId, (tx) => ingestUsage(tx, batch, latestDay));
      expect(again).toStrictEqual({ accepted: 4, changed: 0, rejected: [] });
      const corrected = await withOrg(db(), orgId, (tx) =>
        ingestUsage(
          tx,
          [{ accountId: 'acc-1', metric: 'seats_used', day: '2026-03-02', value: 45 }],
          latestDay,
        ),
      );
      expect(corrected.changed).toBe(1);
      const { rows } = await withOrg(db(), orgId, (tx) =>
        tx.query<{ n: number }>('select count(*)::int as n from usage_points'),
      );
      expect(rows[0]?.n).toBe(4);
      const series = await withOrg(db(), orgId, (tx) => usageSeriesFor(tx, ['acc-1'], '2026-01-01'));
      expect(series.get('acc-1')?.find((s) => s.metric === 'seats_used')?.values).toStrictEqual([40, 45]);
    });

    it('keeps the valid points and reports each bad one with its index and field', async () => {
      const orgId = await newOrg();
      const outcome = await withOrg(db(), orgId, (tx) =>
        ingestUsage(
          tx,
          [
            batch[0],
            { accountId: 'acc-1', metric: 'seats_used', day: '2026-02-30', value: 3 },
            { accountId: '', metric: 'seats_used', day: '2026-03-01', value: -1 },
            { accountId: 'acc-3', metric: 'api_calls', day: '2026-03-01', value: 1 },
            { accountId: 'acc-3', metric: 'seats_used', day: '2026-04-01', value: 1 },
            'not an object',
            batch[1],
          ],
          latestDay,
        ),
      );
      expect(outcome.accepted).toBe(2);
      expect(outcome.changed).toBe(2);
      expect(outcome.rejected).toStrictEqual([
        { index: 1, field: 'day', message: 'must be a real calendar day' },
        { index: 2, field: 'accountId', message: 'must not be empty' },
        { index: 2, field: 'value', message: 'must be zero or more' },
        {
          index: 3,
          field: 'kind',
          message:
            'is required when the metric is not one of seats_used, active_users, consumption, feature_adoption',
        },
        { index: 4, field: 'day', message: 'must not be after 2026-03-03' },
        { index: 5, field: '(point)', message: expect.any(String) },
      ]);
    });

    it('lets the last point of a batch win for the same account, metric and day', async () => {
      const orgId = await newOrg();
      const point = { accountId: 'acc-1', metric: 'seats_used', day: '2026-03-01' };
      const outcome = await withOrg(db(), orgId, (tx) =>
        ingestUsage(
          tx,
          [
            { ...point, value: 1 },
            { ...point, value: 2 },
          ],
          latestDay,
        ),
      );
      expect(outcome).toStrictEqual({ accepted: 2, changed: 1, rejected: [] });
      const series = await withOrg(db(), orgId, (tx) => usageSeriesFor(tx, ['acc-1'], '2026-03-01'));
      expect(series.get('acc-1')?.[0]?.values).toStrictEqual([2]);
    });

    it("never shows or changes another org's points", async () => {
      const orgA = await newOrg();
      const orgB = await newOrg();
      await withOrg(db(), orgA, (tx) => ingestUsage(tx, batch, latestDay));
      const changedInB = await withOrg(db(), orgB, (tx) => ingestUsage(tx, batch.slice(0, 1), latestDay));
      expect(changedInB.changed).toBe(1);
      const seenByB = await withOrg(db(), orgB, (tx) => usageSeriesFor(tx, ['acc-1', 'acc-2'], '2026-01-01'));
      expect([...seenByB.keys()]).toStrictEqual(['acc-1']);
      expect(seenByB.get('acc-1')).toStrictEqual([
        { metric: 'seats_used', kind: 'seats_used', start: '2026-03-01', values: [40] },
      ]);
    });
  });

  describe('usageSeriesFor', () => {
    it('returns column-wise series with null on missing days, since the given day', async () => {
      const orgId = await newOrg();
      await withOrg(db(), orgId, (tx) =>
        ingestUsage(
          tx,
          [
            { accountId: 'acc-1', metric: 'active_users', day: '2026-02-20', value: 9 },
            { accountId: 'acc-1', metric: 'active_users', day: '2026-02-26', value: 10 },
            { accountId: 'acc-1', metric: 'active_users', day: '2026-02-27', value: 12 },
            { accountId: 'acc-1', metric: 'active_users', day: '2026-03-01', value: 11 },
            ...batch,
          ],
          latestDay,
        ),
      );
      const series = await withOrg(db(), orgId, (tx) =>
        usageSeriesFor(tx, ['acc-1', 'acc-2', 'acc-9'], '2026-02-25'),
      );
      expect(series.get('acc-1')).toStrictEqual([
        { metric: 'active_users', kind: 'active_users', start: '2026-02-26', values: [10, 12, null, 11] },
        { metric: 'api_calls', kind: 'consumption', start: '2026-03-02', values: [1_200.5] },
        { metric: 'seats_used', kind: 'seats_used', start: '2026-03-01', values: [40, 41] },
      ]);
      expect(series.get('acc-2')).toStrictEqual([
        {
          metric: 'sso',
          kind: 'feature_adoption',
          feature: 'sso',
          premium: true,
          start: '2026-03-02',
          values: [3],
        },
      ]);
      expect(series.has('acc-9')).toBe(false);
    });
  });
});
