import type { Evidence } from '@ripe/shared';
import { describe, expect, it } from 'vitest';
import { classifyChange, evidenceHash, type ScoredState, type VerdictChangeKind } from './verdict-change.ts';

describe('classifyChange', () => {
  const cases: Array<[string, ScoredState | null, ScoredState, VerdictChangeKind]> = [
    ['no previous state', null, { readiness: 'ready', score: 70 }, 'new'],
    [
      'readiness changed',
      { readiness: 'nurture', score: 70 },
      { readiness: 'ready', score: 70 },
      'readiness_changed',
    ],
    [
      'readiness wins over a score move',
      { readiness: 'nurture', score: 40 },
      { readiness: 'ready', score: 80 },
      'readiness_changed',
    ],
    [
      'score up by exactly 5',
      { readiness: 'ready', score: 70 },
      { readiness: 'ready', score: 75 },
      'score_moved',
    ],
    ['score down by 5', { readiness: 'ready', score: 70 }, { readiness: 'ready', score: 65 }, 'score_moved'],
    ['score up by 4.9', { readiness: 'ready', score: 70 }, { readiness: 'ready', score: 74.9 }, 'unchanged'],
    ['identical', { readiness: 'caution', score: 12 }, { readiness: 'caution', score: 12 }, 'unchanged'],
  ];
  it.each(cases)('%s', (_, previous, current, expected) => {
    expect(classifyChange(previous, current)).toBe(expected);
  });

  it('takes the threshold as a setting', () => {
    expect(classifyChange({ readiness: 'ready', score: 70 }, { readiness: 'ready', score: 72 }, 2)).toBe(
      'score_moved',
    );
  });
});

describe('evidenceHash', () => {
  const seats: Evidence = {
    id: 'ev-1',
    description: 'Seats',
    value: 0.93,
    threshold: 0.8,
    date: '2026-10-01',
    source: 'usage:seats',
  };
  const quote: Evidence = {
    id: 'ev-2',
    description: 'Intent',
    value: 'team',
    date: '2026-09-20',
    source: 'activity:a1',
    quote: 'a new team',
  };

  it('ignores the order of the list and of the keys', () => {
    const reordered: Evidence = {
      source: 'usage:seats',
      date: '2026-10-01',
      threshold: 0.8,
      value: 0.93,
      description: 'Seats',
      id: 'ev-1',
    };
    expect(evidenceHash([seats, quote])).toBe(evidenceHash([quote, reordered]));
  });

  it('changes when a fact changes', () => {
    expect(evidenceHash([seats, quote])).not.toBe(evidenceHash([{ ...seats, value: 0.94 }, quote]));
    expect(evidenceHash([seats])).not.toBe(evidenceHash([seats, quote]));
  });
});
