import {
  ConnectorFailure,
  type ConnectorError,
  type CrmConnector,
  type OwnWrite,
  type PulledAccount,
  type SyncCursor,
} from '../../connectors/crm-connector.ts';
import { mayReadPage, type NightBudget } from '../api-budget.ts';
import { NightStoppedError } from '../night-failure.ts';

export type PullStop =
  { reason: 'budget' } | { reason: 'daily_limit' | 'rate_limited'; error: ConnectorError };

export interface PullStage {
  /** Night batches of `batchSize` accounts, cut from the CRM's pages. */
  batches: AsyncIterable<PulledAccount[]>;
  /** Why the pull stopped before the end, once it did. */
  stopped(): PullStop | null;
  /**
   * The position past the last batch's accounts that the connector went over, skipping Ripe's own changes
   * (`PullRequest.onPassed`); null when the last batch's cursor is the furthest. Read once the batches committed.
   */
  passed(): NonNullable<SyncCursor> | null;
}

/**
 * Pulls the accounts changed after `after`, page by page, re-cut into the night's batches; stops cleanly before
 * a page the budget cannot afford, or when the CRM says the daily limit is reached. An expired session is
 * renewed once by the connector's caller; any other failure ends the night (it is resumable from its cursor).
 */
export function pullStage(input: {
  connector: CrmConnector;
  after: SyncCursor;
  asOf: string;
  batchSize: number;
  budget: NightBudget;
  /** Account id → the instant and version Ripe's own write left it with (`PullRequest.ownWrites`). */
  ownWrites?: ReadonlyMap<string, OwnWrite>;
  /** Accounts staged so far (their writes are reserved in the budget). */
  staged: () => number;
  signal?: AbortSignal;
}): PullStage {
  const { connector, batchSize, budget } = input;
  let stopped: PullStop | null = null;
  let passed: NonNullable<SyncCursor> | null = null;

  async function* pages(): AsyncIterable<PulledAccount[]> {
    let after = input.after;
    let reauthenticated = false;
    const onPassed = (cursor: NonNullable<SyncCursor>) => {
      passed = cursor;
      after = cursor;
    };
    for (;;) {
      const calls = connector.calls();
      if (
        !mayReadPage(budget, calls.reads + calls.writes, input.staged(), connector.provider.writeBatchSize)
      ) {
        stopped = { reason: 'budget' };
        return;
      }
      try {
        const request = { after, asOf: input.asOf, signal: input.signal, onPassed };
        const pull = connector.pullAccounts(
          input.ownWrites ? { ...request, ownWrites: input.ownWrites } : request,
        );
        for await (const page of pull) {
          passed = null;
          yield page;
          after = page.at(-1)?.cursor ?? after;
          const used = connector.calls();
          if (
            !mayReadPage(budget, used.reads + used.writes, input.staged(), connector.provider.writeBatchSize)
          ) {
            stopped = { reason: 'budget' };
            return;
          }
        }
        return;
      } catch (error) {
        if (!(error instanceof ConnectorFailure)) throw error;
        const { code } = error.error;
        if (code === 'daily_limit' || code === 'rate_limited') {
          stopped = { reason: code, error: error.error };
          return;
        }
        // The session expired mid-pull: a new token once, then the pull goes on from the last page.
        if (code !== 'auth_expired' || reauthenticated) throw error;
        const renewed = await connector.reauthenticate();
        if (!renewed.ok) throw new ConnectorFailure(renewed.error);
        reauthenticated = true;
      }
    }
  }

  async function* batches(): AsyncIterable<PulledAccount[]> {
    let batch: PulledAccount[] = [];
    for await (const page of pages()) {
      for (const account of page) {
        batch.push(account);
        if (batch.length === batchSize) {
          if (input.signal?.aborted) throw new NightStoppedError();
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  return { batches: batches(), stopped: () => stopped, passed: () => passed };
}
