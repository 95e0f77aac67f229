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
}

export const defaultValidationMessage =
  'Expansion fields cannot change while the account is under legal review.';

export function createFaults(state: EmulatorState): SalesforceFaults {
  const settings: FaultSettings = {
    unavailableCalls: 0,
    lockedIds: new Set(),
    rejectedIds: new Map(),
    packageInstalled: true,
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
  };
}
