import { accountSnapshotSchema, type UsageSeries } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, dailySeries } from '../engine/techniques/test-fixtures.ts';
import { mergeIngestedUsage, usageUntil } from './ingested-usage.merge.ts';

const crmSeats = dailySeries('seats_used', 'seats_used', '2026-01-01', [10, 11, 12]);
const crmUsers = dailySeries('active_users', 'active_users', '2026-01-01', [5, 5, 6]);
const snapshot = buildSnapshot({ usage: [crmSeats, crmUsers] });

describe('mergeIngestedUsage', () => {
  it.each<[string, UsageSeries[], UsageSeries[]]>([
    [
      'an ingested metric replaces the snapshot series of the same metric',
      [dailySeries('seats_used', 'seats_used', '2025-12-01', [40, 41])],
      [crmUsers, dailySeries('seats_used', 'seats_used', '2025-12-01', [40, 41])],
    ],
    [
      'a metric the snapshot lacks is added',
      [dailySeries('api_calls', 'consumption', '2026-01-01', [900])],
      [crmSeats, crmUsers, dailySeries('api_calls', 'consumption', '2026-01-01', [900])],
    ],
    [
      'days without a point stay null',
      [dailySeries('seats_used', 'seats_used', '2026-01-01', [40, null, null, 42])],
      [crmUsers, dailySeries('seats_used', 'seats_used', '2026-01-01', [40, null, null, 42])],
    ],
  ])('%s', (_, ingested, expected) => {
    const merged = mergeIngestedUsage(snapshot, ingested);
    expect(merged.usage).toStrictEqual(expected);
    expect(accountSnapshotSchema.safeParse(merged).success).toBe(true);
    // The input snapshot is left as it was.
    expect(snapshot.usage).toStrictEqual([crmSeats, crmUsers]);
  });

  it('returns the snapshot unchanged when the account has no ingested usage', () => {
    expect(mergeIngestedUsage(snapshot, [])).toBe(snapshot);
  });

  it('gives a snapshot without usage the ingested series', () => {
    const bare = { account: { id: 'acc-1' } };
    expect(mergeIngestedUsage(bare, [crmSeats])).toStrictEqual({ ...bare, usage: [crmSeats] });
  });
});

describe('usageUntil', () => {
  it.each<[string, string, UsageSeries[]]>([
    ['keeps a series ending before the day', '2026-01-05', [crmSeats]],
    ['cuts the days after it', '2026-01-02', [{ ...crmSeats, values: [10, 11] }]],
    ['drops a series starting after it', '2025-12-31', []],
  ])('%s', (_, lastDay, expected) => {
    expect(usageUntil([crmSeats], lastDay)).toStrictEqual(expected);
  });
});
