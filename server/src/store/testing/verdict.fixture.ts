import type { Readiness, Verdict } from '@ripe/shared';

export interface VerdictFixture {
  accountId: string;
  readiness?: Readiness;
  score?: number;
  asOf?: string;
  /** Evidence items: the default 8 make about 3 KB of JSON. */
  evidenceCount?: number;
}

/** A valid verdict shaped like the engine's, about 3 KB of JSON. */
export function makeVerdict(fixture: VerdictFixture): Verdict {
  const { accountId, readiness = 'ready', score = 72, asOf = '2026-10-01', evidenceCount = 8 } = fixture;
  const evidence = Array.from({ length: evidenceCount }, (_, index) => ({
    id: `ev-${accountId}-${index}`,
    description: `Seat utilisation above the threshold, measurement ${index}`,
    value: 0.8 + index / 100,
    threshold: 0.8,
    date: asOf,
    source: 'usage:seats_used',
  }));
  const evidenceIds = evidence.map((item) => item.id);
  return {
    accountId,
    accountName: `Account ${accountId}`,
    asOf,
    readiness,
    score,
    probability: score / 100,
    probabilityInterval: [Math.max(0, score / 100 - 0.1), Math.min(1, score / 100 + 0.1)],
    confidence: 0.7,
    motion: 'seat_upsell',
    potential: { currency: 'USD', arr: 24_000, low: 18_000, high: 30_000, basis: '50 seats × 480 USD' },
    expectedValue: (24_000 * score) / 100,
    window: { opensOn: '2026-10-15', closesOn: '2026-11-15', limitDate: '2027-01-10', limit: 'seats' },
    signals: [
      {
        code: 'seat_utilisation_high',
        technique: 'business_rules',
        label: 'Seat utilisation ≥ 80 % for 30 days',
        polarity: 'positive',
        strength: 0.8,
        motion: 'seat_upsell',
        evidenceIds,
      },
      {
        code: 'buying_intent',
        technique: 'conversation',
        label: 'Asked about adding a team',
        polarity: 'positive',
        strength: 0.6,
        evidenceIds: evidenceIds.slice(0, 1),
      },
    ],
    contradictions: [],
    evidence,
    techniques: [
      { technique: 'predictive', score: 0.7, confidence: 0.6 },
      { technique: 'business_rules', score: 0.8, confidence: 0.9 },
      { technique: 'conversation', score: 0.6, confidence: 0.5 },
    ],
    featureContributions: [
      { feature: 'seat_utilisation', value: 0.93, contribution: 0.8 },
      { feature: 'active_user_trend', value: 0.12, contribution: 0.3 },
      { feature: 'days_to_renewal', value: 140, contribution: -0.1 },
    ],
    agent: null,
  };
}
