import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PulledAccount } from '../crm-connector.ts';
import { startEmulatorOrg, type EmulatorOrg } from './emulator/emulator-org.ts';

let org: EmulatorOrg;
beforeAll(async () => {
  org = await startEmulatorOrg({ port: 0, accounts: 80, seed: 8, asOf: '2026-06-01', usageDays: 90 });
});
afterAll(() => org.close());

async function pullAll(bulkQueryRows: number) {
  const connector = org.connector({ sync: { usageDays: 90, bulkQueryRows } });
  const pulled: PulledAccount[] = [];
  for await (const page of connector.pullAccounts({ after: null, asOf: '2026-06-01' })) pulled.push(...page);
  return { pulled, calls: connector.calls(), floor: connector.readFloor() };
}

it('a large usage read through a Bulk API 2.0 query job maps to the same snapshots, in fewer calls', async () => {
  const rest = await pullAll(10_000_000);
  const bulk = await pullAll(2_000);
  expect(bulk.pulled).toStrictEqual(rest.pulled);
  expect(rest.calls.byKind.bulk).toBeUndefined();
  // A job created, its status read, its results read in one page.
  expect(bulk.calls.byKind.bulk).toBe(3);
  expect(bulk.calls.reads).toBeLessThan(rest.calls.reads);
  expect(bulk.calls.reads).toBe(bulk.floor);
});
