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

  it('answers a clear error for a CRM whose connector has not landed', async () => {
    await expect(
      runCrmDemo({ crm: 'hubspot', accounts: 10, nights: 1, changeRate: 0, seed: 1, asOf: '2026-11-01' }),
    ).rejects.toThrow('The HubSpot connector is not available yet: try --crm sandbox');
  });
});
