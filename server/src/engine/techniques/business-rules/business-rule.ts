import type { AccountSnapshot, Evidence, Signal } from '@ripe/shared';
import type { EngineContext } from '../../engine-context.ts';

/** Where rules put what they found. */
export interface RuleOutput {
  signals: Signal[];
  evidence: Evidence[];
}

/** One business rule: reads the snapshot and the org's thresholds, appends signals and evidence. */
export type BusinessRule = (
  snapshot: AccountSnapshot,
  ctx: EngineContext,
  today: number,
  out: RuleOutput,
) => void;

/** A run of days counts only when its latest observed day is this recent. */
export const RECENT_DAYS = 7;

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
