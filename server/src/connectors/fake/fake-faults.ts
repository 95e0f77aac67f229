// Switchable faults of the fake CRM. Countdowns count the calls that reach the CRM (any connector of it),
// from the moment the fault is switched on; `allowance()` probes them without spending them.
import { RipeError } from '@ripe/shared';
import type { ConnectorError } from '../crm-connector.ts';
import type { WriteOperation, WriteOutcome } from '../write-operation.ts';
import type { FakeFaults } from './fake-crm.types.ts';

export interface FaultState {
  /** Calls left before the token expires; 0 = expired; null = the token holds. */
  tokenCallsLeft: number | null;
  refreshRevoked: boolean;
  /** Calls left before the daily limit; 0 = reached; null = only the configured allowance applies. */
  dailyCallsLeft: number | null;
  unavailable: { callsLeft: number; retryAfterMs: number } | null;
  /** Account id → the validation rule's message. */
  rejected: Map<string, string>;
  locked: Set<string>;
  missingFields: Set<string>;
}

export const DEFAULT_RETRY_AFTER_MS = 1000;

function cleanFaults(): FaultState {
  return {
    tokenCallsLeft: null,
    refreshRevoked: false,
    dailyCallsLeft: null,
    unavailable: null,
    rejected: new Map(),
    locked: new Set(),
    missingFields: new Set(),
  };
}

function countOf(calls: number): number {
  if (!Number.isInteger(calls) || calls < 0) {
    throw new RipeError('invalid_argument', `a fault's call count must be an integer ≥ 0, got ${calls}`);
  }
  return calls;
}

export function createFaults(): { state: FaultState; switches: FakeFaults } {
  const state = cleanFaults();
  const switches: FakeFaults = {
    expireTokenAfterCalls(calls) {
      state.tokenCallsLeft = countOf(calls);
    },
    revokeRefreshToken() {
      state.refreshRevoked = true;
    },
    dailyLimitAfterCalls(calls) {
      state.dailyCallsLeft = countOf(calls);
    },
    rejectRecords(accountIds, message) {
      for (const id of accountIds) state.rejected.set(id, message);
    },
    lockRecords(accountIds) {
      for (const id of accountIds) state.locked.add(id);
    },
    unlockRecords(accountIds) {
      for (const id of accountIds) state.locked.delete(id);
    },
    unavailableForCalls(calls, retryAfterMs = DEFAULT_RETRY_AFTER_MS) {
      state.unavailable = countOf(calls) > 0 ? { callsLeft: calls, retryAfterMs } : null;
    },
    missingField(name) {
      state.missingFields.add(name);
    },
    clear() {
      Object.assign(state, cleanFaults());
    },
  };
  return { state, switches };
}

export function dailyLimitReached(state: FaultState, usage: { used: number; limit: number }): boolean {
  return state.dailyCallsLeft === 0 || usage.used >= usage.limit;
}

const expired: ConnectorError = { code: 'auth_expired', message: 'The session expired: refresh the token' };
const limited: ConnectorError = { code: 'daily_limit', message: 'The daily API allowance is used up' };

function outage(state: FaultState): ConnectorError | null {
  if (!state.unavailable) return null;
  const { retryAfterMs } = state.unavailable;
  return { code: 'unavailable', message: 'The CRM is unavailable (503)', retryAfterMs };
}

/** Whether a call would be refused by the token or an outage now, spending nothing (what `allowance()` sees). */
export function probeCall(state: FaultState): ConnectorError | null {
  return state.tokenCallsLeft === 0 ? expired : outage(state);
}

/** Lets one call through the faults (spending their countdowns) or answers why it is refused. */
export function gateCall(state: FaultState, usage: { used: number; limit: number }): ConnectorError | null {
  if (state.tokenCallsLeft === 0) return expired;
  if (state.tokenCallsLeft !== null) state.tokenCallsLeft -= 1;
  if (dailyLimitReached(state, usage)) return limited;
  if (state.dailyCallsLeft !== null) state.dailyCallsLeft -= 1;
  const refusal = outage(state);
  if (state.unavailable) {
    state.unavailable.callsLeft -= 1;
    if (state.unavailable.callsLeft === 0) state.unavailable = null;
  }
  return refusal;
}

/** The token endpoint: a new token unless the refresh token was revoked. */
export function renewToken(state: FaultState): ConnectorError | null {
  if (state.refreshRevoked) {
    return { code: 'auth_revoked', message: 'The refresh token was revoked: reconnect the CRM' };
  }
  state.tokenCallsLeft = null;
  return null;
}

const failure = (code: string, message: string, fields: string[], retryable = false): WriteOutcome => ({
  ok: false,
  code,
  message,
  fields,
  retryable,
});

/** The record-level fault one operation meets, if any: a lock, a missing field, a validation rule. */
export function writeFault(state: FaultState, operation: WriteOperation): WriteOutcome | null {
  const { accountId } = operation;
  if (state.locked.has(accountId)) {
    return failure('UNABLE_TO_LOCK_ROW', `unable to obtain exclusive access to ${accountId}`, [], true);
  }
  const fields = 'fields' in operation ? Object.keys(operation.fields) : [];
  const missing = fields.filter((name) => state.missingFields.has(name));
  if (missing.length > 0) return failure('INVALID_FIELD', `No such column: ${missing.join(', ')}`, missing);
  const rule = state.rejected.get(accountId);
  if (rule !== undefined && operation.kind === 'account_fields') {
    return failure('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule, fields);
  }
  return null;
}
