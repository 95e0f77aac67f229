import type { AccountSnapshot } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, instantDayNumber } from '@ripe/shared';
import { buildAccountTimeline } from './account-timeline.ts';
import { createSandboxContext } from './sandbox-context.ts';
import { createSandbox } from './sandbox.ts';
import { contractOn } from './snapshot-view.ts';

const endDate = '2026-06-30';
const ACCOUNTS = 80;

/** Every dated thing in the snapshot, with what it is, for a look-ahead check. */
function datesIn(snapshot: AccountSnapshot): [string, string][] {
  const dates: [string, string][] = [];
  for (const series of snapshot.usage) {
    dates.push([`usage ${series.metric} last value`, addDays(series.start, series.values.length - 1)]);
  }
  for (const activity of snapshot.activities) dates.push([`activity ${activity.id}`, activity.occurredAt]);
  for (const ticket of snapshot.tickets) {
    dates.push([`ticket ${ticket.id} opened`, ticket.openedAt]);
    if (ticket.closedAt) dates.push([`ticket ${ticket.id} closed`, ticket.closedAt]);
  }
  for (const contact of snapshot.contacts) {
    dates.push([`contact ${contact.id} created`, contact.createdAt]);
    for (const date of [contact.leftAt, contact.lastActivityAt, contact.firstActivityAt]) {
      if (date) dates.push([`contact ${contact.id}`, date]);
    }
  }
  for (const opportunity of snapshot.opportunities) {
    dates.push([`opportunity ${opportunity.id} created`, opportunity.createdAt]);
    if (opportunity.closedAt) dates.push([`opportunity ${opportunity.id} closed`, opportunity.closedAt]);
  }
  return dates;
}

describe('snapshotAt hides the future', () => {
  const sandbox = createSandbox({ accounts: ACCOUNTS, seed: 5, endDate });

  it.each(['2026-03-02', '2025-11-15', '2025-07-01'])('shows nothing dated after %s', (asOf) => {
    const limit = dayNumber(asOf);
    for (let index = 0; index < ACCOUNTS; index += 1) {
      const snapshot = sandbox.snapshotAt(index, asOf);
      if (sandbox.customerSince(index) > asOf) {
        // Not a customer yet: an empty record with its first contract.
        expect(snapshot.usage.every((series) => series.values.length === 0)).toBe(true);
        expect([
          snapshot.activities,
          snapshot.tickets,
          snapshot.contacts,
          snapshot.opportunities.filter((o) => o.stage !== 'open'),
        ]).toStrictEqual([[], [], [], []]);
        continue;
      }
      const late = datesIn(snapshot).filter(([, date]) => instantDayNumber(date) > limit);
      expect(late, snapshot.account.id).toStrictEqual([]);
      // Ids are numbered in time order: no gap betrays a record still to come.
      for (const [records, prefix] of [
        [snapshot.activities, 'a'],
        [snapshot.tickets, 't'],
        [snapshot.opportunities, 'o'],
      ] as const) {
        expect(records.map((r) => r.id)).toStrictEqual(
          records.map((_, k) => `${snapshot.account.id}-${prefix}${k + 1}`),
        );
      }
      const participants = new Set(snapshot.activities.flatMap((activity) => activity.participants));
      const contacts = new Set(snapshot.contacts.map((contact) => contact.id));
      expect(
        [...participants].filter((id) => !contacts.has(id)),
        'participants are visible contacts',
      ).toStrictEqual([]);
    }
  });

  it('shows usage values up to asOf exactly', () => {
    const asOf = '2026-01-10';
    const snapshot = sandbox.snapshotAt(0, asOf);
    const full = sandbox.snapshotAt(0);
    for (const [k, series] of snapshot.usage.entries()) {
      expect(addDays(series.start, series.values.length - 1)).toBe(asOf);
      expect(series.values).toStrictEqual(full.usage[k]?.values.slice(0, series.values.length));
    }
  });

  it('shows the contract in force: seats before a seat upsell differ from after, the opportunity is not yet won', () => {
    let checked = 0;
    for (let index = 0; index < ACCOUNTS && checked < 5; index += 1) {
      const upsell = sandbox
        .truth(index)
        .expansions.find((e) => e.motion === 'seat_upsell' && e.date > '2025-05-01');
      if (!upsell) continue;
      const before = sandbox.snapshotAt(index, addDays(upsell.date, -1));
      const after = sandbox.snapshotAt(index, upsell.date);
      expect(after.contract.seatsLicensed).toBeGreaterThan(before.contract.seatsLicensed);
      expect(after.contract.price - before.contract.price).toBe(upsell.amount);
      const won = after.opportunities.find((o) => o.type === 'upsell' && o.closedAt === upsell.date);
      expect(won?.stage).toBe('closed_won');
      const earlier = before.opportunities.find((o) => o.id === won?.id);
      expect(earlier === undefined || earlier.stage === 'open').toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('marks a premium feature as licensed once the tier upgrade closes', () => {
    let checked = 0;
    for (let index = 0; index < ACCOUNTS && checked < 3; index += 1) {
      const upgrade = sandbox
        .truth(index)
        .expansions.find((e) => e.motion === 'tier_upgrade' && e.date > '2025-05-01');
      if (!upgrade) continue;
      const before = sandbox.snapshotAt(index, addDays(upgrade.date, -1));
      const after = sandbox.snapshotAt(index, upgrade.date);
      expect(after.contract.tier).not.toBe(before.contract.tier);
      const premiumBefore = before.usage.filter((s) => s.premium).length;
      const premiumAfter = after.usage.filter((s) => s.premium).length;
      expect(premiumAfter).toBeLessThan(premiumBefore);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('usage consistency', () => {
  it('never shows more seats used than licensed, nor more active users than seats used', () => {
    const ctx = createSandboxContext(9, ACCOUNTS, endDate, 450);
    let plateauDays = 0;
    const violations: string[] = [];
    for (let index = 0; index < ACCOUNTS; index += 1) {
      const timeline = buildAccountTimeline(ctx, index);
      const seats = timeline.usage.find((t) => t.kind === 'seats_used')?.values ?? [];
      const active = timeline.usage.find((t) => t.kind === 'active_users')?.values ?? [];
      const features = timeline.usage.filter((t) => t.kind === 'feature_adoption');
      seats.forEach((used, k) => {
        if (used === null) return;
        const licensed = contractOn(timeline.contracts, timeline.seriesStart + k).seats;
        if (used > licensed) violations.push(`${index} day ${k}: ${used} seats used > ${licensed} licensed`);
        if (used === licensed) plateauDays += 1;
        const activeUsers = active[k];
        if (activeUsers === null || activeUsers === undefined) return;
        if (activeUsers > used) violations.push(`${index} day ${k}: ${activeUsers} active > ${used} used`);
        for (const feature of features) {
          if ((feature.values[k] ?? 0) > activeUsers)
            violations.push(`${index} day ${k}: ${feature.metric} > active`);
        }
      });
    }
    expect(violations.slice(0, 5)).toStrictEqual([]);
    // Seats sit at the licence ceiling for a good share of days (growth episodes, too-early accounts).
    expect(plateauDays).toBeGreaterThan(ACCOUNTS * 20);
  });

  it('has weekly seasonality and outages in active users', () => {
    const sandbox = createSandbox({ accounts: 40, seed: 9, endDate });
    let weekday = 0;
    let weekend = 0;
    let nulls = 0;
    for (let index = 0; index < 40; index += 1) {
      const series = sandbox.snapshotAt(index).usage.find((s) => s.kind === 'active_users');
      series?.values.forEach((value, k) => {
        if (value === null) nulls += 1;
        else if ([0, 6].includes(new Date(`${addDays(series.start, k)}T00:00:00Z`).getUTCDay()))
          weekend += value;
        else weekday += value;
      });
    }
    expect(weekend / 2).toBeLessThan((weekday / 5) * 0.5);
    expect(nulls).toBeGreaterThan(0);
  });
});
