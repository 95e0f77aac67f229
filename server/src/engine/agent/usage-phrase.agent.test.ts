import { describe, expect, it } from 'vitest';
import { addDays } from '@ripe/shared';
import {
  buildSnapshot,
  constant,
  seriesEndingOn,
  testContext,
  TEST_NOW,
} from '../techniques/test-fixtures.ts';
import { signal } from '../composite/composite-fixtures.ts';
import { createAnchorPhraser } from './usage-phrase.agent.ts';

const ctx = testContext();
const reachedOn = addDays(TEST_NOW, -40);
const limit = {
  evidence: {
    id: 'tmp:limit:seats',
    description: 'seats limit reached',
    value: reachedOn,
    threshold: 50,
    date: reachedOn,
    source: 'usage:seats_used',
  },
  signal: signal('limit_projected', 0.7, ['tmp:limit:seats']),
};

/** The 50-seat licence's usage: 40 seats, then 50 from 40 days ago, then `today` seats for the last 20 days. */
const account = (today: number) =>
  buildSnapshot({
    contract: { seatsLicensed: 50 },
    usage: [
      seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', [
        ...constant(40, 40),
        ...constant(20, 50),
        ...constant(20, today),
      ]),
    ],
  });

describe('the limit reached, in the customer’s words', () => {
  it('says "since" while the team is still at its licence', () => {
    const phrase = createAnchorPhraser(account(50), ctx);
    expect(phrase(limit, 'en')).toMatch(/^You have been at your 50 seats since /);
    expect(phrase(limit, 'fr')).toMatch(/^Vous êtes à vos 50 licences depuis le /);
  });

  it('says the day it was reached when the team is back under it, not "since"', () => {
    const phrase = createAnchorPhraser(account(47), ctx);
    expect(phrase(limit, 'en')).toMatch(/^You reached your 50 seats on /);
    expect(phrase(limit, 'fr')).toMatch(/^Vous avez atteint vos 50 licences le /);
  });
});
