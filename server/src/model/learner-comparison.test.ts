import { describe, expect, it } from 'vitest';
import { compareLearners } from './learner-comparison.ts';

describe('compareLearners', () => {
  it('boosted trees beat logistic regression on non-linear interactions', () => {
    const [logistic, trees] = compareLearners({
      signal: 'interaction',
      trainRows: 3000,
      testRows: 2000,
      features: 10,
    });
    expect(trees!.auc).toBeGreaterThan(logistic!.auc + 0.05);
    expect(trees!.logLoss).toBeLessThan(logistic!.logLoss);
  });

  it('logistic regression holds its own on a linear signal', () => {
    const [logistic, trees] = compareLearners({
      signal: 'linear',
      trainRows: 3000,
      testRows: 2000,
      features: 10,
    });
    expect(logistic!.auc).toBeGreaterThan(trees!.auc - 0.005);
  });
});
