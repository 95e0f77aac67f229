import type { FeatureRow, FittedLearner, LogisticJson, PreparedLearner, TrainingSet } from './learner.ts';
import { choleskySolve } from './cholesky.ts';

export interface LogisticOptions {
  /** L2 penalty on the standardised coefficients (the intercept is not penalised). */
  l2?: number;
  maxIterations?: number;
}

/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving: deterministic,
 * converges in a handful of iterations. Missing values are imputed with the training median and get a
 * missing indicator; inputs are standardised so one penalty fits all features.
 */
export function prepareLogistic(set: TrainingSet, options: LogisticOptions = {}): PreparedLearner {
  return { kind: 'logistic', fit: (rowIndices) => fitLogistic(set, rowIndices, options) };
}

function median(values: Float64Array): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fitLogistic(set: TrainingSet, rowIndices: Int32Array, options: LogisticOptions): FittedLearner {
  const { x, y } = set;
  const cols = x.cols;
  const n = rowIndices.length;
  const medians = new Array<number>(cols).fill(0);
  const means = new Array<number>(cols).fill(0);
  const scales = new Array<number>(cols).fill(1);
  const missingMeans = new Array<number>(cols).fill(0);
  // design columns: [feature j standardised] for varying features, then [missing indicator of j]
  const featureColumn = new Array<number>(cols).fill(-1);
  const indicatorColumn = new Array<number>(cols).fill(-1);
  let width = 0;
  for (let j = 0; j < cols; j++) {
    const present: number[] = [];
    for (let r = 0; r < n; r++) {
      const value = x.data[rowIndices[r]! * cols + j]!;
      if (!Number.isNaN(value)) present.push(value);
    }
    medians[j] = median(Float64Array.from(present));
    missingMeans[j] = (n - present.length) / Math.max(1, n);
    let sum = 0;
    let sumSquares = 0;
    for (let r = 0; r < n; r++) {
      const raw = x.data[rowIndices[r]! * cols + j]!;
      const value = Number.isNaN(raw) ? medians[j]! : raw;
      sum += value;
      sumSquares += value * value;
    }
    means[j] = sum / Math.max(1, n);
    const variance = sumSquares / Math.max(1, n) - means[j]! * means[j]!;
    if (variance > 1e-12) {
      scales[j] = Math.sqrt(variance);
      featureColumn[j] = width++;
    }
  }
  for (let j = 0; j < cols; j++) {
    if (missingMeans[j]! > 0 && missingMeans[j]! < 1) indicatorColumn[j] = width++;
  }

  const design = new Float64Array(n * width);
  for (let r = 0; r < n; r++) {
    const base = rowIndices[r]! * cols;
    for (let j = 0; j < cols; j++) {
      const raw = x.data[base + j]!;
      const missing = Number.isNaN(raw);
      if (featureColumn[j]! >= 0) {
        design[r * width + featureColumn[j]!] = ((missing ? medians[j]! : raw) - means[j]!) / scales[j]!;
      }
      if (indicatorColumn[j]! >= 0) {
        const share = missingMeans[j]!;
        design[r * width + indicatorColumn[j]!] =
          ((missing ? 1 : 0) - share) / Math.sqrt(share * (1 - share));
      }
    }
  }
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) labels[r] = y[rowIndices[r]!]!;
  const weights = newton(design, labels, n, width, options.l2 ?? 1, options.maxIterations ?? 30);

  const coefficients = new Array<number>(cols).fill(0);
  const missingCoefficients = new Array<number>(cols).fill(0);
  for (let j = 0; j < cols; j++) {
    if (featureColumn[j]! >= 0) coefficients[j] = weights[1 + featureColumn[j]!]!;
    if (indicatorColumn[j]! >= 0) {
      const share = missingMeans[j]!;
      missingCoefficients[j] = weights[1 + indicatorColumn[j]!]! / Math.sqrt(share * (1 - share));
    }
  }
  return logisticFromJson({
    kind: 'logistic',
    intercept: weights[0]!,
    medians,
    means,
    scales,
    coefficients,
    missingMeans,
    missingCoefficients,
  });
}

function penalisedLoss(
  design: Float64Array,
  labels: Float64Array,
  n: number,
  width: number,
  w: Float64Array,
  l2: number,
) {
  let loss = 0;
  for (let r = 0; r < n; r++) {
    let eta = w[0]!;
    for (let k = 0; k < width; k++) eta += design[r * width + k]! * w[1 + k]!;
    // log(1 + e^eta) − y·eta, computed stably
    loss += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - labels[r]! * eta;
  }
  for (let k = 1; k <= width; k++) loss += 0.5 * l2 * w[k]! * w[k]!;
  return loss;
}

function newton(
  design: Float64Array,
  labels: Float64Array,
  n: number,
  width: number,
  l2: number,
  maxIterations: number,
) {
  const size = width + 1;
  const w = new Float64Array(size);
  let positives = 0;
  for (let r = 0; r < n; r++) positives += labels[r]!;
  w[0] = Math.log((positives + 0.5) / (n - positives + 0.5));
  let loss = penalisedLoss(design, labels, n, width, w, l2);
  const row = new Float64Array(size);
  let hessian = new Float64Array(size * size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // The curvature settles after the first steps: the Hessian is refreshed on the first three iterations
    // and every third after, the gradient on every one (step halving keeps each step a descent).
    const refresh = iteration < 3 || iteration % 3 === 0;
    const gradient = new Float64Array(size);
    if (refresh) hessian = new Float64Array(size * size);
    row[0] = 1;
    for (let r = 0; r < n; r++) {
      let eta = w[0]!;
      for (let k = 0; k < width; k++) {
        row[k + 1] = design[r * width + k]!;
        eta += row[k + 1]! * w[k + 1]!;
      }
      const p = 1 / (1 + Math.exp(-eta));
      const residual = p - labels[r]!;
      for (let k = 0; k < size; k++) gradient[k] = gradient[k]! + residual * row[k]!;
      if (!refresh) continue;
      const curvature = Math.max(p * (1 - p), 1e-10);
      for (let k = 0; k < size; k++) {
        const weighted = curvature * row[k]!;
        const base = k * size;
        for (let l = 0; l <= k; l++) hessian[base + l] = hessian[base + l]! + weighted * row[l]!;
      }
    }
    for (let k = 1; k < size; k++) gradient[k] = gradient[k]! + l2 * w[k]!;
    if (refresh) {
      for (let k = 1; k < size; k++) hessian[k * size + k] = hessian[k * size + k]! + l2;
      for (let k = 0; k < size; k++)
        for (let l = 0; l < k; l++) hessian[l * size + k] = hessian[k * size + l]!;
      hessian[0] = hessian[0]! + 1e-9;
    }
    const step = choleskySolve(hessian, gradient, size);
    let scale = 1;
    let next = w;
    let nextLoss = loss;
    // step halving keeps every iteration a descent step
    for (let attempt = 0; attempt < 20; attempt++) {
      next = w.map((value, k) => value - scale * step[k]!);
      nextLoss = penalisedLoss(design, labels, n, width, next, l2);
      if (nextLoss <= loss + 1e-12) break;
      scale /= 2;
    }
    let largest = 0;
    for (let k = 0; k < size; k++) largest = Math.max(largest, Math.abs(next[k]! - w[k]!));
    w.set(next);
    const improvement = loss - nextLoss;
    loss = nextLoss;
    if (largest < 1e-7 || improvement < 1e-9 * Math.max(1, Math.abs(loss))) break;
  }
  return w;
}

export function logisticFromJson(json: LogisticJson): FittedLearner {
  const { intercept, medians, means, scales, coefficients, missingMeans, missingCoefficients } = json;
  const cols = coefficients.length;
  const termOf = (value: number, j: number) => {
    const missing = Number.isNaN(value);
    const imputed = missing ? medians[j]! : value;
    return (
      (coefficients[j]! * (imputed - means[j]!)) / scales[j]! +
      missingCoefficients[j]! * ((missing ? 1 : 0) - missingMeans[j]!)
    );
  };
  return {
    kind: 'logistic',
    logit(x: FeatureRow, offset = 0) {
      let eta = intercept;
      for (let j = 0; j < cols; j++) eta += termOf(x[offset + j]!, j);
      return eta;
    },
    explain(x: FeatureRow, out: Float64Array) {
      for (let j = 0; j < cols; j++) out[j] = termOf(x[j]!, j);
      return intercept;
    },
    toJSON: () => json,
  };
}
