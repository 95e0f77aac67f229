import { describe, expect, it } from 'vitest';
import { forwardChainingFolds, stratifiedFolds, timeSplit } from './folds.ts';

describe('stratifiedFolds', () => {
  const labels = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 1 : 0));
  const folds = stratifiedFolds(labels, 5, 7);

  it('covers every row exactly once as test', () => {
    const tested = folds.flatMap((fold) => [...fold.test]).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it.each([0, 1, 2, 3, 4])('fold %i keeps the base rate', (k) => {
    const positives = [...folds[k]!.test].filter((row) => labels[row] === 1).length;
    expect(positives).toBe(4);
  });

  it('is reproducible from its seed', () => {
    expect(stratifiedFolds(labels, 5, 7)[0]!.test).toEqual(folds[0]!.test);
    expect(stratifiedFolds(labels, 5, 8)[0]!.test).not.toEqual(folds[0]!.test);
  });
});

describe('time splits', () => {
  // 8 dates, 10 rows each, given in shuffled order
  const times = Array.from({ length: 80 }, (_, i) => (i * 37) % 8);

  it('trains on the past and tests on the future without splitting a date', () => {
    const { train, test } = timeSplit(times, 0.75);
    const latestTrained = Math.max(...[...train].map((row) => times[row]!));
    const earliestTested = Math.min(...[...test].map((row) => times[row]!));
    expect(latestTrained).toBeLessThan(earliestTested);
    expect(train.length).toBe(60);
  });

  it('forward chaining predicts each later block from all earlier ones', () => {
    const folds = forwardChainingFolds(times, 4);
    expect(folds.map((fold) => [fold.train.length, fold.test.length])).toEqual([
      [20, 20],
      [40, 20],
      [60, 20],
    ]);
    for (const fold of folds) {
      expect(Math.max(...[...fold.train].map((r) => times[r]!))).toBeLessThan(
        Math.min(...[...fold.test].map((r) => times[r]!)),
      );
    }
  });
});
