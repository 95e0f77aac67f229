import type { FeatureMatrix } from './learner.ts';

/**
 * Quantile bins per feature, computed once per training set and shared by every fit on it.
 * Bin 0 holds missing values; bin b ≥ 1 holds values in (edges[b-2], edges[b-1]], the last bin the rest.
 */
export interface BinnedMatrix {
  rows: number;
  cols: number;
  /** Row-major bin index per cell. */
  bins: Uint8Array;
  /** Upper edges per feature; feature j has edges[j].length + 1 non-missing bins. */
  edges: Float64Array[];
  /** Number of bins per feature including the missing bin. */
  binCounts: Int32Array;
}

export function binMatrix(x: FeatureMatrix, maxBins = 64): BinnedMatrix {
  const { rows, cols, data } = x;
  const bins = new Uint8Array(rows * cols);
  const edges: Float64Array[] = [];
  const binCounts = new Int32Array(cols);
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    let present = 0;
    for (let r = 0; r < rows; r++) {
      const value = data[r * cols + j]!;
      if (!Number.isNaN(value)) column[present++] = value;
    }
    const featureEdges = quantileEdges(column.subarray(0, present).slice().sort(), maxBins - 2);
    edges.push(featureEdges);
    binCounts[j] = featureEdges.length + 2;
    for (let r = 0; r < rows; r++) {
      const value = data[r * cols + j]!;
      bins[r * cols + j] = Number.isNaN(value) ? 0 : 1 + upperBound(featureEdges, value);
    }
  }
  return { rows, cols, bins, edges, binCounts };
}

// Number of edges strictly below `value`: the value falls in the first bin whose edge is ≥ it.
function upperBound(edges: Float64Array, value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (edges[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function quantileEdges(sorted: Float64Array, maxEdges: number): Float64Array {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  // every distinct value but the largest is an edge when they fit; otherwise quantiles
  if (distinct.length - 1 <= maxEdges) return Float64Array.from(distinct.slice(0, -1));
  const chosen: number[] = [];
  for (let q = 1; q <= maxEdges; q++) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((q * sorted.length) / (maxEdges + 1)))]!;
    if (
      value < distinct[distinct.length - 1]! &&
      (chosen.length === 0 || value > chosen[chosen.length - 1]!)
    ) {
      chosen.push(value);
    }
  }
  return Float64Array.from(chosen);
}
