import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  defaultOrgConfig,
  isoDay,
  type ExpansionWindow,
  type Readiness,
  type Signal,
} from '@ripe/shared';
import { signal } from './composite-fixtures.ts';
import { expansionWindow, nextRenewal, projectedLimitOf, type LimitProjection } from './window.composite.ts';

const now = '2026-06-30';
const renewal = '2027-03-01';
const config = defaultOrgConfig.window;

describe('expansionWindow', () => {
  it.each<[string, Readiness, LimitProjection | null, ExpansionWindow | null]>([
    [
      'limit far ahead: 90 to 60 days before it',
      'ready',
      { limit: 'seats', limitDate: '2026-12-31' },
      { opensOn: '2026-10-02', closesOn: '2026-11-01', limitDate: '2026-12-31', limit: 'seats' },
    ],
    [
      'limit in 75 days: open since 15 days ago, closes 60 days before it',
      'nurture',
      { limit: 'seats', limitDate: '2026-09-13' },
      { opensOn: '2026-06-15', closesOn: '2026-07-15', limitDate: '2026-09-13', limit: 'seats' },
    ],
    [
      'limit in 40 days: open since 50 days ago, closes at the limit',
      'ready',
      { limit: 'seats', limitDate: '2026-08-09' },
      { opensOn: '2026-05-11', closesOn: '2026-08-09', limitDate: '2026-08-09', limit: 'seats' },
    ],
    [
      'limit reached on 1 June: open since 90 days before, closes at the renewal',
      'ready',
      { limit: 'seats', limitDate: '2026-06-01' },
      { opensOn: '2026-03-03', closesOn: renewal, limitDate: '2026-06-01', limit: 'seats' },
    ],
    ['no dated limit: open now, closes at the renewal', 'ready', null, { opensOn: now, closesOn: renewal }],
    ['caution: none', 'caution', { limit: 'seats', limitDate: '2026-12-31' }, null],
    ['not ready: none', 'not_ready', null, null],
  ])('%s', (_, readiness, projection, window) => {
    expect(expansionWindow(readiness, projection, now, config, renewal)).toStrictEqual(window);
  });

  it('follows the configured lead days', () => {
    const window = expansionWindow(
      'ready',
      { limit: 'seats', limitDate: '2026-12-31' },
      now,
      { leadDaysMax: 120, leadDaysMin: 30 },
      renewal,
    );
    expect(window).toMatchObject({ opensOn: '2026-09-02', closesOn: '2026-12-01' });
  });

  it('never closes before tomorrow, and never the same day for every account', () => {
    const days = new Set<string>();
    for (let ahead = -200; ahead <= 200; ahead += 10) {
      const limitDate = isoDay(dayNumber(now) + ahead);
      const window = expansionWindow('ready', { limit: 'seats', limitDate }, now, config, renewal)!;
      expect(window.closesOn > now).toBe(true);
      expect(window.opensOn <= window.closesOn).toBe(true);
      days.add(window.opensOn);
    }
    expect(days.size).toBeGreaterThan(30);
  });
});

describe('nextRenewal', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['2026-06-30', '2026-06-30'],
    ['2026-03-01', '2027-03-01'],
    ['2020-07-15', '2026-07-15'],
    ['2024-02-29', '2027-02-28'],
  ])('%s → %s', (renewalDate, expected) => {
    expect(isoDay(nextRenewal(renewalDate, dayNumber(now)))).toBe(expected);
  });
});

describe('projectedLimitOf', () => {
  const evidence = [
    { id: 'tmp:trend:seats_used', description: '', value: 0.3, date: now, source: 'usage:seats' },
    {
      id: 'tmp:limit:seats',
      description: '',
      value: '2026-08-14',
      date: '2026-08-14',
      source: 'usage:seats',
    },
  ];

  it.each<[string, Signal[], LimitProjection | null]>([
    [
      'reads the limit the temporal technique projected',
      [signal('limit_projected', 0.8, ['tmp:limit:seats'])],
      { limit: 'seats', limitDate: '2026-08-14' },
    ],
    ['ignores other signals', [signal('seats_trending_up', 0.8, ['tmp:trend:seats_used'])], null],
    ['needs the cited evidence', [signal('limit_projected', 0.8, ['tmp:limit:consumption'])], null],
  ])('%s', (_, signals, projection) => {
    expect(projectedLimitOf(signals, evidence)).toStrictEqual(projection);
  });
});
