import { describe, expect, it } from 'vitest';
import type { Readiness, Verdict } from '@ripe/shared';
import { buildSnapshot, constant, seriesEndingOn, TEST_NOW } from '@ripe/shared/testing';
import { sandboxPriceBook } from '../sandbox/sandbox-price-book.ts';
import { TopOpportunities } from './top-opportunities.ts';

function verdict(id: number, readiness: Readiness, expectedValue: number): Verdict {
  return {
    accountId: `acc-${id}`,
    accountName: `Account ${id}`,
    asOf: TEST_NOW,
    readiness,
    score: 50,
    probability: 0.5,
    probabilityInterval: [0.4, 0.6],
    confidence: 0.5,
    motion: null,
    potential: { currency: 'USD', arr: expectedValue * 2, low: 0, high: 0, basis: '' },
    expectedValue,
    window: null,
    signals: [],
    contradictions: [],
    evidence: [],
    techniques: [],
    featureContributions: [],
    agent: null,
  };
}

const snapshot = buildSnapshot({
  usage: [seriesEndingOn(TEST_NOW, 'seats', 'seats_used', constant(60, 30))],
});

describe('TopOpportunities', () => {
  it('ranks expected values in the price book’s currency when accounts buy in others', () => {
    const book = { ...sandboxPriceBook, exchangeRates: { JPY: 150 } };
    const shortlist = new TopOpportunities({ top: 3 }, book);
    const yen = {
      ...verdict(1, 'ready', 600_000),
      potential: { ...verdict(1, 'ready', 0).potential, currency: 'JPY' },
    };
    // 600,000 JPY is 4,000 USD: below a 5,000 USD account, above a 3,000 USD one.
    for (const offered of [yen, verdict(2, 'ready', 5_000), verdict(3, 'ready', 3_000)])
      shortlist.offer(offered, snapshot);
    expect(shortlist.list().map((entry) => entry.verdict.accountId)).toStrictEqual([
      'acc-2',
      'acc-1',
      'acc-3',
    ]);
  });

  it('keeps every ready account beyond the ranked top, and the best nurture ones up to their bound', () => {
    const shortlist = new TopOpportunities({ top: 3, ready: 100, nurture: 2 });
    const offered = [
      ...Array.from({ length: 8 }, (_, i) => verdict(i, 'ready', 100 * i)),
      ...Array.from({ length: 5 }, (_, i) => verdict(10 + i, 'nurture', 1_000 * i)),
      verdict(20, 'caution', 9_999),
      verdict(21, 'not_ready', 99_999),
    ];
    for (const v of offered) shortlist.offer(v, snapshot);
    const ids = (list: { verdict: Verdict }[]) => list.map((e) => e.verdict.accountId);
    expect(ids(shortlist.list())).toStrictEqual(['acc-7', 'acc-6', 'acc-5']);
    expect(ids(shortlist.readyList())).toStrictEqual([
      'acc-7',
      'acc-6',
      'acc-5',
      'acc-4',
      'acc-3',
      'acc-2',
      'acc-1',
      'acc-0',
    ]);
    expect(ids(shortlist.nurtureList())).toStrictEqual(['acc-14', 'acc-13']);
    expect(shortlist.readyList()[0]).toBe(shortlist.list()[0]);
    expect(shortlist.readyList()[0]?.chart?.metric).toBe('seats_used');
  });
});
