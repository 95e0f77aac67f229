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
