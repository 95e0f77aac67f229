import type { EmulatorState } from './emulator-state.ts';

/** What the faults switch on; the routes read it. */
export interface FaultSettings {
  /** Data calls still to answer 503 before the org is back. */
  unavailableCalls: number;
  /** Records whose rows stay locked by another transaction: writes fail `UNABLE_TO_LOCK_ROW`. */
  lockedIds: Set<string>;
  /** Records a validation rule rejects, with the rule's message (`FIELD_CUSTOM_VALIDATION_EXCEPTION`). */
  rejectedIds: Map<string, string>;
  /** Whether the Ripe managed package is installed: its `ripe__*__c` fields exist only then. */
  packageInstalled: boolean;
  /** Fields the org lacks (`Account.ripe__Score__c`): an older package, a field deleted by an admin. */
  hiddenFields: Set<string>;
  /** Data calls still served before every session expires (null: none planned). */
  sessionsExpireAfterCalls: number | null;
  /** Data calls still served before the daily allowance runs out (another integration spends it; null: none). */
  allowanceEndsAfterCalls: number | null;
}

/** Faults a test switches on, one call each. */
export interface SalesforceFaults {
  readonly settings: FaultSettings;
  /** Every access token issued so far expires: the next data call answers 401 `INVALID_SESSION_ID`. */
  expireSessions(): void;
  /** The next `calls` data calls answer 503 `SERVER_UNAVAILABLE`. */
  serviceUnavailable(calls?: number): void;
  /** The daily allowance is used up: data calls answer 403 `REQUEST_LIMIT_EXCEEDED`. */
  exhaustDailyLimit(): void;
  lockRows(ids: readonly string[]): void;
  rejectByValidationRule(ids: readonly string[], message?: string): void;
  uninstallPackage(): void;
  installPackage(): void;
  /** The org lacks this field (`Account.ripe__Score__c`). */
  hideField(name: string): void;
  /** Every session expires once `calls` more data calls have been served. */
  expireSessionsAfterCalls(calls: number): void;
  /** The daily allowance runs out once `calls` more data calls have been served. */
  exhaustDailyLimitAfterCalls(calls: number): void;
  /** Back to a healthy org on a new day: no fault, the allowance unused. */
  clear(): void;
}

export const defaultValidationMessage =
  'Expansion fields cannot change while the account is under legal review.';

export function createFaults(state: EmulatorState): SalesforceFaults {
  const settings: FaultSettings = {
    unavailableCalls: 0,
    lockedIds: new Set(),
    rejectedIds: new Map(),
    packageInstalled: true,
    hiddenFields: new Set(),
    sessionsExpireAfterCalls: null,
    allowanceEndsAfterCalls: null,
  };
  return {
    settings,
    expireSessions() {
      for (const token of state.accessTokens.values()) token.expiresAt = state.now() - 1;
    },
    serviceUnavailable(calls = 1) {
      settings.unavailableCalls += calls;
    },
    exhaustDailyLimit() {
      state.apiUsage.used = state.apiUsage.max;
    },
    lockRows(ids) {
      for (const id of ids) settings.lockedIds.add(id);
    },
    rejectByValidationRule(ids, message = defaultValidationMessage) {
      for (const id of ids) settings.rejectedIds.set(id, message);
    },
    uninstallPackage() {
      settings.packageInstalled = false;
    },
    installPackage() {
      settings.packageInstalled = true;
    },
    hideField(name) {
      settings.hiddenFields.add(name);
    },
    expireSessionsAfterCalls(calls) {
      settings.sessionsExpireAfterCalls = calls;
    },
    exhaustDailyLimitAfterCalls(calls) {
      settings.allowanceEndsAfterCalls = calls;
    },
    clear() {
      Object.assign(settings, {
        unavailableCalls: 0,
        packageInstalled: true,
        sessionsExpireAfterCalls: null,
        allowanceEndsAfterCalls: null,
      });
      settings.lockedIds.clear();
      settings.rejectedIds.clear();
      settings.hiddenFields.clear();
      state.apiUsage.used = 0;
    },
  };
}
