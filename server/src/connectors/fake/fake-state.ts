import type { AccountSnapshot } from '@ripe/shared';
import { mixSeed, Rng } from '../../sandbox/prng.ts';
import type { Sandbox } from '../../sandbox/sandbox.ts';
import type { Result } from '../../resilience/result.ts';
import { noHumanValues, type ConnectorError, type HumanOwnedValues } from '../crm-connector.ts';
import type { FieldValue } from '../write-operation.ts';
import type { FaultState } from './fake-faults.ts';
import type { FakeHistoryRecord, FakeOpportunity, FakeTask } from './fake-crm.types.ts';

export interface FakeAccountRecord {
  snapshot: AccountSnapshot;
  modifiedAt: string;
  human: HumanOwnedValues;
  /** Catalogue field values as written by `account_fields` operations. */
  fields: Record<string, FieldValue>;
}

/** The CRM's memory, shared by the inspection API and every connector instance. */
export interface FakeCrmState {
  sandbox: Sandbox;
  asOf: string;
  pageSize: number;
  writeBatchSize: number;
  accounts: Map<string, FakeAccountRecord>;
  tasks: Map<string, FakeTask>;
  opportunities: Map<string, FakeOpportunity>;
  history: Map<string, FakeHistoryRecord>;
  faults: FaultState;
  usage: { used: number; limit: number };
  refreshCount: number;
  /** The token refresh under way: concurrent `reauthenticate()` calls share it (single-flight). */
  refreshing: Promise<Result<void, ConnectorError>> | null;
  /** The next instant of the fake's monotonic clock. */
  tick(): string;
  /** A new record id, e.g. `fake-tsk-000001`. */
  nextId(prefix: 'tsk' | 'opp' | 'hst' | 'act'): string;
}

// The initial load writes accounts in a shuffled order, a batch of this many per instant (as a bulk load
// commits), so (modifiedAt, id) order is neither the id order nor free of ties.
const LOAD_BATCH = 10;
const LOAD_SALT = 0x10ad;

/** The items in a seeded random order. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const pool = [...items];
  const order: T[] = [];
  while (pool.length > 0) order.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  return order;
}

export function loadAccounts(sandbox: Sandbox, tick: () => string): Map<string, FakeAccountRecord> {
  const { accounts: count, seed } = sandbox.options;
  const records = Array.from({ length: count }, (_, index): FakeAccountRecord => ({
    snapshot: sandbox.snapshotAt(index),
    modifiedAt: '',
    human: { ...noHumanValues },
    fields: {},
  }));
  const rng = new Rng(mixSeed(seed, LOAD_SALT));
  let modifiedAt = tick();
  shuffled(records, rng).forEach((record, position) => {
    if (position > 0 && position % LOAD_BATCH === 0) modifiedAt = tick();
    record.modifiedAt = modifiedAt;
  });
  return new Map(records.map((record) => [record.snapshot.account.id, record]));
}

export function idCounter(): (prefix: string) => string {
  const counts = new Map<string, number>();
  return (prefix) => {
    const next = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, next);
    return `fake-${prefix}-${String(next).padStart(6, '0')}`;
  };
}
