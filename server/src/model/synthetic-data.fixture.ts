// Seeded synthetic data with a known signal, for tests and for measuring the learners.
import type { FeatureMatrix } from './learners/learner.ts';
import { createRandom, normal } from './random.ts';

/** `linear`: additive log-odds; `interaction`: products, thresholds and a sine; `noise`: no signal. */
export type SyntheticSignal = 'linear' | 'interaction' | 'noise';

export interface SyntheticOptions {
  rows: number;
  /** Feature count (≥ 8); only the first eight carry signal. */
  features?: number;
  signal: SyntheticSignal;
  seed?: number;
  /** Share of cells blanked to NaN (missing at random). */
  missingShare?: number;
  /** Intercept of the true log-odds: sets the base rate. */
  intercept?: number;
}

export interface SyntheticData {
  x: FeatureMatrix;
  y: Uint8Array;
  /** The true probability of each row (for calibration checks). */
  truth: Float64Array;
  names: string[];
}

export function trueLogit(signal: SyntheticSignal, v: ArrayLike<number>, intercept: number): number {
  switch (signal) {
    case 'noise':
      return intercept;
    case 'linear':
      return intercept + 1.2 * v[0]! - 0.9 * v[1]! + 0.7 * v[2]! + 0.5 * v[3]! - 0.4 * v[4]!;
    case 'interaction':
      return (
        intercept +
        1.6 * v[0]! * v[1]! +
        (v[2]! > 0.5 ? 1.8 : 0) -
        (v[3]! < -0.3 && v[4]! > 0 ? 1.6 : 0) +
        1.2 * Math.sin(2 * v[5]!) +
        0.6 * Math.abs(v[6]!) +
        0.4 * v[7]!
      );
  }
}

export function generateSyntheticData(options: SyntheticOptions): SyntheticData {
  const cols = Math.max(8, options.features ?? 10);
  const random = createRandom(options.seed ?? 1);
  const intercept = options.intercept ?? -1;
  const missingShare = options.missingShare ?? 0;
  const data = new Float64Array(options.rows * cols);
  const y = new Uint8Array(options.rows);
  const truth = new Float64Array(options.rows);
  const row = new Float64Array(cols);
  for (let r = 0; r < options.rows; r++) {
    for (let j = 0; j < cols; j++) row[j] = normal(random);
    truth[r] = 1 / (1 + Math.exp(-trueLogit(options.signal, row, intercept)));
    y[r] = random() < truth[r]! ? 1 : 0;
    for (let j = 0; j < cols; j++) data[r * cols + j] = random() < missingShare ? Number.NaN : row[j]!;
  }
  return {
    x: { rows: options.rows, cols, data },
    y,
    truth,
    names: Array.from({ length: cols }, (_, j) => `x${j}`),
  };
}
