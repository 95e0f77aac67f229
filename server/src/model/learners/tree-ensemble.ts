import type { BoostedTreesJson, FeatureRow, FittedLearner } from './learner.ts';

/** A fitted tree ensemble in flat typed arrays: prediction walks ~depth nodes per tree. */
export function treesFromJson(json: BoostedTreesJson): FittedLearner {
  const roots = Int32Array.from(json.roots);
  const feature = Int32Array.from(json.feature);
  const threshold = Float64Array.from(json.threshold);
  const missingLeft = Uint8Array.from(json.missingLeft);
  const left = Int32Array.from(json.left);
  const right = Int32Array.from(json.right);
  const value = Float64Array.from(json.value);
  const init = json.init;

  const child = (node: number, x: FeatureRow, offset: number) => {
    const v = x[offset + feature[node]!]!;
    if (Number.isNaN(v)) return missingLeft[node] === 1 ? left[node]! : right[node]!;
    return v <= threshold[node]! ? left[node]! : right[node]!;
  };

  return {
    kind: 'boosted_trees',
    logit(x: FeatureRow, offset = 0) {
      let sum = init;
      for (let t = 0; t < roots.length; t++) {
        let node = roots[t]!;
        while (feature[node]! >= 0) node = child(node, x, offset);
        sum += value[node]!;
      }
      return sum;
    },
    // Saabas path attribution: each split credits its feature with the change in node value.
    explain(x: FeatureRow, out: Float64Array) {
      out.fill(0);
      let bias = init;
      for (let t = 0; t < roots.length; t++) {
        let node = roots[t]!;
        bias += value[node]!;
        while (feature[node]! >= 0) {
          const next = child(node, x, 0);
          out[feature[node]!]! += value[next]! - value[node]!;
          node = next;
        }
      }
      return bias;
    },
    toJSON: () => json,
  };
}
