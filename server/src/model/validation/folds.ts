import { createRandom, shuffleInPlace } from '../random.ts';

/** One train/test split, as row indices. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/** Stratified k-fold: each class is shuffled (seeded) and dealt round-robin, so every fold keeps the base rate. */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): Fold[] {
  const random = createRandom(seed);
  const assignment = new Int32Array(labels.length);
  for (const label of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) members.push(i);
    shuffleInPlace(members, random);
    members.forEach((row, k) => (assignment[row] = k % folds));
  }
  return Array.from({ length: folds }, (_, fold) => ({
    train: Int32Array.from(indicesWhere(assignment, (a) => a !== fold)),
    test: Int32Array.from(indicesWhere(assignment, (a) => a === fold)),
  })).filter((fold) => fold.test.length > 0 && fold.train.length > 0);
}

function indicesWhere(assignment: Int32Array, keep: (fold: number) => boolean): number[] {
  const result: number[] = [];
  for (let i = 0; i < assignment.length; i++) if (keep(assignment[i]!)) result.push(i);
  return result;
}

/** Row indices ordered by time (stable: equal times keep their input order). */
export function timeOrder(times: ArrayLike<number>): number[] {
  return Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
}

// Moves a cut forward to the next change of time, so rows of the same date never straddle train and test.
function snapToTimeChange(order: number[], times: ArrayLike<number>, cut: number): number {
  let position = Math.max(1, Math.min(order.length, cut));
  while (position < order.length && times[order[position]!] === times[order[position - 1]!]) position++;
  return position;
}

/** Train on the earliest `trainShare` of rows, test on the rest (cut at a change of time). */
export function timeSplit(times: ArrayLike<number>, trainShare = 0.75): Fold {
  const order = timeOrder(times);
  const cut = snapToTimeChange(order, times, Math.round(order.length * trainShare));
  return { train: Int32Array.from(order.slice(0, cut)), test: Int32Array.from(order.slice(cut)) };
}

/**
 * Forward chaining: the time-ordered rows are cut in `blocks` blocks; block b is predicted by a model
 * trained on blocks 0..b-1. Every row but the first block gets an out-of-time prediction.
 */
export function forwardChainingFolds(times: ArrayLike<number>, blocks: number): Fold[] {
  const order = timeOrder(times);
  const cuts = [0];
  for (let b = 1; b < blocks; b++) {
    const cut = snapToTimeChange(order, times, Math.round((order.length * b) / blocks));
    if (cut > cuts.at(-1)! && cut < order.length) cuts.push(cut);
  }
  cuts.push(order.length);
  const folds: Fold[] = [];
  for (let b = 1; b < cuts.length - 1; b++) {
    folds.push({
      train: Int32Array.from(order.slice(0, cuts[b]!)),
      test: Int32Array.from(order.slice(cuts[b]!, cuts[b + 1]!)),
    });
  }
  return folds;
}
