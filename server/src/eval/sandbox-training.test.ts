import { describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox/sandbox.ts';
import { sandboxHistory } from './sandbox-training.ts';
import { addDays } from './dates.ts';

describe('sandboxHistory', () => {
  const asOf = '2026-05-01';
  const sandbox = createSandbox({ accounts: 120, seed: 9, endDate: '2026-11-01' });
  const rows = [...sandboxHistory(sandbox, asOf, { sampleSize: 120 })];

  it('observes only dates whose 90-day label window closed before the evaluation date', () => {
    expect(rows.length).toBeGreaterThan(500);
    for (const row of rows) expect(addDays(row.observedOn, 90) <= asOf).toBe(true);
  });

  it('labels a row positive exactly when the ground truth has an expansion in (t, t + 90]', () => {
    const index = new Map(Array.from({ length: 120 }, (_, i) => [sandbox.snapshotAt(i, asOf).account.id, i]));
    let positives = 0;
    for (const row of rows) {
      const truth = sandbox.truth(index.get(row.accountId) ?? -1);
      const expands = truth.expansions.some(
        (e) => e.date > row.observedOn && e.date <= addDays(row.observedOn, 90),
      );
      expect(row.label).toBe(expands ? 1 : 0);
      positives += row.label;
    }
    expect(positives).toBeGreaterThan(10);
  });

  it('leaves out the history of excluded accounts: an account scored is never one learned from', () => {
    const excluded = (index: number) => index % 3 === 0;
    const kept = [...sandboxHistory(sandbox, asOf, { sampleSize: 120, excluded })];
    expect(kept.length).toBeGreaterThan(300);
    expect(kept.every((row) => row.group !== undefined && !excluded(row.group))).toBe(true);
    // 80 accounts kept, less those not yet customers on the dates observed
    expect(new Set(kept.map((row) => row.group)).size).toBeGreaterThan(60);
  });
});
