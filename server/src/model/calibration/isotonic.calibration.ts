import { clampProbability, type Calibrator } from './calibrator.ts';

export interface IsotonicOptions {
  /** Rows a step holds at least: smaller steps are pooled with their neighbour. Default max(20, n / 100). */
  minBlockRows?: number;
  /** The parametric calibration each step is shrunk towards (Platt), with `shrinkRows` pseudo-rows. */
  prior?: (rawLogit: number) => number;
  /** Weight of the prior, in rows. Default 10. */
  shrinkRows?: number;
}

interface Block {
  /** Sum of labels (or of shrunk rates × weight), weight, sum of scores. */
  sum: number;
  weight: number;
  scoreSum: number;
}

// Pool-adjacent-violators over blocks already in score order: the best non-decreasing step function.
function pool(blocks: Block[]): Block[] {
  const pooled: Block[] = [];
  for (const block of blocks) {
    pooled.push({ ...block });
    while (
      pooled.length > 1 &&
      pooled.at(-2)!.sum / pooled.at(-2)!.weight >= pooled.at(-1)!.sum / pooled.at(-1)!.weight
    ) {
      const last = pooled.pop()!;
      const previous = pooled.at(-1)!;
      previous.sum += last.sum;
      previous.weight += last.weight;
      previous.scoreSum += last.scoreSum;
    }
  }
  return pooled;
}

/**
 * Isotonic regression by pool-adjacent-violators: the best non-decreasing step function of the raw
 * score. A step holds at least `minBlockRows` rows and is shrunk towards the parametric fit, so a handful
 * of rows never becomes a near-certain probability. Prediction interpolates linearly between step
 * centres, so nearby scores do not jump.
 */
export function fitIsotonic(
  rawLogits: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: IsotonicOptions = {},
): Calibrator {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort(
    (a, b) => rawLogits[a]! - rawLogits[b]!,
  );
  const steps = pool(order.map((i) => ({ sum: labels[i]!, weight: 1, scoreSum: rawLogits[i]! })));
  // small steps pooled with their neighbour: merging adjacent steps keeps the function non-decreasing
  const minRows = options.minBlockRows ?? Math.max(20, Math.round(labels.length / 100));
  const sized: Block[] = [];
  for (const step of steps) {
    const last = sized.at(-1);
    if (last && last.weight < minRows) {
      last.sum += step.sum;
      last.weight += step.weight;
      last.scoreSum += step.scoreSum;
    } else sized.push({ ...step });
  }
  while (sized.length > 1 && sized.at(-1)!.weight < minRows) {
    const last = sized.pop()!;
    const previous = sized.at(-1)!;
    previous.sum += last.sum;
    previous.weight += last.weight;
    previous.scoreSum += last.scoreSum;
  }
  const k = options.prior ? (options.shrinkRows ?? 10) : 0;
  const shrunk = pool(
    sized.map((block) => {
      const centre = block.scoreSum / block.weight;
      const prior = options.prior ? options.prior(centre) : 0;
      return { sum: block.sum + k * prior, weight: block.weight + k, scoreSum: centre * (block.weight + k) };
    }),
  );
  return isotonicFromJson({
    kind: 'isotonic',
    logits: shrunk.map((block) => block.scoreSum / block.weight),
    probabilities: shrunk.map((block) => clampProbability(block.sum / block.weight)),
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
