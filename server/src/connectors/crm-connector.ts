import type { FieldIssue, PriceBook } from '@ripe/shared';
import type { HistoryRow } from '../eval/sandbox-training.ts';
import type { Result } from '../resilience/result.ts';
import type { CrmKind } from '../store/orgs.repository.ts';
import type { ProviderFacts } from './provider-facts.ts';
import type { WriteOperation, WriteOutcome } from './write-operation.ts';

export type { CrmKind };

/**
 * A position in a CRM's change order, (modified at, id) ascending. "Accounts changed since the cursor" are
 * those after it in that order; a night that stops part-way stores the cursor of its last committed batch,
 * and the next one resumes there. `null` is the beginning: every account.
 */
export type SyncCursor = { modifiedAt: string; id: string } | null;

/** The human-owned catalogue fields as the CRM holds them (set by the account team in the CRM or the card). */
export interface HumanOwnedValues {
  status: ExpansionStatus | null;
  adjustedPotential: number | null;
  rejectionReason: string | null;
  /** `YYYY-MM-DD`. */
  snoozedUntil: string | null;
  /** Who last changed them, when the CRM says (user id or name). */
  changedBy: string | null;
  /** ISO instant of the last change, when the CRM says. */
  changedAt: string | null;
}

/** An account the team has not touched: no status, nothing adjusted, rejected or snoozed. */
export const noHumanValues: HumanOwnedValues = {
  status: null,
  adjustedPotential: null,
  rejectionReason: null,
  snoozedUntil: null,
  changedBy: null,
  changedAt: null,
};

export type ExpansionStatus = 'new' | 'approved' | 'adjusted' | 'rejected' | 'snoozed' | 'won' | 'lost';

/** One account as pulled: its canonical snapshot, still unvalidated, and what the account team set on it. */
export interface PulledAccount {
  accountId: string;
  /** Raw canonical snapshot (validated by the night with zod; a bad one is reported, not fatal). */
  snapshot: unknown;
  human: HumanOwnedValues;
  /** Where this account sits in the change order. */
  cursor: NonNullable<SyncCursor>;
  /** The CRM user who owns follow-up (the mapped CSM owner field), when known. */
  ownerId: string | null;
  /**
   * What the account's own record held when pulled, as an opaque fingerprint of the values the connector reads
   * (a CRM that cannot say who modified a record gives it): kept with Ripe's next write, it tells the next pull
   * a person's edit made between this pull and that write, which the write's instant would otherwise hide.
   */
  version?: string;
  /**
   * Records of this account the connector could not read, each named (record, id, field): reported as the night's
   * per-record errors; the rest of the account is scored.
   */
  issues?: FieldIssue[];
}

/** The account as Ripe's own last write left it (`WriteOutcome.modifiedAt`, and the version it was pulled at). */
export interface OwnWrite {
  modifiedAt: string;
  version?: string;
}

export interface PullRequest {
  /** Accounts after this position; `null` pulls every account. */
  after: SyncCursor;
  /** The day scored, `YYYY-MM-DD`: activities and usage are read up to it. */
  asOf: string;
  /**
   * Account id → the last-modified instant Ripe's own last write left it with (`WriteOutcome.modifiedAt`) and
   * the version the write was computed from. An account still at that instant, holding the same values, changed
   * only by Ripe: the connector does not pull it again.
   */
  ownWrites?: ReadonlyMap<string, OwnWrite>;
  /**
   * Called with the position of the last account of a page when the connector skipped it as Ripe's own change,
   * after the page's other accounts were yielded: the night moves its cursor past it once its batches committed.
   */
  onPassed?: (cursor: NonNullable<SyncCursor>) => void;
  signal?: AbortSignal;
}

/** What the CRM lacks for Ripe to work, each item named (a field, an object, a permission). */
export interface PreflightReport {
  ok: boolean;
  missing: { kind: 'field' | 'object' | 'permission' | 'property_group'; name: string; message: string }[];
}

/** The org's remaining daily API allowance; `null` when the CRM sets none (the sandbox). */
export interface ApiAllowance {
  max: number | null;
  remaining: number | null;
}

/**
 * A connector that writes large groups of one kind of record through an asynchronous bulk job (Salesforce's
 * Bulk API 2.0 ingest) instead of batches of `writeBatchSize`.
 */
export interface BulkWrites {
  /** The group an operation's bulk job takes (Salesforce: its object, and the field an upsert matches on). */
  groupOf(operation: WriteOperation): string;
  /** More operations of one group than this go through a bulk job; this many or fewer through batches. */
  threshold: number;
  /** Operations one bulk job takes at most. */
  maxOperations: number;
  /** The fewest API calls one job makes (create, upload, close, one status read). */
  jobCalls: number;
}

/** API calls a connector made, by what they were for. */
export interface ApiCallCount {
  reads: number;
  writes: number;
  byKind: Record<string, number>;
}

/** Why a connector call failed, in a form the night can branch on and an admin can read (no secret). */
export interface ConnectorError {
  code:
    | 'auth_expired'
    | 'auth_revoked'
    | 'daily_limit'
    | 'rate_limited'
    | 'unavailable'
    | 'not_installed'
    | 'invalid_request';
  message: string;
  /** For `rate_limited` / `unavailable`: how long the CRM asked to wait. */
  retryAfterMs?: number;
}

/**
 * One CRM behind one interface: the night, the write-back engine and the contract suite see only this.
 * A connector instance serves one org's connection for one night (it counts that night's API calls).
 */
export interface CrmConnector {
  readonly provider: ProviderFacts;
  /** Checks that the package/properties Ripe writes exist and that the granted access suffices. */
  preflight(): Promise<Result<PreflightReport, ConnectorError>>;
  allowance(): Promise<Result<ApiAllowance, ConnectorError>>;
  /** How many accounts changed after `after` (for the budget and the progress bar); null when unknown. */
  countChanged(after: SyncCursor, asOf: string): Promise<Result<number | null, ConnectorError>>;
  /** The price book of the org as the CRM knows it, if it keeps one; the org's own otherwise. */
  priceBook(): PriceBook | null;
  /**
   * Accounts changed after the cursor, in change order, one page per API page (`provider.pageSize`).
   * A failure ends the iteration by throwing a `ConnectorFailure` carrying the `ConnectorError`.
   */
  pullAccounts(request: PullRequest): AsyncIterable<PulledAccount[]>;
  /** API calls reading the labelled history takes (an upper bound), so the budget can plan for it; null when unknown. */
  historyCalls(): number | null;
  /** The org's labelled history as known on `asOf` (features on past days, expansions as labels), to train on. */
  pullHistory(asOf: string, options?: { sampleSize?: number }): AsyncIterable<HistoryRow>;
  /**
   * Applies a batch of at most `provider.writeBatchSize` operations, of any kinds (the connector groups them
   * into the fewest calls its API allows), answering one outcome per
   * operation in the same order. A rejected record is an outcome, not a failure; the whole call fails only
   * when the CRM could not be reached or refused every record for one reason (limit, expired session).
   */
  applyWrites(operations: readonly WriteOperation[]): Promise<Result<WriteOutcome[], ConnectorError>>;
  /**
   * Present when the connector writes in bulk: `applyWrites` then also takes more than `threshold` (at most
   * `maxOperations`) operations of one bulk group at once, and writes them through one bulk job.
   */
  readonly bulkWrites?: BulkWrites;
  /** API calls made by this instance so far. */
  calls(): ApiCallCount;
  /**
   * The fewest read calls that could have read what this instance read (one per full page of each object it
   * needed), when the connector reads more than one page per page of accounts; absent: one per page of accounts.
   */
  readFloor?(): number;
  /**
   * Gets a new access token after a call answered `auth_expired` (single-flight per connection): the caller
   * then repeats that call once. `auth_revoked` when the refresh token no longer works.
   */
  reauthenticate(): Promise<Result<void, ConnectorError>>;
}

/** Thrown out of `pullAccounts` (an async iterable cannot return a Result) and caught by the night. */
export class ConnectorFailure extends Error {
  readonly code = 'connector_failure' as const;
  constructor(readonly error: ConnectorError) {
    super(error.message);
    this.name = 'ConnectorFailure';
  }
}
