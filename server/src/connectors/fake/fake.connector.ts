// A CrmConnector over the fake CRM's memory. Call accounting, as the real CRMs do it:
// - reads: each page of accounts (`query`) or of history (`history`), each countChanged (`count`) and
//   preflight (`describe`); writes: each applyWrites is one composite call of any kinds (`collection`);
//   an empty or oversized batch is answered before the wire (no call);
// - `calls()` counts every call this instance made, refused ones included (what the night spent);
//   `crm.apiUsage().used` counts the calls the CRM served (refused calls do not use the allowance);
// - `allowance()` is free and uncounted (a limits header read off the last answer) but still fails while the
//   token is expired or the CRM is down; `reauthenticate()` is the token endpoint, not an API call.
// The CRM has one today, its `asOf`: a pull's `asOf` does not rewind it (history is read from the generator).
import { createCallCounter } from '../call-counter.ts';
import {
  ConnectorFailure,
  type ConnectorError,
  type CrmConnector,
  type PulledAccount,
} from '../crm-connector.ts';
import { sandboxHistory } from '../../eval/sandbox-training.ts';
import { err, ok } from '../../resilience/result.ts';
import type { FakeConnectorOptions } from './fake-crm.types.ts';
import { dailyLimitReached, gateCall, probeCall } from './fake-faults.ts';
import { accountsAfter } from './fake-pages.ts';
import type { FakeAccountRecord, FakeCrmState } from './fake-state.ts';
import { reauthenticate } from './fake-token.ts';
import { applyBatch } from './fake-writes.ts';
import { fakeProvider } from './provider.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function pulled(id: string, record: FakeAccountRecord): PulledAccount {
  return {
    accountId: id,
    snapshot: structuredClone(record.snapshot),
    human: { ...record.human },
    cursor: { modifiedAt: record.modifiedAt, id },
    ownerId: record.snapshot.account.csmId ?? null,
  };
}

export function createFakeConnector(state: FakeCrmState, options: FakeConnectorOptions = {}): CrmConnector {
  const provider = fakeProvider({
    pageSize: options.pageSize ?? state.pageSize,
    writeBatchSize: options.writeBatchSize ?? state.writeBatchSize,
  });
  const counter = createCallCounter();
  const call = (direction: 'read' | 'write', kind: string): ConnectorError | null => {
    counter.count(direction, kind);
    const refusal = gateCall(state.faults, state.usage);
    if (!refusal) state.usage.used += 1;
    return refusal;
  };
  const invalid = (message: string): ConnectorError => ({ code: 'invalid_request', message });

  return {
    provider,
    async preflight() {
      const refusal = call('read', 'describe');
      if (refusal) return err(refusal);
      const missing = [...state.faults.missingFields].map((name) => ({
        kind: 'field' as const,
        name,
        message: `The field ${name} is not installed`,
      }));
      return ok({ ok: missing.length === 0, missing });
    },
    async allowance() {
      const refusal = probeCall(state.faults);
      if (refusal) return err(refusal);
      const { used, limit } = state.usage;
      const remaining = dailyLimitReached(state.faults, state.usage) ? 0 : limit - used;
      return ok({ max: limit, remaining });
    },
    async countChanged(after) {
      const refusal = call('read', 'count');
      if (refusal) return err(refusal);
      return ok(accountsAfter(state.accounts, after).length);
    },
    priceBook: () => state.sandbox.priceBook,
    async *pullAccounts({ after, signal }) {
      // Keyset paging: each page is read after the previous one's last cursor, as the CRM stands then.
      let cursor = after;
      for (;;) {
        signal?.throwIfAborted();
        const refusal = call('read', 'query');
        if (refusal) throw new ConnectorFailure(refusal);
        const later = accountsAfter(state.accounts, cursor);
        const page = later.slice(0, provider.pageSize).map(([id, record]) => pulled(id, record));
        const last = page.at(-1);
        if (!last) return;
        yield page;
        if (later.length <= provider.pageSize) return;
        cursor = last.cursor;
      }
    },
    // An upper bound: the sampled accounts at each of the seven look-backs, one page per `pageSize` rows.
    historyCalls: () => Math.ceil((Math.min(state.sandbox.options.accounts, 1_500) * 7) / provider.pageSize),
    async *pullHistory(asOf, historyOptions = {}) {
      if (!ISO_DAY.test(asOf) || asOf > state.asOf) {
        throw new ConnectorFailure(invalid(`history asOf must be a day on or before ${state.asOf}`));
      }
      let rowsInPage = 0;
      for (const row of sandboxHistory(state.sandbox, asOf, { sampleSize: historyOptions.sampleSize })) {
        if (rowsInPage === 0) {
          const refusal = call('read', 'history');
          if (refusal) throw new ConnectorFailure(refusal);
        }
        rowsInPage = (rowsInPage + 1) % provider.pageSize;
        yield row;
      }
    },
    async applyWrites(operations) {
      if (operations.length === 0) return ok([]);
      if (operations.length > provider.writeBatchSize) {
        return err(invalid(`${operations.length} operations exceed the batch of ${provider.writeBatchSize}`));
      }
      const refusal = call('write', 'collection');
      if (refusal) return err(refusal);
      return ok(applyBatch(state, operations));
    },
    calls: () => counter.calls(),
    reauthenticate: () => reauthenticate(state),
  };
}
