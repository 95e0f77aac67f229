import { identityCalibrator, type Calibrator, type CalibratorJson } from './calibrator.ts';
import { fitIsotonic, isotonicFromJson } from './isotonic.calibration.ts';
import { fitPlatt, plattFromJson } from './platt.calibration.ts';

/**
 * Isotonic regression needs data to be stable; with fewer positives (or negatives) than
 * `isotonicMinPositives` the two-parameter Platt fit is safer, and above it every isotonic step is
 * shrunk towards Platt. Fit on out-of-fold predictions only.
 */
export function fitCalibrator(
  rawLogits: ArrayLike<number>,
  labels: ArrayLike<number>,
  isotonicMinPositives = 50,
): Calibrator {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return identityCalibrator();
  const platt = fitPlatt(rawLogits, labels);
  if (Math.min(positives, negatives) < isotonicMinPositives) return platt;
  return fitIsotonic(rawLogits, labels, { prior: (logit) => platt.probability(logit) });
}

export function calibratorFromJson(json: CalibratorJson): Calibrator {
  switch (json.kind) {
    case 'platt':
      return plattFromJson(json);
    case 'isotonic':
      return isotonicFromJson(json);
    case 'identity':
      return identityCalibrator();
  }
}

/** Mean and spread of a set of raw log-odds. */
export interface LogitScale {
  mean: number;
  std: number;
}

export function logitScale(logits: ArrayLike<number>): LogitScale {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < logits.length; i++) {
    sum += logits[i]!;
    squares += logits[i]! * logits[i]!;
  }
  const mean = sum / Math.max(1, logits.length);
  return { mean, std: Math.sqrt(Math.max(0, squares / Math.max(1, logits.length) - mean * mean)) };
}

/**
 * A calibrator fitted on out-of-fold log-odds, moved to the scale of a model refitted on every row: a
 * refit on more data spreads its log-odds further, and the calibration must follow the score's rank, not
 * its raw value. Maps `z` of the refit as `(z − to.mean) · from.std / to.std + from.mean` before calibrating.
 */
export function rescaleCalibrator(calibrator: Calibrator, from: LogitScale, to: LogitScale): Calibrator {
  const json = calibrator.toJSON();
  if (json.kind === 'identity' || !(from.std > 1e-9 && to.std > 1e-9)) return calibrator;
  const ratio = from.std / to.std;
  const offset = from.mean - to.mean * ratio;
  if (json.kind === 'platt')
    return plattFromJson({
      kind: 'platt',
      slope: json.slope * ratio,
      intercept: json.intercept + json.slope * offset,
    });
  return isotonicFromJson({
    kind: 'isotonic',
    logits: json.logits.map((logit) => (logit - offset) / ratio),
    probabilities: json.probabilities,
  });
}
