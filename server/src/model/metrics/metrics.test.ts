import { describe, expect, it } from 'vitest';
import {
  areaUnderRoc,
  brierScore,
  expectedCalibrationError,
  liftTopDecile,
  logLoss,
  reliabilityBins,
} from './index.ts';

describe('areaUnderRoc', () => {
  it.each([
    ['perfect ranking', [0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1],
    ['reversed ranking', [1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9], 0],
    ['all scores tied', [0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5], 0.5],
    ['one tie across classes', [0, 1, 0, 1], [0.1, 0.4, 0.4, 0.9], 0.875],
  ])('%s', (_name, labels, scores, expected) => {
    expect(areaUnderRoc(labels, scores)).toBeCloseTo(expected, 10);
  });

  it('is undefined (NaN) with one class only', () => {
    expect(areaUnderRoc([1, 1], [0.3, 0.6])).toBeNaN();
  });
});

describe('probability metrics', () => {
  it.each([
    ['brier of a perfect forecast', brierScore([0, 1], [0, 1]), 0],
    ['brier of a coin flip', brierScore([0, 1], [0.5, 0.5]), 0.25],
    ['log-loss of a coin flip', logLoss([0, 1], [0.5, 0.5]), Math.log(2)],
    ['log-loss stays finite on a confident miss', logLoss([1], [0]), -Math.log(1e-6)],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 6);
  });

  it('lift in the top decile is the top positive rate over the base rate', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i < 10 || i === 50 ? 1 : 0));
    const scores = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(liftTopDecile(labels, scores)).toBeCloseTo(1 / (11 / 100), 6);
  });
});

describe('reliability', () => {
  it('bins predictions by equal width and measures the gap per bin', () => {
    const labels = [0, 0, 1, 1, 1];
    const probabilities = [0.05, 0.15, 0.95, 1, 0.55];
    const bins = reliabilityBins(labels, probabilities, 10);
    expect(bins.map((bin) => bin.count)).toEqual([1, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[9]!.meanPredicted).toBeCloseTo(0.975, 6);
    // gaps: 0.05, 0.15, 0.45, 0.025 × 2 → (0.05 + 0.15 + 0.45 + 0.05) / 5
    expect(expectedCalibrationError(labels, probabilities)).toBeCloseTo(0.14, 6);
  });
});
