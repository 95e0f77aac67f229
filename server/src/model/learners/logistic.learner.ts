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
  // design columns: [feature j standardised] for varying features, then one missing indicator per distinct
  // missing pattern (the one-hot columns of a categorical share theirs)
  const featureColumn = new Array<number>(cols).fill(-1);
  const indicatorColumn = new Array<number>(cols).fill(-1);
  const present = new Float64Array(n);
  let width = 0;
  for (let j = 0; j < cols; j++) {
    let count = 0;
    for (let r = 0; r < n; r++) {
      const value = x.data[rowIndices[r]! * cols + j]!;
      if (!Number.isNaN(value)) present[count++] = value;
    }
    medians[j] = median(present.subarray(0, count));
    missingMeans[j] = (n - count) / Math.max(1, n);
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
  const indicators = sharedIndicators(x.data, cols, rowIndices, missingMeans);
  for (let j = 0; j < cols; j++) {
    const group = indicators.groupOf[j]!;
    if (group >= 0) indicatorColumn[j] = width + group;
  }
  width += indicators.sizes.length;

  // column-major, so the normal equations are dot products of contiguous columns
  const design = new Float64Array(n * width);
  for (let j = 0; j < cols; j++) {
    const feature = featureColumn[j]!;
    if (feature >= 0) {
      const base = feature * n;
      const median = medians[j]!;
      const mean = means[j]!;
      const scale = scales[j]!;
      for (let r = 0; r < n; r++) {
        const raw = x.data[rowIndices[r]! * cols + j]!;
        design[base + r] = ((Number.isNaN(raw) ? median : raw) - mean) / scale;
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    const group = indicators.groupOf[j]!;
    // the first member of a pattern writes the shared column; k identical L2-penalised columns fit exactly
    // as one column scaled by √k, each member's coefficient being the shared one over √k
    if (group < 0 || indicators.first[group] !== j) continue;
    const share = missingMeans[j]!;
    const spread = Math.sqrt(share * (1 - share));
    const factor = Math.sqrt(indicators.sizes[group]!);
    const base = indicatorColumn[j]! * n;
    for (let r = 0; r < n; r++) {
      const missing = Number.isNaN(x.data[rowIndices[r]! * cols + j]!);
      design[base + r] = (((missing ? 1 : 0) - share) / spread) * factor;
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
      const factor = Math.sqrt(indicators.sizes[indicators.groupOf[j]!]!);
      missingCoefficients[j] = weights[1 + indicatorColumn[j]!]! / factor / Math.sqrt(share * (1 - share));
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

/**
 * Groups the partly missing features by their exact pattern of missing rows: a categorical's one-hot
 * columns are missing together, and one indicator column stands for all of them.
 */
export function sharedIndicators(
  data: Float64Array,
  cols: number,
  rowIndices: Int32Array,
  missingMeans: readonly number[],
): { groupOf: Int32Array; first: number[]; sizes: number[] } {
  const n = rowIndices.length;
  const groupOf = new Int32Array(cols).fill(-1);
  const first: number[] = [];
  const sizes: number[] = [];
  for (let j = 0; j < cols; j++) {
    if (!(missingMeans[j]! > 0 && missingMeans[j]! < 1)) continue;
    let group = -1;
    for (let g = 0; g < first.length && group < 0; g++) {
      const other = first[g]!;
      if (missingMeans[other] !== missingMeans[j]) continue;
      let same = true;
      for (let r = 0; r < n && same; r++) {
        const base = rowIndices[r]! * cols;
        same = Number.isNaN(data[base + j]!) === Number.isNaN(data[base + other]!);
      }
      if (same) group = g;
    }
    if (group < 0) {
      group = first.length;
      first.push(j);
      sizes.push(0);
    }
    groupOf[j] = group;
    sizes[group] = sizes[group]! + 1;
  }
  return { groupOf, first, sizes };
}

// Σ log(1 + e^η) − y·η over the rows, computed stably
function dataLoss(eta: Float64Array, labels: Float64Array, n: number): number {
  let loss = 0;
  for (let r = 0; r < n; r++) {
    const value = eta[r]!;
    loss +=
      (value > 0 ? value + Math.log1p(Math.exp(-value)) : Math.log1p(Math.exp(value))) - labels[r]! * value;
  }
  return loss;
}

function penalty(w: Float64Array, l2: number): number {
  let sum = 0;
  for (let k = 1; k < w.length; k++) sum += 0.5 * l2 * w[k]! * w[k]!;
  return sum;
}

// Small kernels rather than one long loop nest: each is optimised once, early, and cheaply.
function dot(a: Float64Array, aStart: number, b: Float64Array, bStart: number, n: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) sum += a[aStart + r]! * b[bStart + r]!;
  return sum;
}

// out[r] = a[r] · b[bStart + r], returning their sum
function product(out: Float64Array, a: Float64Array, b: Float64Array, bStart: number, n: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const value = a[r]! * b[bStart + r]!;
    out[r] = value;
    sum += value;
  }
  return sum;
}

// out[r] += coefficient · b[bStart + r]
function addScaled(out: Float64Array, coefficient: number, b: Float64Array, bStart: number, n: number): void {
  for (let r = 0; r < n; r++) out[r] = out[r]! + coefficient * b[bStart + r]!;
}

// out[r] = a[r] − scale · b[r]
function subtractScaled(out: Float64Array, a: Float64Array, scale: number, b: Float64Array, n: number): void {
  for (let r = 0; r < n; r++) out[r] = a[r]! - scale * b[r]!;
}

// Residuals p − y and curvatures p(1 − p) of every row; returns [Σ residual, Σ curvature].
function residuals(
  eta: Float64Array,
  labels: Float64Array,
  residual: Float64Array,
  curvature: Float64Array,
  n: number,
): [number, number] {
  let residualSum = 0;
  let curvatureSum = 0;
  for (let r = 0; r < n; r++) {
    const p = 1 / (1 + Math.exp(-eta[r]!));
    const difference = p - labels[r]!;
    const weight = Math.max(p * (1 - p), 1e-10);
    residual[r] = difference;
    curvature[r] = weight;
    residualSum += difference;
    curvatureSum += weight;
  }
  return [residualSum, curvatureSum];
}

/** Newton's method on a column-major design (column k at `k * n`); the intercept is implicit. */
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
  // the linear predictor of every row, moved with each step rather than recomputed
  let eta = new Float64Array(n).fill(w[0]);
  let trial = new Float64Array(n);
  const residual = new Float64Array(n);
  const curvature = new Float64Array(n);
  const weighted = new Float64Array(n);
  const delta = new Float64Array(n);
  const next = new Float64Array(size);
  let loss = dataLoss(eta, labels, n) + penalty(w, l2);
  const hessian = new Float64Array(size * size);
  const gradient = new Float64Array(size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // The curvature settles after the first steps: the Hessian is refreshed on the first three iterations
    // and every third after, the gradient on every one (step halving keeps each step a descent).
    const refresh = iteration < 3 || iteration % 3 === 0;
    const [residualSum, curvatureSum] = residuals(eta, labels, residual, curvature, n);
    gradient[0] = residualSum;
    for (let k = 0; k < width; k++) gradient[k + 1] = dot(residual, 0, design, k * n, n) + l2 * w[k + 1]!;
    if (refresh) {
      hessian[0] = curvatureSum + 1e-9;
      for (let k = 0; k < width; k++) {
        const row = (k + 1) * size;
        const sum = product(weighted, curvature, design, k * n, n);
        hessian[row] = sum;
        hessian[k + 1] = sum;
        for (let l = 0; l <= k; l++) {
          const value = dot(weighted, 0, design, l * n, n);
          hessian[row + l + 1] = value;
          hessian[(l + 1) * size + k + 1] = value;
        }
        hessian[row + k + 1] = hessian[row + k + 1]! + l2;
      }
    }
    const step = choleskySolve(hessian, gradient, size);
    // the step's move of every row's linear predictor
    delta.fill(step[0]!);
    for (let k = 0; k < width; k++) addScaled(delta, step[k + 1]!, design, k * n, n);
    let scale = 1;
    let nextLoss = loss;
    // step halving keeps every iteration a descent step
    for (let attempt = 0; attempt < 20; attempt++) {
      for (let k = 0; k < size; k++) next[k] = w[k]! - scale * step[k]!;
      subtractScaled(trial, eta, scale, delta, n);
      nextLoss = dataLoss(trial, labels, n) + penalty(next, l2);
      if (nextLoss <= loss + 1e-12) break;
      scale /= 2;
    }
    let largest = 0;
    for (let k = 0; k < size; k++) largest = Math.max(largest, Math.abs(next[k]! - w[k]!));
    w.set(next);
    const swap = eta;
    eta = trial;
    trial = swap;
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
