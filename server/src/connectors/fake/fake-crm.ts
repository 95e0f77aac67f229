/**
 * An in-memory CRM for the connector contract suite and demos: the sandbox's accounts on `asOf`, what the
 * account team set on them, what Ripe wrote (fields, history, tasks, opportunities), a daily allowance, a
 * token, and faults a test switches on. Deterministic: the same options give the same CRM.
 *
 * @example
 * const crm = createFakeCrm({ accounts: 120, seed: 7, asOf: '2026-06-30', pageSize: 50 });
 * crm.faults.expireTokenAfterCalls(2);
 * const connector = crm.connector();
 */
import { RipeError } from '@ripe/shared';
import { mixSeed, Rng } from '../../sandbox/prng.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { applyBuyingChange } from './fake-changes.ts';
import { monotonicClock } from './fake-clock.ts';
import type { FakeCrm, FakeCrmOptions } from './fake-crm.types.ts';
import { createFaults } from './fake-faults.ts';
import {
  idCounter,
  loadAccounts,
  shuffled,
  type FakeAccountRecord,
  type FakeCrmState,
} from './fake-state.ts';
import { createFakeConnector } from './fake.connector.ts';
import { fakeDefaults } from './provider.ts';

export type * from './fake-crm.types.ts';

const CHANGE_SALT = 0xc4a9;

export function createFakeCrm(options: FakeCrmOptions): FakeCrm {
  const sandbox = createSandbox({ accounts: options.accounts, seed: options.seed, endDate: options.asOf });
  const evening = new Date(`${options.asOf}T20:00:00.000Z`);
  const tick = monotonicClock(options.clock ?? (() => evening));
  const faults = createFaults();
  const state: FakeCrmState = {
    sandbox,
    asOf: options.asOf,
    pageSize: options.pageSize ?? fakeDefaults.pageSize,
    writeBatchSize: options.writeBatchSize ?? fakeDefaults.writeBatchSize,
    accounts: loadAccounts(sandbox, tick),
    tasks: new Map(),
    opportunities: new Map(),
    history: new Map(),
    faults: faults.state,
    usage: { used: 0, limit: options.dailyLimit ?? fakeDefaults.dailyLimit },
    refreshCount: 0,
    refreshing: null,
    tick,
    nextId: idCounter(),
  };
  const recordOf = (accountId: string): FakeAccountRecord => {
    const record = state.accounts.get(accountId);
    if (!record) throw new RipeError('not_found', `the fake CRM has no account ${accountId}`);
    return record;
  };

  return {
    faults: faults.switches,
    get refreshCount() {
      return state.refreshCount;
    },
    connector: (connectorOptions) => createFakeConnector(state, connectorOptions),
    accountIds: () => [...state.accounts.keys()],
    modifiedAt: (accountId) => recordOf(accountId).modifiedAt,
    human: (accountId) => ({ ...recordOf(accountId).human }),
    accountFields: (accountId) => ({ ...recordOf(accountId).fields }),
    tasks: () => [...state.tasks.values()].map((task) => ({ ...task })),
    openTasks: (accountId) =>
      [...state.tasks.values()]
        .filter((task) => task.accountId === accountId && task.status === 'open')
        .map((task) => ({ ...task })),
    opportunities: () => [...state.opportunities.values()].map((opportunity) => ({ ...opportunity })),
    history: () => [...state.history.values()].map((record) => ({ ...record, fields: { ...record.fields } })),
    apiUsage: () => ({ ...state.usage }),
    setHuman(accountId, edit, { by }) {
      const record = recordOf(accountId);
      const changedAt = tick();
      record.human = { ...record.human, ...edit, changedBy: by, changedAt };
      record.modifiedAt = changedAt;
    },
    changeAccounts(share, seed) {
      if (!(share >= 0 && share <= 1)) {
        throw new RipeError(
          'invalid_argument',
          `the share of accounts to change must be in [0, 1], got ${share}`,
        );
      }
      const rng = new Rng(mixSeed(options.seed, seed, CHANGE_SALT));
      const count = Math.round(share * state.accounts.size);
      const changed = shuffled([...state.accounts.keys()], rng).slice(0, count);
      // One edit of many records at once, as a bulk update commits: they share an instant.
      if (changed.length === 0) return changed;
      const occurredAt = tick();
      for (const accountId of changed) {
        const record = recordOf(accountId);
        applyBuyingChange(record.snapshot, rng, { occurredAt, activityId: state.nextId('act') });
        record.modifiedAt = occurredAt;
      }
      return changed;
    },
    touch(accountId) {
      recordOf(accountId).modifiedAt = tick();
    },
  };
}
