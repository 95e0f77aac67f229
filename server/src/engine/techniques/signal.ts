// Builds signals from the catalogue so label, polarity, technique and default motion never drift.
import type { Motion, Signal } from '@ripe/shared';
import { signalCatalogue, type SignalCode } from '@ripe/shared';

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : Number.isFinite(value) ? value : 0;
}

/**
 * The strongest a signal read short of its threshold may be: a hint that adds to its technique's score
 * but never votes (convergence needs 0.4) nor blocks.
 */
export const HINT_MAX = 0.3;

/** 0 at `from`, 1 at `to`, linear between: a threshold read as a slope, not a step. */
export function ramp(value: number, from: number, to: number): number {
  return clamp01((value - from) / (to - from));
}

/** Rounds to 3 decimals: results stay readable in cards and stable in snapshots. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function makeSignal(
  code: SignalCode,
  strength: number,
  evidenceIds: string[],
  motion?: Motion,
): Signal {
  const entry = signalCatalogue[code];
  const defaultMotion = 'motion' in entry ? entry.motion : undefined;
  const chosen = motion ?? defaultMotion;
  return {
    code,
    technique: entry.technique,
    label: entry.label,
    polarity: entry.polarity,
    strength: round3(clamp01(strength)),
    ...(chosen ? { motion: chosen } : {}),
    evidenceIds,
  };
}

/** Probability that at least one of independent signals holds: 1 − Π(1 − s). */
export function noisyOr(strengths: readonly number[]): number {
  let miss = 1;
  for (const strength of strengths) miss *= 1 - clamp01(strength);
  return 1 - miss;
}

/** Positive evidence, discounted by the negative: the technique's score. */
export function scoreFromSignals(signals: readonly Signal[], negativeWeight = 0.6): number {
  let positiveMiss = 1;
  let negativeMiss = 1;
  for (const signal of signals) {
    if (signal.polarity === 'positive') positiveMiss *= 1 - signal.strength;
    else negativeMiss *= 1 - signal.strength;
  }
  return round3(clamp01((1 - positiveMiss) * (1 - negativeWeight * (1 - negativeMiss))));
}
