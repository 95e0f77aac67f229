import { accountSnapshotSchema, type AccountSnapshot } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import type { CrmConnector, PulledAccount, SyncCursor } from '../crm-connector.ts';
import { createFakeCrm } from './fake-crm.ts';

const asOf = '2026-06-30';
const freshCrm = () => createFakeCrm({ accounts: 60, seed: 7, asOf, pageSize: 25 });

async function pullPages(connector: CrmConnector, after: SyncCursor): Promise<PulledAccount[][]> {
  const pages: PulledAccount[][] = [];
  for await (const page of connector.pullAccounts({ after, asOf })) pages.push(page);
  return pages;
}

const latestSeats = (snapshot: AccountSnapshot): number =>
  snapshot.usage.find((series) => series.kind === 'seats_used')?.values.findLast((v) => v !== null) ?? 0;

const byChangeOrder = (a: PulledAccount, b: PulledAccount) =>
  a.cursor.modifiedAt.localeCompare(b.cursor.modifiedAt) || (a.accountId < b.accountId ? -1 : 1);

describe('createFakeCrm: paging', () => {
  it('pulls every account once, in (modifiedAt, id) order, one read per page', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const pages = await pullPages(connector, null);
    expect(pages.map((page) => page.length)).toStrictEqual([25, 25, 10]);
    const pulled = pages.flat();
    expect(pulled.map((account) => account.accountId).sort()).toStrictEqual(crm.accountIds());
    expect(pulled).toStrictEqual([...pulled].sort(byChangeOrder));
    expect(connector.calls()).toStrictEqual({ reads: 3, writes: 0, byKind: { query: 3 } });
    expect(crm.apiUsage()).toStrictEqual({ used: 3, limit: 100_000 });
  });

  it('loads in shuffled batches of 10 sharing an instant, so ids break ties', async () => {
    const crm = freshCrm();
    const pulled = (await pullPages(crm.connector(), null)).flat();
    expect(new Set(pulled.map((account) => account.cursor.modifiedAt)).size).toBe(6);
    expect(pulled.map((account) => account.accountId)).not.toStrictEqual(crm.accountIds());
    expect(pulled[0]?.cursor.modifiedAt).toBe('2026-06-30T20:00:00.000Z');
  });

  it('resumes after the 2nd page: exactly the rest, no duplicates', async () => {
    const crm = freshCrm();
    const all = (await pullPages(crm.connector(), null)).flat();
    const firstTwo: PulledAccount[] = [];
    for await (const page of crm.connector().pullAccounts({ after: null, asOf })) {
      firstTwo.push(...page);
      if (firstTwo.length === 50) break;
    }
    const resumed = (await pullPages(crm.connector(), firstTwo.at(-1)?.cursor ?? null)).flat();
    const ids = [...firstTwo, ...resumed].map((account) => account.accountId);
    expect(resumed).toHaveLength(10);
    expect(new Set(ids).size).toBe(60);
    expect(resumed.map((account) => account.accountId)).toStrictEqual(
      all.slice(50).map((account) => account.accountId),
    );
  });

  it('answers an empty pull with one read and no page', async () => {
    const crm = freshCrm();
    const connector = crm.connector();
    const last = (await pullPages(connector, null)).flat().at(-1)?.cursor ?? null;
    expect(await pullPages(connector, last)).toStrictEqual([]);
    expect(connector.calls().reads).toBe(4);
    expect(await connector.countChanged(last, asOf)).toStrictEqual({ ok: true, value: 0 });
  });

  it('pulls a copy: changing a pulled snapshot leaves the CRM as it was', async () => {
    const crm = freshCrm();
    const [first] = (await pullPages(crm.connector(), null)).flat();
    (first?.snapshot as AccountSnapshot).account.name = 'Changed';
    const again = (await pullPages(crm.connector(), null)).flat()[0];
    expect((again?.snapshot as AccountSnapshot).account.name).not.toBe('Changed');
  });
});

describe('createFakeCrm: changes', () => {
  it('pulls only the 5 % changed after changeAccounts(0.05), as valid snapshots with a buying email', async () => {
    const crm = freshCrm();
    const before = (await pullPages(crm.connector(), null)).flat();
    const last = before.at(-1)?.cursor ?? null;
    const changed = crm.changeAccounts(0.05, 1);
    expect(changed).toStrictEqual(['acc-000006', 'acc-000038', 'acc-000001']);
    const connector = crm.connector();
    expect(await connector.countChanged(last, asOf)).toStrictEqual({ ok: true, value: 3 });
    const pulled = (await pullPages(connector, last)).flat();
    expect(pulled.map((account) => account.accountId)).toStrictEqual([...changed].sort());
    for (const account of pulled) {
      const snapshot = accountSnapshotSchema.parse(account.snapshot);
      const old = accountSnapshotSchema.parse(
        before.find((b) => b.accountId === account.accountId)?.snapshot,
      );
      expect(snapshot.activities).toHaveLength(old.activities.length + 1);
      expect(snapshot.activities.at(-1)).toMatchObject({ type: 'email', direction: 'inbound' });
      expect(snapshot.activities.at(-1)?.text).toMatch(/seats/);
      const [was, now, cap] = [latestSeats(old), latestSeats(snapshot), snapshot.contract.seatsLicensed];
      expect(now).toBeLessThanOrEqual(Math.min(cap, was + 3));
      expect(now).toBeGreaterThanOrEqual(Math.min(cap, was + 1));
    }
  });

  it('changes the same accounts for the same seeds', () => {
    expect(freshCrm().changeAccounts(0.1, 3)).toStrictEqual(freshCrm().changeAccounts(0.1, 3));
    expect(freshCrm().changeAccounts(0.1, 3)).not.toStrictEqual(freshCrm().changeAccounts(0.1, 4));
  });

  it('records a human edit with who and when, and moves the account to the end', async () => {
    const crm = freshCrm();
    const id = crm.accountIds()[5] ?? '';
    crm.setHuman(id, { status: 'snoozed', snoozedUntil: '2026-08-01' }, { by: 'usr-csm-001' });
    expect(crm.human(id)).toStrictEqual({
      status: 'snoozed',
      adjustedPotential: null,
      rejectionReason: null,
      snoozedUntil: '2026-08-01',
      changedBy: 'usr-csm-001',
      changedAt: '2026-06-30T20:00:00.006Z',
    });
    expect(crm.modifiedAt(id)).toBe('2026-06-30T20:00:00.006Z');
    const last = (await pullPages(crm.connector(), null)).flat().at(-1);
    expect(last?.accountId).toBe(id);
    expect(last?.human.status).toBe('snoozed');
  });

  it('touch bumps modifiedAt on the monotonic clock, even when the clock source stands still', () => {
    const crm = createFakeCrm({ accounts: 3, seed: 7, asOf, clock: () => new Date('2026-01-01T00:00:00Z') });
    const [a = '', b = ''] = crm.accountIds();
    crm.touch(a);
    crm.touch(b);
    expect([crm.modifiedAt(a), crm.modifiedAt(b)]).toStrictEqual([
      '2026-01-01T00:00:00.001Z',
      '2026-01-01T00:00:00.002Z',
    ]);
  });
});
