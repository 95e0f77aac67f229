import { describe, expect, it } from 'vitest';
import { verdictSchema, type Evidence, type Verdict } from '@ripe/shared';
import { contradiction, signal } from '../composite/composite-fixtures.ts';
import {
  buildSnapshot,
  constant,
  ramp,
  seriesEndingOn,
  testContext,
  TEST_NOW,
  type SnapshotOverrides,
} from '../techniques/test-fixtures.ts';
import { createDeterministicAgent, type DecisionMaker } from './deterministic.agent.ts';

const ctx = testContext();
const sponsor: DecisionMaker = {
  contactId: 'c-1',
  name: 'Claire Martin',
  title: 'VP Operations',
  reason: 'Budget owner, active in the last 30 days',
};
const agent = createDeterministicAgent(() => sponsor);

const evidence: Evidence[] = [
  {
    id: 'br:seat-utilisation',
    description: 'Seat utilisation 94 % on each of the last 45 days with data (47 of 50 seats used)',
    value: 0.94,
    threshold: 0.8,
    date: '2026-06-30',
    source: 'usage:seats_used',
  },
  {
    id: 'tmp:trend:seats_used',
    description: 'Seats used up 25 % over 13 weeks',
    value: 0.25,
    threshold: 0.1,
    date: '2026-06-30',
    source: 'usage:seats_used',
  },
  {
    id: 'cv:a-7',
    description: 'Buying intent in an email',
    value: 'buying_intent',
    date: '2026-06-20',
    source: 'activity:a-7',
    quote: 'we will need licences for the new Lyon team',
  },
  { id: 'cn:c-1', description: 'Sponsor engaged', value: 4, date: '2026-06-25', source: 'contact:c-1' },
];

function verdict(overrides: Partial<Verdict> = {}): Verdict {
  return verdictSchema.parse({
    accountId: 'acc-1',
    accountName: 'Acme',
    asOf: TEST_NOW,
    readiness: 'ready',
    score: 78,
    probability: 0.4,
    probabilityInterval: [0.3, 0.5],
    confidence: 0.7,
    motion: 'seat_upsell',
    potential: { currency: 'USD', arr: 7680, low: 5280, high: 9600, basis: '16 extra seats × 480 USD.' },
    expectedValue: 3072,
    window: { opensOn: '2026-06-30', closesOn: '2026-07-30' },
    signals: [
      signal('seat_utilisation_high', 0.9, ['br:seat-utilisation']),
      signal('seats_trending_up', 0.7, ['tmp:trend:seats_used']),
      signal('buying_intent', 0.7, ['cv:a-7']),
      signal('sponsor_engaged', 0.6, ['cn:c-1', 'cn:missing']),
    ],
    contradictions: [],
    evidence,
    techniques: [],
    featureContributions: [],
    agent: null,
    ...overrides,
  });
}

const seats = seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', [
  ...ramp(46, 38, 44),
  ...constant(45, 47),
]);
/** The customer's email the quote comes from. */
const lyonEmail = {
  id: 'a-7',
  type: 'email' as const,
  occurredAt: '2026-06-20T09:00:00Z',
  direction: 'inbound' as const,
  participants: ['c-1'],
  text: 'Hello, we will need licences for the new Lyon team.',
};
function snapshot(overrides: SnapshotOverrides = {}) {
  return buildSnapshot({
    account: { country: 'US', csmName: 'Sam Lee' },
    contract: { renewalDate: '2027-03-01' },
    usage: [seats],
    activities: [lyonEmail],
    ...overrides,
  });
}

describe('deterministic agent', () => {
  it('cites only evidence present in the verdict, and the usage anchor first', () => {
    const subject = verdict();
    const assessment = agent.assess(subject, snapshot(), ctx);
    const ids = new Set(subject.evidence.map((item) => item.id));
    expect(assessment.citedEvidenceIds.length).toBeGreaterThan(0);
    for (const id of assessment.citedEvidenceIds) expect(ids.has(id)).toBe(true);
    expect(assessment.citedEvidenceIds[0]).toBe('br:seat-utilisation');
    expect(assessment.citedEvidenceIds).not.toContain('cn:missing');
    expect(assessment.by).toBe('deterministic');
  });

  it('anchors the talk track on the seat usage and backs it with the customer quote', () => {
    const assessment = agent.assess(verdict(), snapshot(), ctx);
    expect(assessment.talkTrack[0]).toMatch(
      /^Your team uses 47 of its 50 seats, at or above 80 % of the licence for the last \d+ days\.$/,
    );
    expect(assessment.talkTrack[1]).toBe('You told us: "we will need licences for the new Lyon team"');
    expect(assessment.approach).toContain('Open with the fact: Your team uses 47 of its 50 seats');
    expect(assessment.approach).toContain('Sized at 7,680 USD (range 5,280 USD–9,600 USD).');
    expect(assessment.nextStep).toBe(
      'The window is open since 2026-06-30 and closes on 2026-07-30: book a 30-minute review with ' +
        'Claire Martin (VP Operations) now, then send the email draft.',
    );
  });

  it('quotes the sentence the potential rests on before another quote of the same message', () => {
    const need: Evidence = {
      id: 'conv:need:people',
      description: 'Stated need: 15 more people to equip',
      value: 15,
      date: '2026-06-20',
      source: 'activity:a-7',
      quote: 'A team of 15 people is joining in Lyon.',
    };
    const subject = verdict({
      evidence: [...evidence, need],
      potential: {
        currency: 'USD',
        arr: 7200,
        low: 4800,
        high: 7200,
        basis: '15 extra seats × 480 USD.',
        evidenceIds: ['conv:need:people'],
      },
    });
    const assessment = agent.assess(subject, snapshot(), ctx);
    expect(assessment.talkTrack[1]).toBe('You told us: "A team of 15 people is joining in Lyon."');
    expect(assessment.citedEvidenceIds).toContain('conv:need:people');
  });

  it('names who said the quoted sentence when the email goes to someone else', () => {
    const contacts = [
      { id: 'c-1', name: 'Claire Martin', createdAt: '2025-01-01' },
      { id: 'c-2', name: 'Lena Hoffmann', createdAt: '2025-01-01' },
      { id: 'c-3', name: 'Tom Price', createdAt: '2025-01-01' },
    ];
    const quoteLine = (participants: string[], country = 'US') =>
      agent.assess(
        verdict(),
        snapshot({
          account: { country, csmName: 'Sam Lee' },
          contacts,
          activities: [{ ...lyonEmail, participants }],
        }),
        ctx,
      ).talkTrack[1];
    expect(quoteLine(['c-1'])).toBe('You told us: "we will need licences for the new Lyon team"');
    expect(quoteLine(['c-2'])).toBe('Lena told us: "we will need licences for the new Lyon team"');
    expect(quoteLine(['c-2', 'c-3'])).toBe(
      'Your team told us: "we will need licences for the new Lyon team"',
    );
    expect(quoteLine(['c-2'], 'FR')).toBe(
      'Lena nous a dit : « we will need licences for the new Lyon team »',
    );
  });

  it('states a potential that is one amount (a flat fee) without a range', () => {
    const flat = {
      currency: 'USD',
      arr: 6000,
      low: 6000,
      high: 6000,
      basis: 'Analytics at a flat 6,000 USD a year.',
    };
    const assessment = agent.assess(verdict({ motion: 'cross_sell', potential: flat }), snapshot(), ctx);
    expect(assessment.approach).toContain('Sized at 6,000 USD.');
    expect(assessment.approach).not.toContain('range');
  });

  it('never quotes an internal note or our own email back to the customer', () => {
    for (const direction of ['internal', 'outbound'] as const) {
      const assessment = agent.assess(
        verdict(),
        snapshot({ activities: [{ ...lyonEmail, direction }] }),
        ctx,
      );
      expect(assessment.emailDraft.body).not.toContain('Lyon');
      expect(assessment.talkTrack.join(' ')).not.toContain('Lyon');
    }
  });

  it('states the potential of the verdict, then the adjusted one with its reasons', () => {
    const assessment = agent.assess(verdict(), snapshot({ contract: { renewalDate: '2026-09-01' } }), ctx);
    expect(assessment.approach).toContain(
      'Sized at 7,680 USD (range 5,280 USD–9,600 USD); adjusted to 6,144 USD (range 4,224 USD–7,680 USD): ' +
        'Renewal on 2026-09-01 (in 63 days) could absorb part of it into the renewal negotiation.',
    );
    expect(assessment.emailDraft.body).not.toMatch(/USD|\d{1,3},\d{3}/);
  });

  it('plans between the dates of a window still ahead, against the customer limit date', () => {
    const ahead = verdict({
      window: { opensOn: '2026-08-01', closesOn: '2026-08-31', limitDate: '2026-10-30', limit: 'seats' },
    });
    const assessment = agent.assess(ahead, snapshot(), ctx);
    expect(assessment.nextStep).toBe(
      'Book a 30-minute review with Claire Martin (VP Operations) between 2026-08-01 and 2026-08-31, then send the email draft.',
    );
    expect(assessment.talkTrack.at(-1)).toBe(
      'Would it make sense to plan the next step together before 2026-10-30?',
    );
  });

  it('judges a converging, unblocked, recent opportunity real', () => {
    const assessment = agent.assess(verdict(), snapshot(), ctx);
    expect(assessment.isReal).toBe(true);
    expect(assessment.reason).toMatch(
      /^3 independent sources agree \(usage, conversations, the relationship\)/,
    );
  });

  it.each<[string, Partial<Verdict>, RegExp]>([
    [
      'an isolated signal',
      { readiness: 'nurture', signals: [signal('seat_utilisation_high', 0.9, ['br:seat-utilisation'])] },
      /^Only usage points at expansion/,
    ],
    [
      'a blocking contradiction',
      { contradictions: [{ ...contradiction('open_escalation', 'block'), label: 'Open escalation' }] },
      /^Open escalation blocks it/,
    ],
    [
      'stale evidence',
      { evidence: evidence.map((item) => ({ ...item, date: '2026-04-01' })) },
      /^The latest supporting evidence dates from 2026-04-01/,
    ],
    [
      'stale evidence behind a fresh model score and a projected limit',
      {
        evidence: [
          ...evidence.map((item) => ({ ...item, date: '2026-04-01' })),
          { id: 'pred:probability', description: 'p', value: 0.7, date: TEST_NOW, source: 'model' },
          {
            id: 'tmp:limit:seats',
            description: 'l',
            value: '2026-08-01',
            date: '2026-08-01',
            source: 'usage:seats',
          },
        ],
        signals: [
          ...verdict().signals,
          signal('high_expansion_probability', 0.7, ['pred:probability']),
          signal('limit_projected', 0.7, ['tmp:limit:seats']),
        ],
      },
      /^The latest supporting evidence dates from 2026-04-01/,
    ],
  ])('judges %s not real', (_, overrides, reason) => {
    const assessment = agent.assess(verdict(overrides), snapshot(), ctx);
    expect(assessment.isReal).toBe(false);
    expect(assessment.reason).toMatch(reason);
    expect(assessment.nextStep).toMatch(/^Do not pitch yet/);
  });

  it.each<[string, Partial<Verdict>, SnapshotOverrides, number[]]>([
    ['nothing to adjust', {}, {}, []],
    ['renewal in 63 days', {}, { contract: { renewalDate: '2026-09-01' } }, [0.8]],
    [
      'a new budget owner',
      { signals: [...verdict().signals, signal('new_budget_owner', 0.7, ['cn:c-1'])] },
      {},
      [1.1],
    ],
    [
      'renewal imminent and a recent contraction',
      { contradictions: [contradiction('renewal_imminent'), contradiction('recent_contraction')] },
      {},
      [0.8, 0.85],
    ],
  ])('adjusts the sizing for %s', (_, overrides, snapshotOverrides, factors) => {
    const assessment = agent.assess(verdict(overrides), snapshot(snapshotOverrides), ctx);
    expect(assessment.adjustments.map((adjustment) => adjustment.factor)).toStrictEqual(factors);
    const factor = factors.reduce((product, value) => product * value, 1);
    expect(assessment.adjustedPotential.arr).toBe(Math.round(7680 * factor));
    if (factors.length > 0) expect(assessment.adjustedPotential.basis).toMatch(/Adjusted [+−]\d+ %/);
  });

  it('writes the email in English to a US account, signed by the CSM', () => {
    const { emailDraft } = agent.assess(verdict(), snapshot(), ctx);
    expect(emailDraft.subject).toBe('Acme — planning ahead of your seat limit');
    expect(emailDraft.body).toMatch(
      /^Hi Claire,\n\nWhile preparing our next check-in, I noticed this: your team/,
    );
    expect(emailDraft.body).toMatch(/Best regards,\nSam Lee$/);
  });

  it('writes the email in French to a French account', () => {
    const { emailDraft, talkTrack } = agent.assess(verdict(), snapshot({ account: { country: 'FR' } }), ctx);
    expect(emailDraft.subject).toBe('Acme — anticiper votre limite de licences');
    expect(emailDraft.body).toMatch(/^Bonjour Claire,\n\nEn préparant notre prochain point/);
    expect(emailDraft.body).toContain('votre équipe utilise 47 de ses 50 licences');
    expect(emailDraft.body).toContain('Vous nous avez dit : « we will need licences for the new Lyon team »');
    expect(talkTrack.at(-1)).toBe(
      'Est-ce que cela aurait du sens de regarder ensemble la suite avant le 30/07/2026 ?',
    );
  });

  it('greets without a name when no decision-maker is known', () => {
    const anonymous = createDeterministicAgent(() => null);
    const assessment = anonymous.assess(verdict(), snapshot(), ctx);
    expect(assessment.decisionMaker).toBeNull();
    expect(assessment.emailDraft.body).toMatch(/^Hello,\n/);
    expect(assessment.nextStep).toContain('the main sponsor');
  });

  it('anchors a usage commit on consumption', () => {
    const consumption: Evidence = {
      id: 'br:consumption-commit',
      description: 'Monthly consumption run-rate 9200 is 92 % of the 10000 committed, for 40 days',
      value: 0.92,
      threshold: 0.8,
      date: '2026-06-30',
      source: 'usage:api_calls',
    };
    const subject = verdict({
      motion: 'usage_commit',
      evidence: [...evidence, consumption],
      signals: [...verdict().signals, signal('consumption_near_commit', 0.8, ['br:consumption-commit'])],
    });
    const assessment = agent.assess(subject, snapshot(), ctx);
    expect(assessment.talkTrack[0]).toBe('Your monthly consumption is running at 92 % of your commit.');
    expect(assessment.citedEvidenceIds[0]).toBe('br:consumption-commit');
  });

  it('falls back on a conversation fact for the team, a plain opening for the customer, without usage evidence', () => {
    const conversationOnly = evidence.filter((item) => !item.source.startsWith('usage:'));
    const subject = verdict({
      motion: 'cross_sell',
      evidence: conversationOnly,
      signals: [signal('new_need', 0.7, ['cv:a-7']), signal('sponsor_engaged', 0.6, ['cn:c-1'])],
    });
    const assessment = agent.assess(subject, snapshot(), ctx);
    // the customer is never sent the team's note as it is
    expect(assessment.talkTrack[0]).toBe(
      'We have been looking at how your team uses the platform over the last few weeks.',
    );
    expect(assessment.approach).toContain('Open with the fact: Buying intent in an email (2026-06-20).');
    expect(assessment.citedEvidenceIds[0]).toBe('cv:a-7');
    expect(assessment.emailDraft.subject).toBe('Acme — an idea for your new workflow');
  });
});
