import { setTimeout as delay } from 'node:timers/promises';
import type { PriceBook } from '@ripe/shared';
import { sandboxHistory } from '../../eval/sandbox-training.ts';
import { ok } from '../../resilience/result.ts';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import type { SandboxSettings } from '../connections/connection-settings.schema.ts';
import { createCallCounter } from '../call-counter.ts';
import type { CrmConnector, PulledAccount, PullRequest, SyncCursor } from '../crm-connector.ts';
import { sandboxProvider } from './provider.ts';
import { SandboxCrmState } from './sandbox-crm.ts';

export interface SandboxConnectorOptions {
  settings: SandboxSettings;
  /** The day the generator draws the CRM as of (its data date). */
  asOf: string;
  /** Kept across nights by a process that wants the CRM's changes and writes to persist (`ripe demo`). */
  state?: SandboxCrmState;
  priceBook?: PriceBook | null;
}

const sandboxIdPrefix = 'acc-';

/**
 * The sandbox generator behind the connector interface, so sandbox orgs take the very path CRM orgs take.
 * Every account is modified at the generator's day; accounts changed since (`state.change`) later, in order.
 */
export function sandboxConnector(options: SandboxConnectorOptions): CrmConnector & {
  sandbox: Sandbox;
  state: SandboxCrmState;
} {
  const { settings } = options;
  const sandbox = createSandbox({ accounts: settings.accounts, seed: settings.seed, endDate: options.asOf });
  const state = options.state ?? new SandboxCrmState();
  const counter = createCallCounter();
  const drawnAt = `${options.asOf}T00:00:00.000Z`;

  const pulled = (index: number, modifiedAt: string, asOf: string): PulledAccount => {
    const snapshot = state.render(index, sandbox.snapshotAt(index, asOf));
    const accountId = snapshot.account.id;
    return {
      accountId,
      snapshot,
      human: state.human(accountId),
      cursor: { modifiedAt, id: accountId },
      ownerId: snapshot.account.csmId ?? null,
    };
  };

  // Changes made on or before the generator's day are part of its drawing; later ones come after it.
  const laterChanges = () => state.changes().filter((change) => change.modifiedAt > drawnAt);

  function* order(after: SyncCursor): Generator<{ index: number; modifiedAt: string }> {
    const later = laterChanges();
    const changedLater = new Set(later.map((change) => change.index));
    if (after === null || after.modifiedAt <= drawnAt) {
      const from = after === null || after.modifiedAt < drawnAt ? 0 : indexOf(after.id) + 1;
      for (let index = from; index < settings.accounts; index += 1) {
        if (!changedLater.has(index)) yield { index, modifiedAt: drawnAt };
      }
    }
    for (const change of later) {
      const id = idOf(change.index);
      if (
        after === null ||
        change.modifiedAt > after.modifiedAt ||
        (change.modifiedAt === after.modifiedAt && id > after.id)
      )
        yield change;
    }
  }

  return {
    provider: sandboxProvider,
    sandbox,
    state,
    preflight: async () => ok({ ok: true, missing: [] }),
    allowance: async () => ok({ max: null, remaining: null }),
    countChanged: async (after) => ok([...order(after)].length),
    priceBook: () => options.priceBook ?? sandbox.priceBook,
    async *pullAccounts(request: PullRequest) {
      let page: PulledAccount[] = [];
      for (const { index, modifiedAt } of order(request.after)) {
        page.push(pulled(index, modifiedAt, request.asOf));
        if (page.length === sandboxProvider.pageSize) {
          yield await answer(page);
          page = [];
        }
      }
      // An empty pull still asks the CRM once.
      if (page.length > 0 || counter.calls().reads === 0) yield await answer(page);
    },
    // The generator is the history: no API call.
    historyCalls: () => 0,
    async *pullHistory(asOf, historyOptions = {}) {
      yield* sandboxHistory(sandbox, asOf, { sampleSize: historyOptions.sampleSize });
    },
    async applyWrites(operations) {
      counter.count('write', 'collection');
      for (const operation of operations) state.record(operation);
      return ok(operations.map(() => ({ ok: true as const, crmId: null })));
    },
    calls: () => counter.calls(),
    reauthenticate: async () => ok(undefined),
  };

  async function answer(page: PulledAccount[]): Promise<PulledAccount[]> {
    // A CRM answers after a while: rehearses slow nights (and crashes in the middle of one).
    if (settings.latencyMs > 0) await delay(settings.latencyMs);
    counter.count('read', 'query');
    return page;
  }
}

function indexOf(id: string): number {
  const index = Number(id.slice(sandboxIdPrefix.length));
  return Number.isInteger(index) ? index : -1;
}

function idOf(index: number): string {
  return `${sandboxIdPrefix}${String(index).padStart(6, '0')}`;
}
