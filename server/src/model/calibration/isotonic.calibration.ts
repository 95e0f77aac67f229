import { clampProbability, type Calibrator } from './calibrator.ts';

/**
 * Isotonic regression by pool-adjacent-violators: the best non-decreasing step function of the raw
 * score. Prediction interpolates linearly between block centres, so nearby scores do not jump.
 */
export function fitIsotonic(rawLogits: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort(
    (a, b) => rawLogits[a]! - rawLogits[b]!,
  );
  // blocks: sum of labels, weight, sum of scores
  const sums: number[] = [];
  const weights: number[] = [];
  const scoreSums: number[] = [];
  for (const i of order) {
    sums.push(labels[i]!);
    weights.push(1);
    scoreSums.push(rawLogits[i]!);
    while (sums.length > 1 && sums.at(-2)! / weights.at(-2)! >= sums.at(-1)! / weights.at(-1)!) {
      const sum = sums.pop()!;
      const weight = weights.pop()!;
      const scoreSum = scoreSums.pop()!;
      sums[sums.length - 1]! += sum;
      weights[weights.length - 1]! += weight;
      scoreSums[scoreSums.length - 1]! += scoreSum;
    }
  }
  return isotonicFromJson({
    kind: 'isotonic',
    logits: scoreSums.map((sum, b) => sum / weights[b]!),
    probabilities: sums.map((sum, b) => clampProbability(sum / weights[b]!)),
  });
}

export function isotonicFromJson(json: {
  kind: 'isotonic';
  logits: number[];
  probabilities: number[];
}): Calibrator {
  const { logits, probabilities } = json;
  return {
    kind: 'isotonic',
    probability(rawLogit) {
      const last = logits.length - 1;
      if (last < 0) return 0.5;
      if (rawLogit <= logits[0]!) return probabilities[0]!;
      if (rawLogit >= logits[last]!) return probabilities[last]!;
      let low = 0;
      let high = last;
      while (high - low > 1) {
        const mid = (low + high) >> 1;
        if (logits[mid]! <= rawLogit) low = mid;
        else high = mid;
      }
      const span = logits[high]! - logits[low]!;
      const t = span > 0 ? (rawLogit - logits[low]!) / span : 0;
      return probabilities[low]! + t * (probabilities[high]! - probabilities[low]!);
    },
    toJSON: () => json,
  };
}
