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
  const features = byColumn(set);
  return { kind: 'logistic', fit: (rowIndices) => fitLogistic(set, features, rowIndices, options) };
}

// The set's features column by column (column j at `j * rows`), once per training set: every fit then reads
// contiguous columns.
function byColumn(set: TrainingSet): Float64Array {
  const { rows, cols, data } = set.x;
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) values[j * rows + r] = data[r * cols + j]!;
  return values;
}

/**
 * The median of the present (non-NaN) values, `count` of them: read off the counts when there are at most
 * two distinct values (a one-hot level, a flag), else sorted.
 */
export function medianOfPresent(values: Float64Array, count: number): number {
  if (count === 0) return 0;
  let low = Number.NaN;
  let high = Number.NaN;
  let lowCount = 0;
  let twoValued = true;
  for (let r = 0; r < values.length && twoValued; r++) {
    const value = values[r]!;
    if (Number.isNaN(value)) continue;
    if (Number.isNaN(low) || value === low) {
      low = value;
      lowCount++;
    } else if (Number.isNaN(high) || value === high) high = value;
    else twoValued = false;
  }
  const mid = count >> 1;
  if (twoValued) {
    if (high < low) {
      [low, high] = [high, low];
      lowCount = count - lowCount;
    }
    const at = (position: number) => (position < lowCount ? low : high);
    return count % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  }
  const sorted = new Float64Array(count);
  for (let r = 0, k = 0; r < values.length; r++) if (!Number.isNaN(values[r]!)) sorted[k++] = values[r]!;
  sorted.sort();
  return count % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The standardised design without an intercept column. Column k's value in row r is
 * `slope[k] · b + offset[k]`: b is a dense value for most columns (slope 1, offset 0), but a column taking
 * only two values (a one-hot level, a missing indicator) is stored as the rows where its rarer value
 * occurs (b = 1 there, 0 elsewhere), so its products cost what it holds, not a pass over every row.
 */
interface Design {
  n: number;
  width: number;
  slope: Float64Array;
  offset: Float64Array;
  /** Dense columns' b, column-major: block i at `i * n`. */
  dense: Float64Array;
  /** Per design column: its dense block, or -1 when sparse. */
  block: Int32Array;
  /** Per design column: the rows with b = 1 (empty for a dense column). */
  rows: Int32Array[];
  /** Sparse columns by row (CSR): row r's are `rowColumns[rowStart[r] .. rowStart[r + 1])`, ascending. */
  rowStart: Int32Array;
  rowColumns: Int32Array;
}

// Builds the design from each column's values (imputed, not yet standardised), mean and scale.
function buildDesign(
  n: number,
  columns: Array<{ values: Float64Array; mean: number; scale: number }>,
): Design {
  const width = columns.length;
  const slope = new Float64Array(width);
  const offset = new Float64Array(width);
  const block = new Int32Array(width).fill(-1);
  const rows: Int32Array[] = [];
  let denseCount = 0;
  const pairs: Array<[number, number] | null> = columns.map(({ values }) => {
    const first = values[0]!;
    let second = first;
    let secondCount = 0;
    for (let r = 0; r < n; r++) {
      const value = values[r]!;
      if (value === first) continue;
      if (secondCount > 0 && value !== second) return null;
      second = value;
      secondCount++;
    }
    return secondCount > 0 ? [first, second] : null;
  });
  columns.forEach((column, k) => {
    if (pairs[k] === null) block[k] = denseCount++;
  });
  const dense = new Float64Array(denseCount * n);
  const counts = new Int32Array(n + 1);
  columns.forEach(({ values, mean, scale }, k) => {
    const pair = pairs[k];
    if (pair === null || pair === undefined) {
      const base = block[k]! * n;
      for (let r = 0; r < n; r++) dense[base + r] = (values[r]! - mean) / scale;
      slope[k] = 1;
      offset[k] = 0;
      rows.push(new Int32Array(0));
      return;
    }
    // b marks the rarer of the two values
    let secondCount = 0;
    for (let r = 0; r < n; r++) if (values[r] === pair[1]) secondCount++;
    const [common, rare] = secondCount <= n - secondCount ? pair : [pair[1], pair[0]];
    const marked = new Int32Array(Math.min(secondCount, n - secondCount));
    let m = 0;
    for (let r = 0; r < n; r++) if (values[r] === rare) marked[m++] = r;
    for (let i = 0; i < marked.length; i++) counts[marked[i]! + 1]!++;
    rows.push(marked);
    slope[k] = (rare - common) / scale;
    offset[k] = (common - mean) / scale;
  });
  const rowStart = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) rowStart[r + 1] = rowStart[r]! + counts[r + 1]!;
  const rowColumns = new Int32Array(rowStart[n]!);
  const cursor = rowStart.slice(0, n);
  for (let k = 0; k < width; k++) {
    const marked = rows[k]!;
    for (let i = 0; i < marked.length; i++) rowColumns[cursor[marked[i]!]!++] = k;
  }
  return { n, width, slope, offset, dense, block, rows, rowStart, rowColumns };
}

function fitLogistic(
  set: TrainingSet,
  features: Float64Array,
  rowIndices: Int32Array,
  options: LogisticOptions,
): FittedLearner {
  const { x, y } = set;
  const cols = x.cols;
  const rows = x.rows;
  const n = rowIndices.length;
  const medians = new Array<number>(cols).fill(0);
  const means = new Array<number>(cols).fill(0);
  const scales = new Array<number>(cols).fill(1);
  const missingMeans = new Array<number>(cols).fill(0);
  // design columns: [feature j standardised] for varying features, then one missing indicator per distinct
  // missing pattern (the one-hot columns of a categorical share theirs)
  const featureColumn = new Array<number>(cols).fill(-1);
  const indicatorColumn = new Array<number>(cols).fill(-1);
  // the raw (imputed) values of each varying feature, then of each indicator, with their mean and scale
  const columns: Array<{ values: Float64Array; mean: number; scale: number }> = [];
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    const values = gather(features, base, rowIndices);
    let count = 0;
    for (let r = 0; r < n; r++) if (!Number.isNaN(values[r]!)) count++;
    medians[j] = medianOfPresent(values, count);
    missingMeans[j] = (n - count) / Math.max(1, n);
    let sum = 0;
    let sumSquares = 0;
    for (let r = 0; r < n; r++) {
      const raw = values[r]!;
      const value = Number.isNaN(raw) ? medians[j]! : raw;
      values[r] = value;
      sum += value;
      sumSquares += value * value;
    }
    means[j] = sum / Math.max(1, n);
    const variance = sumSquares / Math.max(1, n) - means[j]! * means[j]!;
    if (variance > 1e-12) {
      scales[j] = Math.sqrt(variance);
      featureColumn[j] = columns.length;
      columns.push({ values, mean: means[j]!, scale: scales[j]! });
    }
  }
  const indicators = sharedIndicators(features, rows, rowIndices, missingMeans);
  for (let j = 0; j < cols; j++) {
    const group = indicators.groupOf[j]!;
    if (group >= 0) indicatorColumn[j] = columns.length + group;
  }
  indicators.first.forEach((j, group) => {
    // k identical L2-penalised columns fit exactly as one column scaled by √k, each member's coefficient
    // being the shared one over √k
    const share = missingMeans[j]!;
    const factor = Math.sqrt(indicators.sizes[group]!);
    const values = new Float64Array(n);
    for (let r = 0; r < n; r++) values[r] = Number.isNaN(features[j * rows + rowIndices[r]!]!) ? 1 : 0;
    columns.push({ values, mean: share, scale: Math.sqrt(share * (1 - share)) / factor });
  });
  const design = buildDesign(n, columns);
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) labels[r] = y[rowIndices[r]!]!;
  const weights = newton(design, labels, options.l2 ?? 1, options.maxIterations ?? 30);

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
  columns: Float64Array,
  rows: number,
  rowIndices: Int32Array,
  missingMeans: readonly number[],
): { groupOf: Int32Array; first: number[]; sizes: number[] } {
  const n = rowIndices.length;
  const cols = missingMeans.length;
  const groupOf = new Int32Array(cols).fill(-1);
  const first: number[] = [];
  const sizes: number[] = [];
  for (let j = 0; j < cols; j++) {
    if (!(missingMeans[j]! > 0 && missingMeans[j]! < 1)) continue;
    let group = -1;
    for (let g = 0; g < first.length && group < 0; g++) {
      const other = first[g]!;
      if (missingMeans[other] !== missingMeans[j]) continue;
      if (sameMissing(columns, j * rows, other * rows, rowIndices, n)) group = g;
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

function sameMissing(columns: Float64Array, a: number, b: number, rowIndices: Int32Array, n: number) {
  for (let r = 0; r < n; r++) {
    const row = rowIndices[r]!;
    if (Number.isNaN(columns[a + row]!) !== Number.isNaN(columns[b + row]!)) return false;
  }
  return true;
}

function gather(values: Float64Array, base: number, rowIndices: Int32Array): Float64Array {
  const out = new Float64Array(rowIndices.length);
  for (let r = 0; r < rowIndices.length; r++) out[r] = values[base + rowIndices[r]!]!;
  return out;
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
function dot(a: Float64Array, b: Float64Array, bStart: number, n: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) sum += a[r]! * b[bStart + r]!;
  return sum;
}

function sumAt(values: Float64Array, rows: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += values[rows[i]!]!;
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

function addAt(out: Float64Array, value: number, rows: Int32Array): void {
  for (let i = 0; i < rows.length; i++) out[rows[i]!] = out[rows[i]!]! + value;
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

// Σ curvature over the rows holding both sparse columns, for every pair: gram[(i + 1) · size + j + 1], i > j.
function sparsePairs(design: Design, curvature: Float64Array, gram: Float64Array, size: number): void {
  const { n, rowStart, rowColumns } = design;
  for (let r = 0; r < n; r++) {
    const end = rowStart[r + 1]!;
    const weight = curvature[r]!;
    for (let p = rowStart[r]! + 1; p < end; p++) {
      const row = (rowColumns[p]! + 1) * size + 1;
      for (let q = rowStart[r]!; q < p; q++)
        gram[row + rowColumns[q]!] = gram[row + rowColumns[q]!]! + weight;
    }
  }
}

/**
 * The Hessian of the penalised log-loss: the curvature-weighted Gram matrix of [1, b] (lower triangle),
 * then moved to the standardised columns `slope · b + offset`.
 */
function fillHessian(
  design: Design,
  curvature: Float64Array,
  curvatureSum: number,
  weighted: Float64Array,
  gram: Float64Array,
  hessian: Float64Array,
  l2: number,
): void {
  const { n, width, dense, block, rows, slope, offset } = design;
  const size = width + 1;
  gram.fill(0);
  gram[0] = curvatureSum;
  for (let k = 0; k < width; k++) {
    const row = (k + 1) * size;
    if (block[k]! < 0) {
      // b² = b: the diagonal is the column's own sum
      const sum = sumAt(curvature, rows[k]!);
      gram[row] = sum;
      gram[row + k + 1] = sum;
      continue;
    }
    gram[row] = product(weighted, curvature, dense, block[k]! * n, n);
    for (let l = 0; l < width; l++) {
      if (block[l]! >= 0) {
        if (l <= k) gram[row + l + 1] = dot(weighted, dense, block[l]! * n, n);
      } else {
        const value = sumAt(weighted, rows[l]!);
        if (l < k) gram[row + l + 1] = value;
        else gram[(l + 1) * size + k + 1] = value;
      }
    }
  }
  sparsePairs(design, curvature, gram, size);
  hessian[0] = gram[0]! + 1e-9;
  for (let i = 0; i < width; i++) {
    const gi0 = gram[(i + 1) * size]!;
    const value = slope[i]! * gi0 + offset[i]! * gram[0]!;
    hessian[(i + 1) * size] = value;
    hessian[i + 1] = value;
    for (let j = 0; j <= i; j++) {
      const gj0 = gram[(j + 1) * size]!;
      const cell =
        slope[i]! * slope[j]! * gram[(i + 1) * size + j + 1]! +
        slope[i]! * offset[j]! * gi0 +
        offset[i]! * slope[j]! * gj0 +
        offset[i]! * offset[j]! * gram[0]!;
      hessian[(i + 1) * size + j + 1] = cell;
      hessian[(j + 1) * size + i + 1] = cell;
    }
    hessian[(i + 1) * size + i + 1] = hessian[(i + 1) * size + i + 1]! + l2;
  }
}

/** Newton's method on the design; the intercept is implicit. */
function newton(design: Design, labels: Float64Array, l2: number, maxIterations: number) {
  const { n, width, dense, block, rows, slope, offset } = design;
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
  const gram = new Float64Array(size * size);
  const hessian = new Float64Array(size * size);
  const gradient = new Float64Array(size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // The curvature settles after the first steps: the Hessian is refreshed on the first three iterations
    // and every third after, the gradient on every one (step halving keeps each step a descent).
    const refresh = iteration < 3 || iteration % 3 === 0;
    const [residualSum, curvatureSum] = residuals(eta, labels, residual, curvature, n);
    gradient[0] = residualSum;
    for (let k = 0; k < width; k++) {
      const sum = block[k]! >= 0 ? dot(residual, dense, block[k]! * n, n) : sumAt(residual, rows[k]!);
      gradient[k + 1] = slope[k]! * sum + offset[k]! * residualSum + l2 * w[k + 1]!;
    }
    if (refresh) fillHessian(design, curvature, curvatureSum, weighted, gram, hessian, l2);
    const step = choleskySolve(hessian, gradient, size);
    // the step's move of every row's linear predictor
    let shift = step[0]!;
    for (let k = 0; k < width; k++) shift += step[k + 1]! * offset[k]!;
    delta.fill(shift);
    for (let k = 0; k < width; k++) {
      if (block[k]! >= 0) addScaled(delta, step[k + 1]! * slope[k]!, dense, block[k]! * n, n);
      else addAt(delta, step[k + 1]! * slope[k]!, rows[k]!);
    }
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
    // a gain below 1e-7 of the loss leaves the log-odds within about 1e-3 (root mean square) of the optimum:
    // the steps after it mostly settle collinear directions (one-hot levels) that the predictions hardly see
    if (largest < 1e-7 || improvement < 1e-7 * Math.max(1, Math.abs(loss))) break;
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
