// Proper scoring rules on predicted probabilities.

export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i]! - labels[i]!) ** 2;
  return labels.length === 0 ? Number.NaN : sum / labels.length;
}

export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    // clipped so one confident miss does not make the mean infinite
    const p = Math.min(1 - 1e-6, Math.max(1e-6, probabilities[i]!));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return labels.length === 0 ? Number.NaN : sum / labels.length;
}

/** Positive rate among the top 10 % by score over the overall positive rate. */
export function liftTopDecile(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  if (n === 0 || positives === 0) return Number.NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const top = Math.max(1, Math.ceil(n / 10));
  let topPositives = 0;
  for (let k = 0; k < top; k++) topPositives += labels[order[k]!]!;
  return topPositives / top / (positives / n);
}
