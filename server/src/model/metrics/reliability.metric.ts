export interface ReliabilityBin {
  /** Bin bounds on the predicted probability: [lower, upper). The last bin includes 1. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (NaN when empty). */
  meanPredicted: number;
  /** Observed positive rate in the bin (NaN when empty). */
  observedRate: number;
}

/** Equal-width bins of predicted probability with the observed rate in each. */
export function reliabilityBins(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  binCount = 10,
): ReliabilityBin[] {
  const counts = new Array<number>(binCount).fill(0);
  const predictedSums = new Array<number>(binCount).fill(0);
  const positiveSums = new Array<number>(binCount).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]!;
    const bin = Math.min(binCount - 1, Math.max(0, Math.floor(p * binCount)));
    counts[bin]!++;
    predictedSums[bin]! += p;
    positiveSums[bin]! += labels[i]!;
  }
  return counts.map((count, bin) => ({
    lower: bin / binCount,
    upper: (bin + 1) / binCount,
    count,
    meanPredicted: count === 0 ? Number.NaN : predictedSums[bin]! / count,
    observedRate: count === 0 ? Number.NaN : positiveSums[bin]! / count,
  }));
}

/** Expected calibration error: the count-weighted mean gap between predicted and observed per bin. */
export function expectedCalibrationError(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  binCount = 10,
): number {
  if (labels.length === 0) return Number.NaN;
  let sum = 0;
  for (const bin of reliabilityBins(labels, probabilities, binCount)) {
    if (bin.count > 0) sum += bin.count * Math.abs(bin.meanPredicted - bin.observedRate);
  }
  return sum / labels.length;
}
