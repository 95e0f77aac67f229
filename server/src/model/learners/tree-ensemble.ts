import type { BoostedTreesJson, FeatureRow, FittedLearner } from './learner.ts';

function depthOf(json: BoostedTreesJson, node: number): number {
  if (json.feature[node]! < 0) return 0;
  return 1 + Math.max(depthOf(json, json.left[node]!), depthOf(json, json.right[node]!));
}

/**
 * One or more tree ensembles compiled into complete binary trees of one depth, stored level by level
 * in flat typed arrays: prediction is `depth` branch-free steps per tree with index arithmetic. A leaf
 * above the full depth becomes pass-through slots (feature 0 against +∞, same value) that attribute
 * nothing. Several models share one compiled forest so a bootstrap ensemble is one tight loop.
 */
interface CompiledForest {
  depth: number;
  slotsPerTree: number;
  feature: Int32Array;
  threshold: Float64Array;
  missingRight: Uint8Array;
  value: Float64Array;
  /** Slot offset where model m's trees start; modelStart[models] = end. */
  modelStart: Int32Array;
  inits: Float64Array;
}

function compileForest(models: readonly BoostedTreesJson[]): CompiledForest {
  const depth = Math.max(0, ...models.flatMap((json) => json.roots.map((root) => depthOf(json, root))));
  const internalPerTree = (1 << depth) - 1;
  const slotsPerTree = (1 << (depth + 1)) - 1;
  const trees = models.reduce((sum, json) => sum + json.roots.length, 0);
  const feature = new Int32Array(trees * slotsPerTree);
  const threshold = new Float64Array(trees * slotsPerTree);
  const missingRight = new Uint8Array(trees * slotsPerTree);
  const value = new Float64Array(trees * slotsPerTree);
  const modelStart = new Int32Array(models.length + 1);
  let tree = 0;
  models.forEach((json, m) => {
    modelStart[m] = tree * slotsPerTree;
    const fill = (base: number, slot: number, node: number) => {
      value[base + slot] = json.value[node]!;
      if (slot >= internalPerTree) return;
      const isLeaf = json.feature[node]! < 0;
      feature[base + slot] = isLeaf ? 0 : json.feature[node]!;
      threshold[base + slot] = isLeaf ? Number.POSITIVE_INFINITY : json.threshold[node]!;
      missingRight[base + slot] = isLeaf || json.missingLeft[node] === 1 ? 0 : 1;
      fill(base, 2 * slot + 1, isLeaf ? node : json.left[node]!);
      fill(base, 2 * slot + 2, isLeaf ? node : json.right[node]!);
    };
    for (const root of json.roots) fill(tree++ * slotsPerTree, 0, root);
  });
  modelStart[models.length] = tree * slotsPerTree;
  return {
    depth,
    slotsPerTree,
    feature,
    threshold,
    missingRight,
    value,
    modelStart,
    inits: Float64Array.from(models, (json) => json.init),
  };
}

// Random inputs make split branches unpredictable, and mispredictions cost more than the arithmetic.
// `v !== v` is the NaN test; NaN compares false, so it goes right only where the split says so.
function forestLogit(forest: CompiledForest, model: number, x: FeatureRow, offset: number): number {
  const { depth, slotsPerTree, feature, threshold, missingRight, value } = forest;
  let sum = forest.inits[model]!;
  const end = forest.modelStart[model + 1]!;
  for (let base = forest.modelStart[model]!; base < end; base += slotsPerTree) {
    let slot = 0;
    for (let level = 0; level < depth; level++) {
      const i = base + slot;
      const v = x[offset + feature[i]!]!;
      slot = 2 * slot + 1 + (Number(v > threshold[i]!) | (Number(v !== v) & missingRight[i]!));
    }
    sum += value[base + slot]!;
  }
  return sum;
}

/** Every model's logit for one row, into `out` (one entry per model). */
export function createForestScorer(
  models: readonly BoostedTreesJson[],
): (x: FeatureRow, out: Float64Array) => void {
  const forest = compileForest(models);
  return (x, out) => {
    for (let m = 0; m < models.length; m++) out[m] = forestLogit(forest, m, x, 0);
  };
}

export function treesFromJson(json: BoostedTreesJson): FittedLearner {
  const forest = compileForest([json]);
  const { depth, slotsPerTree, feature, threshold, missingRight, value } = forest;
  return {
    kind: 'boosted_trees',
    logit: (x: FeatureRow, offset = 0) => forestLogit(forest, 0, x, offset),
    // Saabas path attribution: each split credits its feature with the change in node value.
    explain(x: FeatureRow, out: Float64Array) {
      out.fill(0);
      let bias = json.init;
      for (let base = 0; base < feature.length; base += slotsPerTree) {
        let slot = 0;
        bias += value[base]!;
        for (let level = 0; level < depth; level++) {
          const i = base + slot;
          const f = feature[i]!;
          const v = x[f]!;
          const next = 2 * slot + 1 + (Number(v > threshold[i]!) | (Number(v !== v) & missingRight[i]!));
          out[f]! += value[base + next]! - value[i]!;
          slot = next;
        }
      }
      return bias;
    },
    toJSON: () => json,
  };
}
