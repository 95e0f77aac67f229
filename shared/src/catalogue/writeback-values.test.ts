import { describe, expect, it } from 'vitest';
import { verdictSchema, type Verdict } from '../verdict/verdict.schema.ts';
import { machineFieldValues, signalLine, type MachineFieldValues } from './writeback-values.ts';

/** A ready seat upsell: three positive signals, one negative, two contradictions, the agent's pitch. */
function verdict(): Verdict {
  const input: Verdict = {
    accountId: 'acc-1',
    accountName: 'Northwind',
    asOf: '2026-10-01',
    readiness: 'ready',
    score: 72.5,
    probability: 0.72345,
    probabilityInterval: [0.61, 0.8],
    confidence: 2 / 3,
    motion: 'seat_upsell',
    potential: { currency: 'USD', arr: 24_000.5, low: 17_999.49, high: 30_000, basis: '50 seats × 480 USD' },
    expectedValue: 17_362.09,
    window: { opensOn: '2026-10-15', closesOn: '2026-11-15' },
    signals: [
      signal('high_expansion_probability', 'predictive', 'positive', 0.72, ['ev-model']),
      signal('seat_utilisation_high', 'business_rules', 'positive', 0.85, ['ev-gone', 'ev-seats']),
      signal('buying_intent', 'conversation', 'positive', 0.7, ['ev-intent']),
      signal('engagement_cooling', 'contact_network', 'negative', 0.9, ['ev-cooling']),
      signal('sponsor_engaged', 'contact_network', 'positive', 0.7, []),
    ],
    contradictions: [
      {
        code: 'renewal_imminent',
        label: 'Renewal imminent with negative context',
        effect: 'lower',
        evidenceIds: ['ev-renewal'],
      },
      { code: 'open_escalation', label: 'Open escalated or urgent ticket', effect: 'block', evidenceIds: [] },
    ],
    evidence: [
      {
        id: 'ev-seats',
        description: 'Seat utilisation 94 % (47 of 50 seats used, weekly median)',
        value: 0.9400000000000001,
        threshold: 0.8,
        date: '2026-09-28',
        source: 'usage:seats_used',
      },
      {
        id: 'ev-intent',
        description: 'Buying intent (inbound email, weight 0.831)',
        value: 'add seats',
        date: '2026-09-20',
        source: 'activity:a-1',
        quote: 'We need to add another team of twelve.',
      },
      {
        id: 'ev-model',
        description: 'Calibrated probability of expansion within 90 days (interval 0.61–0.8)',
        value: 0.723,
        date: '2026-10-01',
        source: 'model',
      },
      {
        id: 'ev-cooling',
        description: '2 stakeholder activities in the last 45 days vs 9 in the 90 before',
        value: 0.444,
        date: '2026-10-01',
        source: 'contact:c-2',
      },
      {
        id: 'ev-renewal',
        description: 'Renewal on 2026-11-30, in 60 days',
        value: '2026-11-30',
        date: '2026-10-01',
        source: 'contract',
      },
    ],
    techniques: [{ technique: 'business_rules', score: 0.85, confidence: 0.9 }],
    featureContributions: [],
    agent: {
      isReal: true,
      reason: 'Usage, conversations and the model agree.',
      adjustedPotential: { currency: 'USD', arr: 24_000, low: 18_000, high: 30_000, basis: '50 seats' },
      adjustments: [],
      decisionMaker: {
        contactId: '003A000001',
        name: 'Dana Reyes',
        title: 'VP Operations',
        reason: 'Budget',
      },
      approach: 'Seat upsell. Open with the fact: 47 of 50 seats are in use.',
      talkTrack: ['Your team uses 47 of its 50 seats.', ' ', 'Would it make sense to plan the next step?'],
      emailDraft: { subject: 'Northwind — your seats', body: 'Hi Dana,' },
      nextStep: 'Book a 30-minute review with Dana Reyes (VP Operations) before 2026-11-15.',
      citedEvidenceIds: ['ev-seats'],
      by: 'deterministic',
    },
  };
  return verdictSchema.parse(input);
}

function signal(
  code: Verdict['signals'][number]['code'],
  technique: Verdict['signals'][number]['technique'],
  polarity: 'positive' | 'negative',
  strength: number,
  evidenceIds: string[],
): Verdict['signals'][number] {
  // A label unlike the catalogue's: the write-back must show the catalogue's.
  return { code, technique, label: `engine label for ${code}`, polarity, strength, evidenceIds };
}

const SIGNALS = [
  'Seat utilisation above threshold: Seat utilisation 94 % (47 of 50 seats used, weekly median) (2026-09-28)',
  'Model predicts expansion: Calibrated probability of expansion within 90 days (interval 0.61–0.8) — 0.723 (2026-10-01)',
  'Buying intent expressed: Buying intent (inbound email, weight 0.831) — “We need to add another team of twelve.” (2026-09-20)',
  'Sponsor or champion actively engaged',
].join('\n');

const CONTRADICTIONS = [
  'Renewal imminent with negative context: Renewal on 2026-11-30, in 60 days (2026-10-01)',
  'Open escalated or urgent ticket',
].join('\n');

const APPROACH = [
  'Your team uses 47 of its 50 seats.',
  'Would it make sense to plan the next step?',
  'Next step: Book a 30-minute review with Dana Reyes (VP Operations) before 2026-11-15.',
].join('\n');

describe('machineFieldValues', () => {
  it('gives every machine-owned field its CRM value, and no human-owned field', () => {
    expect(machineFieldValues(verdict())).toStrictEqual({
      readiness: 'ready',
      score: 73,
      probability: 0.7235,
      probability_low: 0.61,
      probability_high: 0.8,
      confidence: 0.6667,
      motion: 'seat_upsell',
      potential: 24_001,
      potential_low: 17_999,
      potential_high: 30_000,
      expected_value: 17_362,
      window_start: '2026-10-15',
      window_end: '2026-11-15',
      signals: SIGNALS,
      contradictions: CONTRADICTIONS,
      approach: APPROACH,
      email_draft: 'Subject: Northwind — your seats\n\nHi Dana,',
      decision_maker: '003A000001',
      last_scored_at: '2026-10-01',
    } satisfies MachineFieldValues);
  });

  it('gives identical values for identical verdicts, also after a round trip through JSON', () => {
    const tonight = machineFieldValues(verdict());
    const stored = verdictSchema.parse(JSON.parse(JSON.stringify(verdict())));
    expect(machineFieldValues(structuredClone(verdict()))).toStrictEqual(tonight);
    expect(JSON.stringify(machineFieldValues(stored))).toBe(JSON.stringify(tonight));
  });

  it.each<[string, (v: Verdict) => Verdict, Partial<MachineFieldValues>]>([
    ['a score half way up', (v) => ({ ...v, score: 72.5 }), { score: 73 }],
    ['a score just below half', (v) => ({ ...v, score: 72.49 }), { score: 72 }],
    ['a score past 100', (v) => ({ ...v, score: 100.4 }), { score: 100 }],
    ['a probability to 4 decimals', (v) => ({ ...v, probability: 0.72344 }), { probability: 0.7234 }],
    ['a certain probability', (v) => ({ ...v, probability: 1 }), { probability: 1 }],
    ['a confidence of zero', (v) => ({ ...v, confidence: 0 }), { confidence: 0 }],
    [
      'a potential in cents',
      (v) => ({ ...v, potential: { ...v.potential, arr: 0.49, low: 0, high: 1.5 } }),
      { potential: 0, potential_low: 0, potential_high: 2 },
    ],
    ['an expected value in cents', (v) => ({ ...v, expectedValue: 9.5 }), { expected_value: 10 }],
    ['no window', (v) => ({ ...v, window: null }), { window_start: null, window_end: null }],
    ['no motion', (v) => ({ ...v, motion: null }), { motion: null }],
    [
      'an interval to 4 decimals',
      (v) => ({ ...v, probabilityInterval: [0.612345, 0.79996] }),
      { probability_low: 0.6123, probability_high: 0.8 },
    ],
    ['no agent', (v) => ({ ...v, agent: null }), { approach: null, email_draft: null, decision_maker: null }],
    [
      'no decision-maker',
      (v) => ({ ...v, agent: v.agent && { ...v.agent, decisionMaker: null } }),
      { decision_maker: null },
    ],
    ['another day', (v) => ({ ...v, asOf: '2026-10-02' }), { last_scored_at: '2026-10-02' }],
  ])('writes %s', (_case, change, expected) => {
    expect(machineFieldValues(change(verdict()))).toStrictEqual({
      ...machineFieldValues(verdict()),
      ...expected,
    });
  });
});

describe('machineFieldValues: text fields', () => {
  it('lists the positive signals, strongest first, with the catalogue label, the fact, its figure unless the fact states it, and its date', () => {
    expect(machineFieldValues(verdict()).signals).toBe(SIGNALS);
  });

  it('clears the signals when none points at expansion', () => {
    const v = verdict();
    const negativeOnly = { ...v, signals: v.signals.filter((s) => s.polarity === 'negative') };
    expect(machineFieldValues(negativeOnly).signals).toBeNull();
  });

  it('cuts the signals at 32,000 characters without splitting a character', () => {
    const v = verdict();
    const long = { ...v.evidence[0]!, description: '😀'.repeat(20_000) };
    const signals = machineFieldValues({ ...v, evidence: [long, ...v.evidence.slice(1)] }).signals;
    // 34 characters of label, then emoji pairs: the cut at 31,999 falls inside one, so it drops it.
    expect(typeof signals === 'string' && [signals.length, signals.slice(-3)]).toStrictEqual([31_999, '😀…']);
  });

  it('writes one line per contradiction, with its first evidence', () => {
    expect(machineFieldValues(verdict()).contradictions).toBe(CONTRADICTIONS);
    expect(machineFieldValues({ ...verdict(), contradictions: [] }).contradictions).toBeNull();
  });

  it('writes the talk track then the next step, skipping blank lines', () => {
    expect(machineFieldValues(verdict()).approach).toBe(APPROACH);
  });

  it('writes the email draft as its subject line, a blank line, then the body', () => {
    const v = verdict();
    const draft = (subject: string, body: string) =>
      machineFieldValues({ ...v, agent: v.agent && { ...v.agent, emailDraft: { subject, body } } })
        .email_draft;
    expect(draft(' Seats ', 'Hi Dana,\n\nBest,\nAlex ')).toBe('Subject: Seats\n\nHi Dana,\n\nBest,\nAlex');
    expect(draft('', 'Hi Dana,')).toBe('Hi Dana,');
    expect(draft('Seats', '')).toBe('Subject: Seats');
    expect(draft(' ', ' ')).toBeNull();
  });

  it('clears the approach when the agent said nothing', () => {
    const v = verdict();
    const silent = { ...v, agent: v.agent && { ...v.agent, talkTrack: [], nextStep: ' ' } };
    expect(machineFieldValues(silent).approach).toBeNull();
  });
});

describe('signalLine', () => {
  it('says the label once when the fact opens with it', () => {
    const evidence = {
      id: 'conv:a1:new_need',
      description:
        'New team, use case or project: team, office or department coming on board (inbound email)',
      value: 'bringing on board',
      date: '2026-10-29',
      source: 'activity:a1',
      quote: 'The Lyon team is coming on board.',
    };
    expect(signalLine('New team, use case or project', evidence)).toBe(
      'New team, use case or project: team, office or department coming on board (inbound email) — “The Lyon team is coming on board.” (2026-10-29)',
    );
    expect(
      signalLine('Buying intent expressed', { ...evidence, description: 'Stated need: 25 more seats' }),
    ).toBe(
      'Buying intent expressed: Stated need: 25 more seats — “The Lyon team is coming on board.” (2026-10-29)',
    );
  });
});
