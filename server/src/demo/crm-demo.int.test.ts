import { describe, expect, it } from 'vitest';
import { noWrites } from '../writeback/write-tally.ts';
import { runCrmDemo } from './crm-demo.ts';

describe('ripe demo --crm sandbox', () => {
  it('night 1 writes; night 2 writes nothing; night 3 writes at most ceil(changed / batch) calls', async () => {
    const { nights } = await runCrmDemo({
      crm: 'sandbox',
      accounts: 300,
      nights: 3,
      changeRate: 0.05,
      seed: 5,
      asOf: '2026-11-01',
    });
    const [first, second, third] = nights;
    if (!first || !second || !third) throw new Error('three nights expected');
    expect(first.pulledAccounts).toBe(300);
    expect(first.written.history).toBe(300);
    expect(first.written.tasksCreated).toBeGreaterThan(0);
    expect(first.apiCalls).toStrictEqual(first.floorCalls);
    expect(second.apiCalls).toStrictEqual({ reads: 1, writes: 0, total: 1 });
    expect(second.written).toStrictEqual(noWrites());
    expect(third.changedAccounts).toBe(15);
    expect(third.pulledAccounts).toBe(15);
    expect(third.apiCalls.writes).toBeGreaterThan(0);
    expect(third.apiCalls.writes).toBeLessThanOrEqual(Math.ceil(15 / 200));
    expect(nights.flatMap((night) => night.errors)).toStrictEqual([]);
  });

});

describe('ripe demo --crm salesforce', () => {
  it('runs the nights through jsforce against the emulator, within 1.05 × the floor of calls', async () => {
    const { nights } = await runCrmDemo({
      crm: 'salesforce',
      accounts: 200,
      nights: 3,
      changeRate: 0.05,
      seed: 42,
      asOf: '2026-06-01',
    });
    const [first, second, third] = nights;
    if (!first || !second || !third) throw new Error('three nights expected');
    expect(first.pulledAccounts).toBe(200);
    expect(first.written.history).toBe(200);
    expect(first.written.tasksCreated).toBeGreaterThan(0);
    expect(second.pulledAccounts).toBe(0);
    expect(second.written).toStrictEqual(noWrites());
    expect(second.apiCalls.writes).toBe(0);
    expect(third.changedAccounts).toBe(10);
    expect(third.pulledAccounts).toBe(10);
    expect(third.apiCalls.writes).toBeGreaterThan(0);
    expect(third.apiCalls.writes).toBeLessThanOrEqual(Math.ceil(10 / 200));
    for (const night of nights) expect(night.apiCalls.total).toBeLessThanOrEqual(1.05 * night.floorCalls.total);
    expect(nights.flatMap((night) => night.errors)).toStrictEqual([]);
  });
});
