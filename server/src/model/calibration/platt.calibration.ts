import { clampProbability, type Calibrator } from './calibrator.ts';

/**
 * Platt scaling: p = σ(slope · logit + intercept), fitted by Newton's method on Platt's smoothed
 * targets ((n₊ + 1)/(n₊ + 2) and 1/(n₋ + 2)) so a small sample cannot push it to certainty.
 */
export function fitPlatt(rawLogits: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (n - positives + 2);
  const targets = Array.from({ length: n }, (_, i) => (labels[i] === 1 ? high : low));
  const loss = (slope: number, intercept: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = slope * rawLogits[i]! + intercept;
      sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - targets[i]! * z;
    }
    return sum;
  };
  // Platt's start: no slope, the prior log-odds
  let slope = 0;
  let intercept = Math.log((positives + 1) / (n - positives + 1));
  let current = loss(slope, intercept);
  for (let iteration = 0; iteration < 100; iteration++) {
    let gSlope = 0;
    let gIntercept = 0;
    let hSS = 1e-9;
    let hSI = 0;
    let hII = 1e-9;
    for (let i = 0; i < n; i++) {
      const s = rawLogits[i]!;
      const p = 1 / (1 + Math.exp(-(slope * s + intercept)));
      const residual = p - targets[i]!;
      const w = Math.max(p * (1 - p), 1e-12);
      gSlope += residual * s;
      gIntercept += residual;
      hSS += w * s * s;
      hSI += w * s;
      hII += w;
    }
    const determinant = hSS * hII - hSI * hSI;
    if (Math.abs(determinant) < 1e-18) break;
    const stepSlope = (hII * gSlope - hSI * gIntercept) / determinant;
    const stepIntercept = (hSS * gIntercept - hSI * gSlope) / determinant;
    // step halving: Newton can overshoot when the raw scores are far from calibrated
    let scale = 1;
    let next = loss(slope - stepSlope, intercept - stepIntercept);
    while (next > current + 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = loss(slope - scale * stepSlope, intercept - scale * stepIntercept);
    }
    slope -= scale * stepSlope;
    intercept -= scale * stepIntercept;
    const improvement = current - next;
    current = next;
    if (scale * (Math.abs(stepSlope) + Math.abs(stepIntercept)) < 1e-9 || improvement < 1e-12) break;
  }
  return plattFromJson({ kind: 'platt', slope, intercept });
}

export function plattFromJson(json: { kind: 'platt'; slope: number; intercept: number }): Calibrator {
  return {
    kind: 'platt',
    probability: (rawLogit) =>
      clampProbability(1 / (1 + Math.exp(-(json.slope * rawLogit + json.intercept)))),
    toJSON: () => json,
  };
}
