import type { ApiCallCount, CrmConnector } from '../connectors/crm-connector.ts';
import type { DrainReport } from '../writeback/drain-outbox.ts';
import type { NightBudget } from './api-budget.ts';
import type { NightTally } from './checkpoint.repository.ts';

/** Calls this night may still make within its budget; null when the CRM sets no limit. */
export function callsLeft(night: NightState, connector: CrmConnector): number | null {
  if (night.budget.maxCalls === null) return null;
  const made = connector.calls();
  return Math.max(0, night.budget.maxCalls - made.reads - made.writes);
}

export interface NightState {
  model: string | null;
  currency: string | null;
  tally: NightTally;
  phases: { load: number; model: number; writeBack: number };
  calls: ApiCallCount;
  budget: NightBudget;
  allowance: { max: number | null; remaining: number | null };
  /** Accounts the CRM said changed since the cursor, when it could count them. */
  changed: number | null;
  stopped: string | null;
  drain: DrainReport | null;
}

/** How long a silent process keeps its run before another may resume it, unless told otherwise. */
export const defaultLeaseMs = 60_000;

/**
 * How many times a run may be taken over by another process before it is given up as `failed`: a
 * night that kills its process each time (a poison input) must not kill every process that resumes it.
 */
export const defaultMaxResumes = 5;
