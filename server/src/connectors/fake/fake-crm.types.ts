import type { CrmConnector, HumanOwnedValues } from '../crm-connector.ts';
import type { FieldValue, OpportunitySpec, TaskSpec } from '../write-operation.ts';

export interface FakeCrmOptions {
  accounts: number;
  seed: number;
  /** `YYYY-MM-DD`: the CRM's today; accounts are the sandbox's snapshots on that day. */
  asOf: string;
  pageSize?: number;
  writeBatchSize?: number;
  /** API calls the org may make per day (the CRM's own allowance, shared by every connector). */
  dailyLimit?: number;
  /** Time source of the fake's monotonic clock; default a fixed `${asOf}T20:00:00.000Z`. */
  clock?: () => Date;
}

export interface FakeTask extends TaskSpec {
  id: string;
  key: string;
  accountId: string;
  status: 'open' | 'closed';
}

export interface FakeOpportunity extends OpportunitySpec {
  id: string;
  key: string;
  accountId: string;
}

export interface FakeHistoryRecord {
  id: string;
  externalId: string;
  accountId: string;
  fields: Readonly<Record<string, FieldValue>>;
}

/** What a human can set on an account in the CRM; `changedBy`/`changedAt` come from the edit itself. */
export type HumanEdit = Partial<Omit<HumanOwnedValues, 'changedBy' | 'changedAt'>>;

/** Faults switched on per test; each holds until `clear()` unless said otherwise. */
export interface FakeFaults {
  /** The next `calls` calls pass, then every call answers `auth_expired` until a connector's `reauthenticate()`. */
  expireTokenAfterCalls(calls: number): void;
  /** From now on `reauthenticate()` answers `auth_revoked` (the admin disconnected Ripe). */
  revokeRefreshToken(): void;
  /** The next `calls` calls pass, then every call answers `daily_limit`. */
  dailyLimitAfterCalls(calls: number): void;
  /** A validation rule: `account_fields` writes to these accounts answer FIELD_CUSTOM_VALIDATION_EXCEPTION. */
  rejectRecords(accountIds: readonly string[], message: string): void;
  /** Every write touching these accounts answers UNABLE_TO_LOCK_ROW (retryable). */
  lockRecords(accountIds: readonly string[]): void;
  unlockRecords(accountIds: readonly string[]): void;
  /** The next `calls` calls answer `unavailable` with `retryAfterMs`, then the CRM is back. */
  unavailableForCalls(calls: number, retryAfterMs?: number): void;
  /** The field is not installed: preflight names it, writes carrying it answer INVALID_FIELD. */
  missingField(name: string): void;
  clear(): void;
}

export interface FakeConnectorOptions {
  /** Overrides the CRM's page size for this connector. */
  pageSize?: number;
  /** Overrides the CRM's write batch size for this connector. */
  writeBatchSize?: number;
}

export interface FakeCrm {
  readonly faults: FakeFaults;
  /** Token refreshes (`reauthenticate()` reaching the token endpoint) through any connector of this CRM. */
  readonly refreshCount: number;
  connector(options?: FakeConnectorOptions): CrmConnector;
  /** Account ids in the sandbox's order. */
  accountIds(): string[];
  modifiedAt(accountId: string): string;
  human(accountId: string): HumanOwnedValues;
  accountFields(accountId: string): Readonly<Record<string, FieldValue>>;
  tasks(): FakeTask[];
  openTasks(accountId: string): FakeTask[];
  opportunities(): FakeOpportunity[];
  history(): FakeHistoryRecord[];
  /** Calls served against the daily allowance (refused calls do not count), and the allowance. */
  apiUsage(): { used: number; limit: number };
  setHuman(accountId: string, edit: HumanEdit, options: { by: string }): void;
  /** A share of accounts change at one instant (seats used, a buying email); answers their ids. */
  changeAccounts(share: number, seed: number): string[];
  touch(accountId: string): void;
}
