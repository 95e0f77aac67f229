import { accountSnapshotSchema, isRipeError } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { addDays } from '@ripe/shared';
import { createSandbox } from './sandbox.ts';

const endDate = '2026-06-30';

describe('createSandbox', () => {
  it('is deterministic: the same seed renders identical snapshots and truth', () => {
    const first = createSandbox({ accounts: 50, seed: 7, endDate });
    const second = createSandbox({ accounts: 50, seed: 7, endDate });
    for (const index of [0, 13, 49]) {
      expect(second.snapshotAt(index)).toStrictEqual(first.snapshotAt(index));
      expect(second.truth(index)).toStrictEqual(first.truth(index));
    }
  });

  it('renders account i from (seed, i) alone, whatever was generated before', () => {
    const sandbox = createSandbox({ accounts: 50, seed: 7, endDate });
    const direct = sandbox.snapshotAt(31, '2026-01-15');
    const other = createSandbox({ accounts: 50, seed: 7, endDate });
    for (let index = 0; index < 31; index += 1) other.snapshotAt(index);
    expect(other.snapshotAt(31, '2026-01-15')).toStrictEqual(direct);
  });

  it('gives a different portfolio for a different seed', () => {
    const a = createSandbox({ accounts: 10, seed: 1, endDate });
    const b = createSandbox({ accounts: 10, seed: 2, endDate });
    const names = (s: typeof a) =>
      Array.from({ length: 10 }, (_, i) => s.snapshotAt(i).account.name).join('|');
    expect(names(b)).not.toBe(names(a));
    expect(b.snapshotAt(0).usage[0]?.values).not.toStrictEqual(a.snapshotAt(0).usage[0]?.values);
  });

  it.each([endDate, '2026-02-27', '2025-09-01', '2025-03-01'])(
    'renders snapshots that pass accountSnapshotSchema (asOf %s)',
    (asOf) => {
      const sandbox = createSandbox({ accounts: 60, seed: 3, endDate });
      for (let index = 0; index < 60; index += 1) {
        const snapshot = sandbox.snapshotAt(index, asOf);
        const parsed = accountSnapshotSchema.safeParse(snapshot);
        expect(parsed.success, `${snapshot.account.id}: ${parsed.error?.message}`).toBe(true);
        // Nothing is left for the schema to default: the generator writes complete records.
        expect(parsed.data).toStrictEqual(snapshot);
      }
    },
  );

  it('names the org after the seed and fills the default history', () => {
    const sandbox = createSandbox({ accounts: 5, seed: 42, endDate });
    expect(sandbox.orgId).toBe('sandbox-42');
    expect(sandbox.options).toStrictEqual({ accounts: 5, seed: 42, endDate, historyDays: 450 });
    expect(sandbox.priceBook.tiers.length).toBeGreaterThanOrEqual(3);
  });

  it.each([240, 730])('renders %i days of usage history up to the end date', (historyDays) => {
    const sandbox = createSandbox({ accounts: 20, seed: 4, endDate, historyDays });
    for (let index = 0; index < 20; index += 1) {
      const seats = sandbox.snapshotAt(index).usage.find((series) => series.kind === 'seats_used');
      expect(seats?.values.length).toBeLessThanOrEqual(historyDays);
      expect(seats && addDays(seats.start, seats.values.length - 1)).toBe(endDate);
      if (sandbox.customerSince(index) < addDays(endDate, -historyDays))
        expect(seats?.values.length).toBe(historyDays);
    }
  });

  it.each([
    [{ accounts: 0, seed: 1, endDate }],
    [{ accounts: 10, seed: -1, endDate }],
    [{ accounts: 10, seed: 1, endDate: '30/06/2026' }],
    [{ accounts: 10, seed: 1, endDate, historyDays: 30 }],
  ])('rejects invalid options %j with a typed error', (options) => {
    expect(() => createSandbox(options)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });

  it.each([
    [10, endDate],
    [-1, endDate],
    [0, '2026-07-01'],
    [0, 'tomorrow'],
  ])('rejects account %i as of %s', (index, asOf) => {
    const sandbox = createSandbox({ accounts: 10, seed: 1, endDate });
    let caught: unknown;
    try {
      sandbox.snapshotAt(index, asOf);
    } catch (error) {
      caught = error;
    }
    expect(isRipeError(caught) && caught.code).toBe('invalid_argument');
  });
});
