import type { AccountSnapshot, UsageSeries } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '@ripe/shared';
import { createSandbox } from './sandbox.ts';

const endDate = '2026-06-30';
const ACCOUNTS = 300;
const sandbox = createSandbox({ accounts: ACCOUNTS, seed: 33, endDate });
const truths = Array.from({ length: ACCOUNTS }, (_, index) => sandbox.truth(index));
const inHistory = (date: string) => date > addDays(endDate, -400) && date <= endDate;

/** Mean of the non-null values of `series` over the `days` days ending on `asOf`. */
function meanOver(series: UsageSeries | undefined, asOf: string, days: number): number {
  if (!series) return 0;
  const end = dayNumber(asOf) - dayNumber(series.start);
  const window = series.values
    .slice(Math.max(0, end - days + 1), end + 1)
    .filter((v): v is number => v !== null);
  return window.length === 0 ? 0 : window.reduce((a, b) => a + b, 0) / window.length;
}

const seriesOf = (snapshot: AccountSnapshot, kind: UsageSeries['kind']) =>
  snapshot.usage.find((s) => s.kind === kind);

describe('expansions follow visible consequences of the latent episode', () => {
  const expansions = truths.flatMap((truth, index) =>
    truth.episodes
      .filter((e) => e.outcome === 'expanded' && inHistory(e.endsOn) && e.startedOn > addDays(endDate, -440))
      .map((episode) => ({ index, episode })),
  );

  it('fills the seats (≥ 80 % for the last month) before most seat upsells', () => {
    const seatUpsells = expansions.filter(({ episode }) => episode.motion === 'seat_upsell');
    const full = seatUpsells.filter(({ index, episode }) => {
      const before = sandbox.snapshotAt(index, addDays(episode.endsOn, -1));
      return (
        meanOver(
          seriesOf(before, 'seats_used'),
          before.account.createdAt > episode.endsOn ? endDate : addDays(episode.endsOn, -1),
          30,
        ) >=
        0.8 * before.contract.seatsLicensed
      );
    });
    expect(seatUpsells.length).toBeGreaterThan(10);
    expect(full.length / seatUpsells.length).toBeGreaterThan(0.8);
  });

  it('shows premium or module features in use before tier upgrades and cross-sells', () => {
    const productLed = expansions.filter(({ episode }) =>
      ['tier_upgrade', 'cross_sell'].includes(episode.motion),
    );
    const adopted = productLed.filter(({ index, episode }) => {
      const asOf = addDays(episode.endsOn, -1);
      const before = sandbox.snapshotAt(index, asOf);
      const active = meanOver(seriesOf(before, 'active_users'), asOf, 14);
      return before.usage.some((s) => s.premium && meanOver(s, asOf, 14) >= 0.1 * active);
    });
    expect(productLed.length).toBeGreaterThan(5);
    expect(adopted.length / productLed.length).toBeGreaterThan(0.8);
  });

  it('runs consumption to ≥ 80 % of the commit before usage commits', () => {
    const commits = expansions.filter(({ episode }) => episode.motion === 'usage_commit');
    const near = commits.filter(({ index, episode }) => {
      const asOf = addDays(episode.endsOn, -1);
      const before = sandbox.snapshotAt(index, asOf);
      return (
        meanOver(seriesOf(before, 'consumption'), asOf, 30) * 30 >= 0.8 * before.contract.committedVolume
      );
    });
    expect(commits.length).toBeGreaterThan(3);
    expect(near.length / commits.length).toBeGreaterThan(0.8);
  });

  it('leaves utilisation lower after a seat upsell', () => {
    const upsell = expansions.find(
      ({ episode }) => episode.motion === 'seat_upsell' && episode.endsOn < addDays(endDate, -40),
    );
    if (!upsell)
      throw new Error('the sandbox should hold a seat upsell that closed at least 40 days before its end');
    const before = sandbox.snapshotAt(upsell.index, addDays(upsell.episode.endsOn, -1));
    const after = sandbox.snapshotAt(upsell.index, addDays(upsell.episode.endsOn, 30));
    const utilisation = (s: AccountSnapshot, asOf: string) =>
      meanOver(seriesOf(s, 'seats_used'), asOf, 7) / s.contract.seatsLicensed;
    expect(utilisation(after, addDays(upsell.episode.endsOn, 30))).toBeLessThan(
      utilisation(before, addDays(upsell.episode.endsOn, -1)),
    );
  });
});

describe('confounders look partly ready', () => {
  const byArchetype = (archetype: string) =>
    truths.map((t, index) => ({ t, index })).filter(({ t }) => t.archetype === archetype);

  it('too-early accounts have every seat assigned but shallow feature adoption', () => {
    // A rare too-early account grows into its seats and expands later: it no longer fits the picture.
    const accounts = byArchetype('too_early').filter(({ t }) => t.expansions.length === 0);
    expect(accounts.length).toBeGreaterThan(5);
    for (const { index } of accounts) {
      const snapshot = sandbox.snapshotAt(index);
      expect(meanOver(seriesOf(snapshot, 'seats_used'), endDate, 30)).toBeGreaterThan(
        0.9 * snapshot.contract.seatsLicensed,
      );
      const included = snapshot.usage.filter((s) => s.kind === 'feature_adoption' && s.premium === false);
      // As the adoption-breadth cross-check counts it: any use in the last 30 days.
      const used = included.filter((s) => s.values.slice(-30).some((v) => (v ?? 0) > 0));
      expect(used.length / included.length).toBeLessThan(0.3);
    }
  });

  it('one-off spike accounts show a burst of active users around the spike only', () => {
    const accounts = byArchetype('one_off_spike').filter(
      ({ t }) => t.confounders.spikeOn && t.confounders.spikeOn < addDays(endDate, -60),
    );
    expect(accounts.length).toBeGreaterThan(5);
    const bursts = accounts.filter(({ t, index }) => {
      const spikeOn = t.confounders.spikeOn ?? endDate;
      const active = seriesOf(sandbox.snapshotAt(index, addDays(spikeOn, 60)), 'active_users');
      const baseline = meanOver(active, addDays(spikeOn, -1), 56);
      return (
        meanOver(active, addDays(spikeOn, 9), 10) > baseline * 1.2 &&
        meanOver(active, addDays(spikeOn, 60), 30) < baseline * 1.15
      );
    });
    // Tiny accounts (a handful of users) can drown the burst in noise.
    expect(bursts.length / accounts.length).toBeGreaterThan(0.75);
  });

  it('cooling accounts lose their champion and complain while usage rises', () => {
    const accounts = byArchetype('cooling').filter(
      ({ t }) => t.confounders.championLeftOn && t.confounders.championLeftOn < endDate,
    );
    expect(accounts.length).toBeGreaterThan(5);
    for (const { t, index } of accounts) {
      const snapshot = sandbox.snapshotAt(index);
      expect(
        snapshot.contacts.some((c) => c.role === 'champion' && c.leftAt === t.confounders.championLeftOn),
      ).toBe(true);
    }
    const complaints = accounts.filter(({ t }) => t.messages.some((m) => m.intent === 'dissatisfaction'));
    expect(complaints.length / accounts.length).toBeGreaterThan(0.6);
  });

  it('declining accounts shrink at renewal and talk about budget cuts', () => {
    const accounts = byArchetype('declining');
    const contracted = accounts.filter(({ t }) => t.arrChanges.some((c) => c.kind === 'contraction'));
    const budget = accounts.filter(({ t }) =>
      t.messages.some((m) => m.intent === 'budget_cut' || m.intent === 'churn_threat'),
    );
    expect(contracted.length / accounts.length).toBeGreaterThan(0.3);
    expect(budget.length / accounts.length).toBeGreaterThan(0.6);
  });
});

describe('stakeholders change over time', () => {
  it('has champions leaving and new budget owners or executives appearing during episodes', () => {
    let left = 0;
    let newcomers = 0;
    truths.forEach((truth, index) => {
      const snapshot = sandbox.snapshotAt(index);
      left += snapshot.contacts.filter((c) => c.leftAt !== undefined).length;
      for (const episode of truth.episodes) {
        newcomers += snapshot.contacts.filter(
          (c) =>
            ['budget_owner', 'decision_maker', 'sponsor'].includes(c.role) &&
            c.createdAt > episode.startedOn &&
            c.createdAt < addDays(episode.startedOn, 80),
        ).length;
      }
    });
    expect(left).toBeGreaterThan(ACCOUNTS * 0.1);
    expect(newcomers).toBeGreaterThan(ACCOUNTS * 0.1);
  });

  it('keeps first and last activity dates consistent with the activities', () => {
    const snapshot = sandbox.snapshotAt(4);
    for (const contact of snapshot.contacts) {
      const days = snapshot.activities
        .filter((a) => a.participants.includes(contact.id))
        .map((a) => a.occurredAt.slice(0, 10));
      expect([contact.firstActivityAt, contact.lastActivityAt]).toStrictEqual(
        days.length ? [days[0], days[days.length - 1]] : [undefined, undefined],
      );
    }
  });
});
