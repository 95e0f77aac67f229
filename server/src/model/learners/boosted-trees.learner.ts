import { binMatrix, type BinnedMatrix } from './histogram-bins.ts';
import type { BoostedTreesJson, PreparedLearner, TrainingSet } from './learner.ts';
import { treesFromJson } from './tree-ensemble.ts';
import { createRandom } from '../random.ts';

export interface BoostingOptions {
  rounds?: number;
  depth?: number;
  /** Learning rate applied to every leaf. */
  shrinkage?: number;
  /** L2 penalty on leaf values (the λ of the Newton step). */
  l2?: number;
  minLeafRows?: number;
  /** Share of rows each tree is grown on (default: 0.5 from 5,000 rows, else all). */
  subsample?: number;
  seed?: number;
}

const MAX_BINS = 64;

/**
 * Gradient-boosted shallow trees on the log-loss with Newton leaves and histogram splits. Missing
 * values sit in their own bin and each split learns which side they go to.
 */
export function prepareBoostedTrees(set: TrainingSet, options: BoostingOptions = {}): PreparedLearner {
  const binned = binMatrix(set.x, MAX_BINS);
  const cells = cellIndices(binned);
  return {
    kind: 'boosted_trees',
    fit: (rowIndices) => treesFromJson(fitBoosted(binned, cells, set.y, rowIndices, options)),
  };
}

// Per (feature, bin) cell: gradient sum, hessian sum, row count — interleaved for cache locality. Feature f's
// cells start at cell binStart[f] and there are only as many as it has bins (a one-hot column has three).
type Histogram = Float64Array;

function binStarts(binCounts: Int32Array): Int32Array {
  const starts = new Int32Array(binCounts.length + 1);
  for (let f = 0; f < binCounts.length; f++) starts[f + 1] = starts[f]! + binCounts[f]!;
  return starts;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
}

// Scans every feature's bins for the split with the best log-loss gain; missing values try both sides.
function findBestSplit(
  histogram: Histogram,
  binCounts: Int32Array,
  binStart: Int32Array,
  cols: number,
  totalG: number,
  totalH: number,
  totalCount: number,
  l2: number,
  minLeaf: number,
): Split | null {
  const parentScore = (totalG * totalG) / (totalH + l2);
  let bestGain = 1e-9;
  let bestFeature = -1;
  let bestBin = 0;
  let bestMissingLeft = false;
  for (let f = 0; f < cols; f++) {
    const offset = binStart[f]! * 3;
    const missingG = histogram[offset]!;
    const missingH = histogram[offset + 1]!;
    const missingCount = histogram[offset + 2]!;
    // with no missing value at this node, unseen ones follow the larger side
    const tryBoth = missingCount > 0;
    let leftG = 0;
    let leftH = 0;
    let leftCount = 0;
    const lastBin = binCounts[f]! - 1;
    for (let b = 1; b < lastBin; b++) {
      leftG += histogram[offset + 3 * b]!;
      leftH += histogram[offset + 3 * b + 1]!;
      leftCount += histogram[offset + 3 * b + 2]!;
      const rightCount = totalCount - leftCount - missingCount;
      // missing to the right
      if (leftCount >= minLeaf && rightCount + missingCount >= minLeaf) {
        const gR = totalG - leftG;
        const gain = (leftG * leftG) / (leftH + l2) + (gR * gR) / (totalH - leftH + l2) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          bestBin = b;
          bestMissingLeft = !tryBoth && leftCount >= rightCount;
        }
      }
      // missing to the left
      if (tryBoth && leftCount + missingCount >= minLeaf && rightCount >= minLeaf) {
        const gL = leftG + missingG;
        const hL = leftH + missingH;
        const gR = totalG - gL;
        const gain = (gL * gL) / (hL + l2) + (gR * gR) / (totalH - hL + l2) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          bestBin = b;
          bestMissingLeft = true;
        }
      }
    }
  }
  return bestFeature < 0
    ? null
    : { gain: bestGain, feature: bestFeature, bin: bestBin, missingLeft: bestMissingLeft };
}

// Each cell's first slot in a histogram, per row and feature: (binStart[f] + bin) · 3, worked out once per
// training set rather than on every histogram pass.
function cellIndices(binned: BinnedMatrix): Uint16Array | Int32Array {
  const { rows, cols, bins, binCounts } = binned;
  const binStart = binStarts(binCounts);
  const cells = binStart[cols]! * 3 <= 0xffff ? new Uint16Array(rows * cols) : new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let f = 0; f < cols; f++) cells[r * cols + f] = (binStart[f]! + bins[r * cols + f]!) * 3;
  return cells;
}

// A plain function with its arrays as locals: the hot loop of the whole learner.
function accumulateHistogram(
  histogram: Histogram,
  cells: Uint16Array | Int32Array,
  cols: number,
  order: Int32Array,
  rowBase: Int32Array,
  gradient: Float64Array,
  hessian: Float64Array,
  start: number,
  end: number,
): void {
  for (let p = start; p < end; p++) {
    const sample = order[p]!;
    const base = rowBase[sample]!;
    const g = gradient[sample]!;
    const h = hessian[sample]!;
    const last = base + cols;
    for (let c = base; c < last; c++) {
      const cell = cells[c]!;
      histogram[cell]! += g;
      histogram[cell + 1]! += h;
      histogram[cell + 2]! += 1;
    }
  }
}

// Small kernels rather than one long function: each is optimised once, early, and cheaply.
function newtonTerms(
  score: Float64Array,
  y: Uint8Array,
  rowIndices: Int32Array,
  gradient: Float64Array,
  hessian: Float64Array,
  m: number,
): void {
  for (let i = 0; i < m; i++) {
    const p = 1 / (1 + Math.exp(-score[i]!));
    gradient[i] = p - y[rowIndices[i]!]!;
    hessian[i] = Math.max(p * (1 - p), 1e-12);
  }
}

function sumAt(values: Float64Array, order: Int32Array, start: number, end: number): number {
  let sum = 0;
  for (let p = start; p < end; p++) sum += values[order[p]!]!;
  return sum;
}

function addAt(values: Float64Array, order: Int32Array, value: number, start: number, end: number): void {
  for (let p = start; p < end; p++) values[order[p]!]! += value;
}

function subtract(out: Float64Array, whole: Float64Array, part: Float64Array): void {
  for (let c = 0; c < out.length; c++) out[c] = whole[c]! - part[c]!;
}

// Partitions the node's samples in place, left block first; returns where the right block starts.
function partition(
  order: Int32Array,
  bins: Uint8Array,
  rowBase: Int32Array,
  split: Split,
  start: number,
  end: number,
): number {
  const { feature, bin: splitBin, missingLeft } = split;
  let middle = start;
  for (let p = start; p < end; p++) {
    const sample = order[p]!;
    const bin = bins[rowBase[sample]! + feature]!;
    if (bin === 0 ? missingLeft : bin <= splitBin) {
      order[p] = order[middle]!;
      order[middle++] = sample;
    }
  }
  return middle;
}

function fitBoosted(
  binned: BinnedMatrix,
  cells: Uint16Array | Int32Array,
  y: Uint8Array,
  rowIndices: Int32Array,
  options: BoostingOptions,
): BoostedTreesJson {
  const rounds = options.rounds ?? 100;
  const maxDepth = options.depth ?? 4;
  const shrinkage = options.shrinkage ?? 0.15;
  const l2 = options.l2 ?? 1;
  const minLeaf = options.minLeafRows ?? 10;
  const { cols, bins, binCounts, edges } = binned;
  const binStart = binStarts(binCounts);
  const emptyHistogram = () => new Float64Array(binStart[cols]! * 3);
  const m = rowIndices.length;
  // on large sets each tree sees half the rows (Friedman's stochastic boosting): half the cost, less overfit
  const subsample = options.subsample ?? (m >= 5000 ? 0.5 : 1);
  const random = createRandom(options.seed ?? 1);
  let positives = 0;
  for (let i = 0; i < m; i++) positives += y[rowIndices[i]!]!;
  const init = Math.log((positives + 0.5) / (m - positives + 0.5));
  const score = new Float64Array(m).fill(init);
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m);
  const order = new Int32Array(m);
  const rowBase = new Int32Array(m);
  for (let i = 0; i < m; i++) rowBase[i] = rowIndices[i]! * cols;
  const splitBin: number[] = [];
  const json: BoostedTreesJson = {
    kind: 'boosted_trees',
    init,
    roots: [],
    feature: [],
    threshold: [],
    missingLeft: [],
    left: [],
    right: [],
    value: [],
  };

  // Histograms are reused, not allocated per node: the two children of a node at depth d write into the
  // pair of level d + 1, which the left subtree has finished with before the right one needs it.
  const rootHistogram = emptyHistogram();
  const allSampled = subsample >= 1;
  const levels = Array.from({ length: maxDepth + 1 }, () => [emptyHistogram(), emptyHistogram()]);

  // `histogram` is null for nodes at the maximum depth: they only need their totals
  const buildNode = (start: number, end: number, depth: number, histogram: Histogram | null): number => {
    let totalG = 0;
    let totalH = 0;
    if (histogram === null) {
      totalG = sumAt(gradient, order, start, end);
      totalH = sumAt(hessian, order, start, end);
    } else {
      for (let b = 0; b < binCounts[0]!; b++) {
        totalG += histogram[3 * b]!;
        totalH += histogram[3 * b + 1]!;
      }
    }
    const node = json.feature.length;
    json.feature.push(-1);
    json.threshold.push(0);
    json.missingLeft.push(0);
    json.left.push(-1);
    json.right.push(-1);
    json.value.push((-totalG / (totalH + l2)) * shrinkage);
    splitBin.push(0);
    const split =
      histogram !== null && end - start >= 2 * minLeaf
        ? findBestSplit(histogram, binCounts, binStart, cols, totalG, totalH, end - start, l2, minLeaf)
        : null;
    if (split === null) {
      // every row was sampled: the leaf's rows are `order[start, end)`, no need to walk the tree for them
      if (allSampled) addAt(score, order, json.value[node]!, start, end);
      return node;
    }
    // partition the node's samples in place: left block first
    const middle = partition(order, bins, rowBase, split, start, end);
    json.feature[node] = split.feature;
    json.threshold[node] = edges[split.feature]![split.bin - 1]!;
    json.missingLeft[node] = split.missingLeft ? 1 : 0;
    splitBin[node] = split.bin;
    let leftHistogram: Histogram | null = null;
    let rightHistogram: Histogram | null = null;
    if (depth + 1 < maxDepth) {
      // histogram subtraction: accumulate the smaller child, derive the larger one
      const small = levels[depth + 1]![0]!;
      const large = levels[depth + 1]![1]!;
      small.fill(0);
      const leftIsSmall = middle - start <= end - middle;
      if (leftIsSmall)
        accumulateHistogram(small, cells, cols, order, rowBase, gradient, hessian, start, middle);
      else accumulateHistogram(small, cells, cols, order, rowBase, gradient, hessian, middle, end);
      subtract(large, histogram!, small);
      leftHistogram = leftIsSmall ? small : large;
      rightHistogram = leftIsSmall ? large : small;
    }
    json.left[node] = buildNode(start, middle, depth + 1, leftHistogram);
    json.right[node] = buildNode(middle, end, depth + 1, rightHistogram);
    return node;
  };

  for (let round = 0; round < rounds; round++) {
    newtonTerms(score, y, rowIndices, gradient, hessian, m);
    let sampled = 0;
    for (let i = 0; i < m; i++) if (subsample >= 1 || random() < subsample) order[sampled++] = i;
    rootHistogram.fill(0);
    accumulateHistogram(rootHistogram, cells, cols, order, rowBase, gradient, hessian, 0, sampled);
    const root = buildNode(0, sampled, 0, maxDepth > 0 ? rootHistogram : null);
    json.roots.push(root);
    // every row, sampled or not, moves by its leaf's value (already done at the leaves when all were sampled)
    for (let i = 0; i < (allSampled ? 0 : m); i++) {
      let node = root;
      while (json.feature[node]! >= 0) {
        const bin = bins[rowBase[i]! + json.feature[node]!]!;
        const goLeft = bin === 0 ? json.missingLeft[node] === 1 : bin <= splitBin[node]!;
        node = goLeft ? json.left[node]! : json.right[node]!;
      }
      score[i]! += json.value[node]!;
    }
  }
  return json;
}
