import { describe, expect, it } from 'vitest';
import { ripeProperties } from '../connectors/hubspot/schema/ripe-properties.ts';
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
    for (const night of nights)
      expect(night.apiCalls.total).toBeLessThanOrEqual(1.05 * night.floorCalls.total);
    expect(nights.flatMap((night) => night.errors)).toStrictEqual([]);
  });
});

describe('ripe demo --crm hubspot', () => {
  it('installs the properties once, then runs the nights through @hubspot/api-client close to the floor', async () => {
    const { install, nights } = await runCrmDemo({
      crm: 'hubspot',
      accounts: 100,
      nights: 3,
      changeRate: 0.05,
      seed: 42,
      asOf: '2026-06-01',
    });
    const [first, second, third] = nights;
    if (!first?.crm || !second?.crm || !third?.crm)
      throw new Error('three nights seen in the portal expected');
    // The install (the consent's code exchange) created every property of Ripe, each with one call.
    expect(install?.propertiesCreated).toBe(ripeProperties().length);
    expect(install?.['write calls POST /crm/v3/properties/companies']).toBe(
      ripeProperties().filter((property) => property.objectType === 'companies').length,
    );
    expect(nights.map((night) => night.crm?.propertiesCreated)).toStrictEqual([0, 0, 0]);
    // Night 1: every company updated, a task for each ready account, associated with it and owned by its CSM.
    expect(first.pulledAccounts).toBe(100);
    expect(first.written.history).toBe(100);
    expect(first.crm.companiesWithVerdict).toBe(100);
    expect(first.written.tasksCreated).toBeGreaterThan(0);
    expect(first.crm.tasks).toBe(first.written.tasksCreated);
    expect(first.crm.tasksAssociated).toBe(first.crm.tasks);
    expect(first.crm.tasksOwned).toBe(first.crm.tasks);
    // Night 2: the companies Ripe wrote are pulled again (HubSpot's last-modified moved), nothing is written.
    expect(second.written).toStrictEqual(noWrites());
    expect(second.apiCalls.writes).toBe(0);
    expect(writeCallsOf(second.crm)).toStrictEqual({});
    expect(second.crm.tasks).toBe(first.crm.tasks);
    // Night 3: the changed companies only, at most one call per write endpoint and 100 changed.
    expect(third.changedAccounts).toBe(5);
    expect(third.pulledAccounts).toBe(5);
    expect(third.apiCalls.writes).toBeGreaterThan(0);
    for (const calls of Object.values(writeCallsOf(third.crm)))
      expect(calls).toBeLessThanOrEqual(Math.ceil(5 / 100));
    // Within 1.05 × the floor: the drain packs each batch with one endpoint's operations.
    for (const night of nights) {
      expect(night.apiCalls.reads).toBeLessThanOrEqual(1.05 * night.floorCalls.reads);
      expect(night.apiCalls.total).toBeLessThanOrEqual(1.05 * night.floorCalls.total);
    }
    expect(nights.flatMap((night) => night.errors)).toStrictEqual([]);
  }, 60_000);

  it('reads usage from custom-object records as from property history: the same verdicts, in the floor', async () => {
    const run = (hubspotUsage: 'properties' | 'custom-object') =>
      runCrmDemo({
        crm: 'hubspot',
        hubspotUsage,
        accounts: 40,
        nights: 1,
        changeRate: 0,
        seed: 9,
        asOf: '2026-06-01',
      });
    const [fromProperties, fromRecords] = await Promise.all([run('properties'), run('custom-object')]);
    const [night] = fromRecords.nights;
    // The seed writes each day's value to a record instead of a property version: the same series, so the same
    // readiness, fields and tasks.
    expect(night?.written).toStrictEqual(fromProperties.nights[0]?.written);
    expect(night?.written.tasksCreated).toBeGreaterThan(0);
    expect(night?.errors).toStrictEqual([]);
    // The usage object's association and batch reads come on top, each in the floor.
    expect(night?.apiCalls.reads).toBeGreaterThan(fromProperties.nights[0]?.apiCalls.reads ?? Infinity);
    expect(night?.apiCalls.reads).toBeLessThanOrEqual(1.05 * (night?.floorCalls.reads ?? 0));
  }, 60_000);
});

/** The write calls the portal received, by route. */
function writeCallsOf(view: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(view).filter(([name]) => name.startsWith('write calls ')));
}
