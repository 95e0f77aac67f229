/** Maps a learner's raw log-odds to a calibrated probability. */
export interface Calibrator {
  readonly kind: CalibrationKind;
  probability(rawLogit: number): number;
  toJSON(): CalibratorJson;
}

export type CalibrationKind = 'platt' | 'isotonic' | 'identity';

export type CalibratorJson =
  | { kind: 'platt'; slope: number; intercept: number }
  | { kind: 'isotonic'; logits: number[]; probabilities: number[] }
  | { kind: 'identity' };

// Calibrated probabilities stay strictly inside (0, 1): a calibrator never claims certainty.
export const PROBABILITY_FLOOR = 1e-4;

export function clampProbability(probability: number): number {
  return Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, probability));
}

export function identityCalibrator(): Calibrator {
  return {
    kind: 'identity',
    probability: (rawLogit) => clampProbability(1 / (1 + Math.exp(-rawLogit))),
    toJSON: () => ({ kind: 'identity' }),
  };
}
