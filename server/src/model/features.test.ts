import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  constant,
  instantDaysAgo,
  ramp,
  seriesEndingOn,
  TEST_NOW,
} from '@ripe/shared/testing';
import { extractFeatures, FEATURE_NAMES, labelExpansion, toFeatureArray } from './features.ts';
import { dayNumber, isoDay } from '@ripe/shared';

const NOW = TEST_NOW; // 2026-06-30
const daysAgo = (n: number) => isoDay(dayNumber(NOW) - n);

function richSnapshot() {
  return buildSnapshot({
    contract: { seatsLicensed: 50, committedVolume: 1000, renewalDate: '2026-09-28' },
    usage: [
      // 90 days rising 30 → 45 seats, then 5 days "in the future" that must be ignored
      { ...seriesEndingOn(daysAgo(-5), 'seats', 'seats_used', [...ramp(90, 30, 45), ...constant(5, 50)]) },
      seriesEndingOn(NOW, 'active', 'active_users', [...constant(56, 20), ...constant(28, 30)]),
      seriesEndingOn(NOW, 'api', 'consumption', constant(30, 30)),
      seriesEndingOn(NOW, 'sso', 'feature_adoption', constant(30, 4), { feature: 'sso', premium: true }),
      seriesEndingOn(NOW, 'reports', 'feature_adoption', constant(30, 0), { feature: 'reports' }),
    ],
    activities: [
      {
        id: 'a1',
        type: 'email',
        occurredAt: instantDaysAgo(NOW, 3),
        direction: 'inbound',
        participants: ['c1'],
      },
      {
        id: 'a2',
        type: 'call',
        occurredAt: instantDaysAgo(NOW, 45),
        direction: 'outbound',
        participants: ['c2'],
      },
      {
        id: 'a3',
        type: 'note',
        occurredAt: instantDaysAgo(NOW, 70),
        direction: 'internal',
        participants: ['c3'],
      },
      {
        id: 'future',
        type: 'email',
        occurredAt: instantDaysAgo(NOW, -2),
        direction: 'inbound',
        participants: ['c9'],
      },
    ],
    tickets: [
      { id: 't1', openedAt: daysAgo(10), priority: 'high', status: 'open', escalated: true },
      { id: 't2', openedAt: daysAgo(40), closedAt: daysAgo(5), priority: 'low', status: 'closed' },
      { id: 't3', openedAt: daysAgo(-1), priority: 'urgent', status: 'open', escalated: true },
    ],
    opportunities: [
      {
        id: 'o1',
        type: 'upsell',
        amount: 1000,
        stage: 'closed_won',
        createdAt: daysAgo(300),
        closedAt: daysAgo(200),
      },
      {
        id: 'o2',
        type: 'contraction',
        amount: 500,
        stage: 'closed_won',
        createdAt: daysAgo(100),
        closedAt: daysAgo(60),
      },
      {
        id: 'o3',
        type: 'cross_sell',
        amount: 900,
        stage: 'closed_won',
        createdAt: daysAgo(20),
        closedAt: daysAgo(-30),
      },
    ],
  });
}

describe('extractFeatures', () => {
  const features = extractFeatures(richSnapshot(), NOW);
  it.each([
    ['seat_utilisation', 45 / 50],
    ['active_users_growth', 0.5],
    ['active_per_seat', 30 / ((45 + 44.8) / 2)],
    ['consumption_run_rate', 0.9],
    ['features_adopted_share', 0.5],
    ['premium_features_adopted', 1],
    ['days_to_renewal', 90],
    ['segment_mid_market', 1],
    ['segment_smb', 0],
    ['activities_30d', 1],
    ['activities_90d', 3],
    ['inbound_share_90d', 0.5],
    ['engaged_contacts_60d', 2],
    ['open_tickets', 1],
    ['escalations_30d', 1],
    ['past_expansions', 1],
    ['days_since_last_expansion', 200],
    ['days_since_last_contraction', 60],
  ] as const)('%s = %s', (name, expected) => {
    expect(features[name]).toBeCloseTo(expected, 1);
  });

  it('measures a rising seat trend relative to its level and ignores days after now', () => {
    expect(features.seat_trend_90d).toBeGreaterThan(0.3);
    expect(features.seat_utilisation_30d).toBeLessThan(0.9);
  });

  it('reports missing data as null, never as zero', () => {
    const empty = extractFeatures(buildSnapshot(), NOW);
    expect(empty.seat_utilisation).toBeNull();
    expect(empty.consumption_run_rate).toBeNull();
    expect(empty.features_adopted_share).toBeNull();
    expect(empty.inbound_share_90d).toBeNull();
    expect(empty.days_since_last_expansion).toBeNull();
    expect(toFeatureArray(empty).filter(Number.isNaN).length).toBeGreaterThan(5);
  });

  it('yields one value per feature name', () => {
    expect(Object.keys(features).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it('extracts an account with 450 days of 6 series in well under 30 µs', () => {
    const long = buildSnapshot({
      usage: [
        seriesEndingOn(NOW, 'seats', 'seats_used', ramp(450, 20, 48)),
        seriesEndingOn(NOW, 'active', 'active_users', ramp(450, 10, 40)),
        seriesEndingOn(NOW, 'api', 'consumption', ramp(450, 100, 900)),
        seriesEndingOn(NOW, 'f1', 'feature_adoption', ramp(450, 0, 9), { feature: 'f1' }),
        seriesEndingOn(NOW, 'f2', 'feature_adoption', ramp(450, 0, 5), { feature: 'f2', premium: true }),
        seriesEndingOn(NOW, 'f3', 'feature_adoption', constant(450, 0), { feature: 'f3' }),
      ],
      contract: { committedVolume: 20000 },
    });
    const iterations = 5000;
    for (let i = 0; i < 500; i++) extractFeatures(long, NOW);
    const started = performance.now();
    for (let i = 0; i < iterations; i++) extractFeatures(long, NOW);
    const microseconds = ((performance.now() - started) * 1000) / iterations;
    // the budget is 30 µs; the margin absorbs a busy shared CI machine
    expect(microseconds).toBeLessThan(60);
  });
});

describe('labelExpansion', () => {
  const snapshot = richSnapshot();
  it.each([
    [daysAgo(0), 90, true], // cross-sell closes 30 days later
    [daysAgo(0), 20, false],
    [daysAgo(-30), 90, false], // closed exactly on t: not in (t, t+h]
    [daysAgo(250), 90, true], // the upsell 200 days ago
    [daysAgo(120), 90, false], // only the contraction in that window
  ] as const)('at %s within %i days → %s', (t, horizon, expected) => {
    expect(labelExpansion(snapshot, t, horizon)).toBe(expected);
  });
});
