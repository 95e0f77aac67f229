import type { SyncCursor } from '../crm-connector.ts';
import type { FakeAccountRecord } from './fake-state.ts';

// Instants are the fake's own `toISOString()` output, so comparing the strings compares the times; ids
// compare by code unit, as a database's binary collation would.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The accounts strictly after the cursor, in (modifiedAt, id) order. */
export function accountsAfter(
  accounts: ReadonlyMap<string, FakeAccountRecord>,
  after: SyncCursor,
): [string, FakeAccountRecord][] {
  const later = [...accounts].filter(
    ([id, record]) =>
      after === null ||
      record.modifiedAt > after.modifiedAt ||
      (record.modifiedAt === after.modifiedAt && id > after.id),
  );
  return later.sort(([idA, a], [idB, b]) => compare(a.modifiedAt, b.modifiedAt) || compare(idA, idB));
}
