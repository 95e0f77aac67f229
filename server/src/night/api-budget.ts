import type { ApiAllowance } from '../connectors/crm-connector.ts';

export interface BudgetInput {
  allowance: ApiAllowance;
  /** Share of the remaining daily allowance a night may use (default 0.2). */
  share: number;
  /** Accounts changed since the cursor, when the CRM can count them. */
  changed: number | null;
  pageSize: number;
  writeBatchSize: number;
}

export interface NightBudget {
  /** Calls this night may make; null when the CRM sets no daily limit. */
  maxCalls: number | null;
  /** The calls the whole night needs at full page and batch size: one page per `pageSize` accounts, two writes per account. */
  estimatedCalls: number | null;
  /** Whether the estimate fits; when it does not, the night does what fits and the next one resumes. */
  fits: boolean;
}

/** Writes a night stages per scored account at most: its fields and its history record (tasks are rarer). */
export const writesPerAccount = 2;

/** How many API calls a night may use: a share of what remains of the org's daily allowance, never more. */
export function planBudget(input: BudgetInput): NightBudget {
  const { remaining } = input.allowance;
  const maxCalls = remaining === null ? null : Math.max(0, Math.floor(remaining * input.share));
  const estimatedCalls =
    input.changed === null
      ? null
      : Math.max(1, Math.ceil(input.changed / input.pageSize)) +
        Math.ceil((input.changed * writesPerAccount) / input.writeBatchSize);
  return {
    maxCalls,
    estimatedCalls,
    fits: maxCalls === null || estimatedCalls === null || estimatedCalls <= maxCalls,
  };
}

/**
 * Whether the night may read one more page: the calls made so far, the page, and the writes already staged
 * (which the drain will need) must stay within the budget.
 */
export function mayReadPage(
  budget: NightBudget,
  callsMade: number,
  stagedAccounts: number,
  writeBatchSize: number,
): boolean {
  if (budget.maxCalls === null) return true;
  const reservedWrites = Math.ceil((stagedAccounts * writesPerAccount) / writeBatchSize);
  return callsMade + 1 + reservedWrites <= budget.maxCalls;
}
