import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { expectedCalibrationError } from '../metrics/index.ts';
import { calibratorFromJson, fitCalibrator } from './choose-calibration.ts';
import { fitIsotonic } from './isotonic.calibration.ts';
import { fitPlatt } from './platt.calibration.ts';

// Raw scores that are overconfident by a factor 3: the true log-odds are logit / 3.
function overconfident(count: number, seed: number) {
  const random = createRandom(seed);
  const logits: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const logit = (random() - 0.5) * 12;
    logits.push(logit);
    labels.push(random() < 1 / (1 + Math.exp(-logit / 3)) ? 1 : 0);
  }
  return { logits, labels };
}

const raw = (logits: number[]) => logits.map((logit) => 1 / (1 + Math.exp(-logit)));

describe('calibration', () => {
  const train = overconfident(4000, 1);
  const test = overconfident(4000, 2);

  it.each([
    ['platt', fitPlatt(train.logits, train.labels)],
    ['isotonic', fitIsotonic(train.logits, train.labels)],
  ])('%s repairs an overconfident score', (_kind, calibrator) => {
    const before = expectedCalibrationError(test.labels, raw(test.logits));
    const after = expectedCalibrationError(
      test.labels,
      test.logits.map((logit) => calibrator.probability(logit)),
    );
    expect(before).toBeGreaterThan(0.08);
    expect(after).toBeLessThan(0.03);
  });

  it('platt recovers the slope of the true log-odds', () => {
    const platt = fitPlatt(train.logits, train.labels).toJSON();
    expect(platt.kind === 'platt' && platt.slope).toBeCloseTo(1 / 3, 1);
  });

  it('isotonic output never decreases with the score', () => {
    const isotonic = fitIsotonic(train.logits, train.labels);
    const grid = Array.from({ length: 60 }, (_, i) => -7 + i * 0.25).map((logit) =>
      isotonic.probability(logit),
    );
    expect(grid.every((p, i) => i === 0 || p >= grid[i - 1]!)).toBe(true);
  });

  it.each([
    [4000, 'isotonic'],
    [80, 'platt'],
  ] as const)('with %i rows it chooses %s', (rows, expected) => {
    const sample = overconfident(rows, 3);
    expect(fitCalibrator(sample.logits, sample.labels).kind).toBe(expected);
  });

  it('round-trips through JSON', () => {
    const calibrator = fitCalibrator(train.logits, train.labels);
    const restored = calibratorFromJson(JSON.parse(JSON.stringify(calibrator.toJSON())));
    expect(restored.probability(1.3)).toBe(calibrator.probability(1.3));
  });
});
