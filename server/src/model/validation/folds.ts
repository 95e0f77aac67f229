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

/**
 * Stratified k-fold over groups: every row of a group (an account) lands in the same fold, so no entity is
 * both trained on and tested. Groups are dealt largest-in-positives first (seeded ties) to the fold with
 * the fewest positives, then the fewest rows, which keeps the base rate and the sizes close across folds.
 */
export function groupedStratifiedFolds(
  labels: ArrayLike<number>,
  groups: ArrayLike<number>,
  folds: number,
  seed: number,
): Fold[] {
  let groupCount = 0;
  for (let i = 0; i < groups.length; i++) groupCount = Math.max(groupCount, groups[i]! + 1);
  const sizes = new Int32Array(groupCount);
  const positives = new Int32Array(groupCount);
  for (let i = 0; i < labels.length; i++) {
    sizes[groups[i]!]!++;
    positives[groups[i]!]! += labels[i]!;
  }
  const order = Array.from({ length: groupCount }, (_, g) => g).filter((g) => sizes[g]! > 0);
  shuffleInPlace(order, createRandom(seed));
  // stable sort after a seeded shuffle: ties stay in random order
  order.sort((a, b) => positives[b]! - positives[a]! || sizes[b]! - sizes[a]!);
  const foldPositives = new Float64Array(folds);
  const foldRows = new Float64Array(folds);
  const foldOf = new Int32Array(groupCount);
  for (const g of order) {
    let best = 0;
    for (let f = 1; f < folds; f++) {
      const better =
        positives[g]! > 0
          ? foldPositives[f]! < foldPositives[best]! ||
            (foldPositives[f] === foldPositives[best] && foldRows[f]! < foldRows[best]!)
          : foldRows[f]! < foldRows[best]!;
      if (better) best = f;
    }
    foldOf[g] = best;
    foldPositives[best]! += positives[g]!;
    foldRows[best]! += sizes[g]!;
  }
  const assignment = Int32Array.from({ length: labels.length }, (_, i) => foldOf[groups[i]!]!);
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

/**
 * Training rows of a cut: those at least `gap` before the first test time, so that no training label's
 * horizon (which looks `gap` ahead of its row) reaches into the test period.
 */
function beforeGap(order: number[], times: ArrayLike<number>, cut: number, gap: number): number[] {
  if (cut >= order.length) return order.slice(0, cut);
  const limit = times[order[cut]!]! - gap;
  let end = cut;
  while (end > 0 && gap > 0 && times[order[end - 1]!]! > limit) end--;
  return order.slice(0, end);
}

/**
 * Train on the earliest `trainShare` of rows, test on the rest (cut at a change of time); training rows
 * within `gap` (the label's horizon, in the time column's unit) of the test period are left out.
 */
export function timeSplit(times: ArrayLike<number>, trainShare = 0.75, gap = 0): Fold {
  const order = timeOrder(times);
  const cut = snapToTimeChange(order, times, Math.round(order.length * trainShare));
  return {
    train: Int32Array.from(beforeGap(order, times, cut, gap)),
    test: Int32Array.from(order.slice(cut)),
  };
}

/**
 * Forward chaining: the time-ordered rows are cut in `blocks` blocks; block b is predicted by a model
 * trained on blocks 0..b-1 less the rows within `gap` of block b. Every row but the first block gets an
 * out-of-time prediction.
 */
export function forwardChainingFolds(times: ArrayLike<number>, blocks: number, gap = 0): Fold[] {
  const order = timeOrder(times);
  const cuts = [0];
  for (let b = 1; b < blocks; b++) {
    const cut = snapToTimeChange(order, times, Math.round((order.length * b) / blocks));
    if (cut > cuts.at(-1)! && cut < order.length) cuts.push(cut);
  }
  cuts.push(order.length);
  const folds: Fold[] = [];
  for (let b = 1; b < cuts.length - 1; b++) {
    const train = beforeGap(order, times, cuts[b]!, gap);
    if (train.length === 0) continue;
    folds.push({
      train: Int32Array.from(train),
      test: Int32Array.from(order.slice(cuts[b]!, cuts[b + 1]!)),
    });
  }
  return folds;
}
