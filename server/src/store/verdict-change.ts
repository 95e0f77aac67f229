import { createHash } from 'node:crypto';
import type { Evidence, Readiness } from '@ripe/shared';

/** What happened to an account's verdict since the previous run. */
export type VerdictChangeKind = 'new' | 'readiness_changed' | 'score_moved' | 'unchanged';

export interface VerdictChange {
  accountId: string;
  change: VerdictChangeKind;
  readiness: Readiness;
  score: number;
  previousReadiness: Readiness | null;
  previousScore: number | null;
}

export interface ScoredState {
  readiness: Readiness;
  score: number;
}

/** Points on the 0–100 score that count as a move. */
export const defaultScoreMoveThreshold = 5;

/** A readiness change wins over a score move; no previous state means the account is new. */
export function classifyChange(
  previous: ScoredState | null,
  current: ScoredState,
  scoreMoveThreshold = defaultScoreMoveThreshold,
): VerdictChangeKind {
  if (previous === null) return 'new';
  if (previous.readiness !== current.readiness) return 'readiness_changed';
  if (Math.abs(current.score - previous.score) >= scoreMoveThreshold) return 'score_moved';
  return 'unchanged';
}

/** Same evidence, same hash, whatever the order of the list or of the keys. */
export function evidenceHash(evidence: readonly Evidence[]): string {
  const sorted = [...evidence].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
