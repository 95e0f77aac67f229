import { describe, expect, it } from 'vitest';
import { mayReadPage, planBudget } from './api-budget.ts';

describe('planBudget', () => {
  it.each([
    // remaining, changed → max calls (20 % of what remains), estimate (pages + two writes per account), fits
    { remaining: 10_000, changed: 1_000, maxCalls: 2_000, estimatedCalls: 1 + 10, fits: true },
    { remaining: 50, changed: 10_000, maxCalls: 10, estimatedCalls: 5 + 100, fits: false },
    { remaining: 0, changed: 0, maxCalls: 0, estimatedCalls: 1, fits: false },
    { remaining: null, changed: 10_000, maxCalls: null, estimatedCalls: 105, fits: true },
    { remaining: 100, changed: null, maxCalls: 20, estimatedCalls: null, fits: true },
  ])('remaining $remaining, changed $changed → $maxCalls calls', ({ remaining, changed, ...expected }) => {
    const budget = planBudget({
      allowance: { max: 15_000, remaining },
      share: 0.2,
      changed,
      pageSize: 2_000,
      writeBatchSize: 200,
    });
    expect(budget).toStrictEqual(expected);
  });

  it('the share is configurable', () => {
    const budget = planBudget({
      allowance: { max: null, remaining: 1_000 },
      share: 0.05,
      changed: 0,
      pageSize: 200,
      writeBatchSize: 200,
    });
    expect(budget.maxCalls).toBe(50);
  });
});

describe('mayReadPage', () => {
  const budget = { maxCalls: 10, estimatedCalls: null, fits: true };
  it.each([
    { callsMade: 0, staged: 0, may: true },
    { callsMade: 9, staged: 0, may: true },
    { callsMade: 10, staged: 0, may: false },
    // 150 staged accounts reserve ceil(300 / 200) = 2 write calls
    { callsMade: 7, staged: 150, may: true },
    { callsMade: 8, staged: 150, may: false },
  ])('$callsMade calls made, $staged staged → $may', ({ callsMade, staged, may }) => {
    expect(mayReadPage(budget, callsMade, staged, 200)).toBe(may);
  });

  it('a CRM without a daily limit is never stopped', () => {
    expect(mayReadPage({ maxCalls: null, estimatedCalls: null, fits: true }, 1e9, 1e9, 200)).toBe(true);
  });
});
