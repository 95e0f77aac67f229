import { describe, expect, it } from 'vitest';
import { defaultOrgConfig, type ExpansionWindow, type Readiness, type Signal } from '@ripe/shared';
import { signal } from './composite-fixtures.ts';
import { expansionWindow, projectedLimitOf, type LimitProjection } from './window.composite.ts';

const now = '2026-06-30';
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
      'limit in 75 days: opens today, closes 60 days before',
      'nurture',
      { limit: 'seats', limitDate: '2026-09-13' },
      { opensOn: '2026-06-30', closesOn: '2026-07-15', limitDate: '2026-09-13', limit: 'seats' },
    ],
    [
      'limit already reached: now for 30 days',
      'ready',
      { limit: 'seats', limitDate: '2026-06-01' },
      { opensOn: '2026-06-30', closesOn: '2026-07-30', limitDate: '2026-06-01', limit: 'seats' },
    ],
    ['no dated limit: now for 30 days', 'ready', null, { opensOn: '2026-06-30', closesOn: '2026-07-30' }],
    ['caution: none', 'caution', { limit: 'seats', limitDate: '2026-12-31' }, null],
    ['not ready: none', 'not_ready', null, null],
  ])('%s', (_, readiness, projection, window) => {
    expect(expansionWindow(readiness, projection, now, config)).toStrictEqual(window);
  });

  it('follows the configured lead days', () => {
    const window = expansionWindow('ready', { limit: 'seats', limitDate: '2026-12-31' }, now, {
      leadDaysMax: 120,
      leadDaysMin: 30,
    });
    expect(window).toMatchObject({ opensOn: '2026-09-02', closesOn: '2026-12-01' });
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
