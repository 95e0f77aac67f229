import { describe, expect, it } from 'vitest';
import type { ActivityType } from '@ripe/shared';
import {
  buildSnapshot,
  instantDaysAgo,
  resultProblems,
  signalCodes,
  TEST_NOW,
  testContext,
} from '../test-fixtures.ts';
import { conversationTechnique } from './conversation.technique.ts';

interface Message {
  text: string;
  daysAgo?: number;
  direction?: 'inbound' | 'outbound' | 'internal';
  type?: ActivityType;
}

function analyse(messages: Message[], lookbackDays?: number) {
  const snapshot = buildSnapshot({
    activities: messages.map((message, index) => ({
      id: `act-${index + 1}`,
      type: message.type ?? 'email',
      occurredAt: instantDaysAgo(TEST_NOW, message.daysAgo ?? 5),
      direction: message.direction ?? 'inbound',
      text: message.text,
    })),
  });
  const config = lookbackDays ? { conversation: { lookbackDays } } : {};
  return conversationTechnique(snapshot, testContext(TEST_NOW, config));
}

describe('conversationTechnique: one test per signal', () => {
  it.each([
    ['buying_intent', 'We need 10 more seats for the new hires.', 'Thanks, talk soon.'],
    ['buying_intent', 'Nous aimerions ajouter 15 licences.', 'Merci, à bientôt.'],
    ['plan_limit_question', 'We keep hitting the seat limit.', 'We keep hitting the ball.'],
    ['new_need', 'A new team in Boston will start using it.', 'The team in Boston is using it.'],
    ['growth_event', 'Nous recrutons 30 personnes au second semestre.', 'Nous avons reçu 30 personnes.'],
    [
      'dissatisfaction',
      'We are really disappointed with the export.',
      'We are not disappointed with the export.',
    ],
    ['budget_cut', 'Budget cuts hit every department.', 'Budget season starts in every department.'],
    ['churn_threat', 'Nous envisageons de résilier.', 'Nous envisageons de continuer.'],
    [
      'champion_leaving_mentioned',
      'Anna is leaving the company in May.',
      'Anna is leaving for a conference in May.',
    ],
  ])('%s: "%s" fires, "%s" does not', (code, positive, nearMiss) => {
    const fired = analyse([{ text: positive }]);
    expect(signalCodes(fired)).toStrictEqual([code]);
    expect(resultProblems(fired)).toStrictEqual([]);
    expect(signalCodes(analyse([{ text: nearMiss }]))).toStrictEqual([]);
  });
});

describe('conversationTechnique', () => {
  it('quotes the sentence, with the activity as source and its day as date', () => {
    const result = analyse([
      { text: 'Hello Sam. We are hitting the seat limit, which plan includes audit logs?', daysAgo: 12 },
    ]);
    expect(result.evidence).toStrictEqual([
      {
        id: 'conv:act-1:plan_limit_question',
        description: 'Question about plan or limits (inbound email)',
        value: 'hitting the seat limit',
        date: '2026-06-18',
        source: 'activity:act-1',
        quote: 'We are hitting the seat limit, which plan includes audit logs?',
      },
    ]);
    expect(result.signals[0]).toMatchObject({
      motion: 'tier_upgrade',
      polarity: 'positive',
      evidenceIds: ['conv:act-1:plan_limit_question'],
    });
  });

  it('weighs an intent of 170 days less than one of 5 days and ignores one past the lookback', () => {
    const text = 'We will need more seats.';
    const fresh = analyse([{ text, daysAgo: 5 }]).signals[0]?.strength ?? 0;
    const old = analyse([{ text, daysAgo: 170 }]).signals[0]?.strength ?? 0;
    expect(old).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(3 * old);
    expect(analyse([{ text, daysAgo: 190 }]).signals).toStrictEqual([]);
    expect(analyse([{ text, daysAgo: 190 }], 200).signals).toHaveLength(1);
  });

  it('trusts what the customer wrote more than what we wrote', () => {
    const text = 'Happy to discuss more seats.';
    const inbound = analyse([{ text, direction: 'inbound' }]).signals[0]?.strength ?? 0;
    const note = analyse([{ text, direction: 'internal', type: 'note' }]).signals[0]?.strength ?? 0;
    const outbound = analyse([{ text, direction: 'outbound' }]).signals[0]?.strength ?? 0;
    expect(inbound).toBeGreaterThan(note);
    expect(note).toBeGreaterThan(outbound);
  });

  it('cancels negated intent in English and French', () => {
    const result = analyse([
      { text: 'We do not need more seats. There are no plans to add users.' },
      { text: "Nous n'avons pas besoin de licences supplémentaires. Pas de nouveau projet." },
    ]);
    // no expansion read, only the decline itself
    expect(signalCodes(result)).toStrictEqual(['expansion_declined']);
    expect(result.score).toBe(0);
  });

  it('accumulates mentions, keeps the three weightiest quotes, and lets negative context lower the score', () => {
    const intent = analyse([5, 20, 40, 60].map((daysAgo) => ({ text: 'We need more seats.', daysAgo })));
    expect(intent.signals[0]?.evidenceIds).toStrictEqual([
      'conv:act-1:buying_intent',
      'conv:act-2:buying_intent',
      'conv:act-3:buying_intent',
    ]);
    const single = analyse([{ text: 'We need more seats.' }]);
    expect(intent.signals[0]?.strength).toBeGreaterThan(single.signals[0]?.strength ?? 1);
    const mixed = analyse([{ text: 'We need more seats.' }, { text: 'We are evaluating alternatives.' }]);
    expect(mixed.signals.find((signal) => signal.code === 'churn_threat')?.polarity).toBe('negative');
    expect(mixed.score).toBeLessThan(single.score);
  });

  it('grows confidence with the number of activities read', () => {
    const few = analyse([{ text: 'Hello.' }]);
    const many = analyse(Array.from({ length: 20 }, () => ({ text: 'Hello.' })));
    expect(analyse([]).confidence).toBe(0);
    expect(few.confidence).toBeLessThan(0.2);
    expect(many.confidence).toBeGreaterThan(0.9);
  });
});

describe('conversationTechnique subjects', () => {
  it('reads the subject as a sentence of its own, once per code with the body', () => {
    const snapshot = buildSnapshot({
      activities: [
        {
          id: 'act-1',
          type: 'email',
          occurredAt: instantDaysAgo(TEST_NOW, 3),
          direction: 'inbound',
          subject: 'Quote for 20 more seats',
          text: 'Hi, as discussed we need more seats.',
        },
      ],
    });
    const result = conversationTechnique(snapshot, testContext());
    expect(result.evidence.map((evidence) => [evidence.id, evidence.quote])).toStrictEqual([
      ['conv:act-1:buying_intent', 'Quote for 20 more seats'],
      ['conv:need:seats', 'Quote for 20 more seats'],
    ]);
  });
});

describe('conversationTechnique: a need stated in numbers', () => {
  const need = (result: ReturnType<typeof analyse>) =>
    result.evidence
      .filter((evidence) => evidence.id.startsWith('conv:need:'))
      .map((evidence) => [evidence.id, evidence.value, evidence.description]);

  it.each<[string, Message[], (string | number)[][]]>([
    [
      'a team coming on board, people stated',
      [{ text: "We're bringing the Berlin office on board in Q2, roughly 30 people." }],
      [['conv:need:people', 30, 'Stated need: about 30 more people to equip']],
    ],
    [
      'more seats asked for',
      [{ text: 'Could you send us a quote for 20 additional licences?' }],
      [['conv:need:seats', 20, 'Stated need: 20 more seats']],
    ],
    [
      'a second team of 20',
      [{ text: 'A second team of 20 wants to start using the platform next month.' }],
      [['conv:need:people', 20, 'Stated need: 20 more people to equip']],
    ],
    [
      'a total past the licence (50)',
      [{ text: 'What would it cost to go to 80 seats?' }],
      [['conv:need:seats-total', 80, 'Stated need: 80 seats in all']],
    ],
    [
      'French, hiring',
      [{ text: 'Nous recrutons 12 commerciaux en septembre, il leur faudra des accès.' }],
      [['conv:need:people', 12, 'Stated need: 12 more people to equip']],
    ],
    ['a need without a number', [{ text: 'We need more seats for the new hires.' }], []],
    ['growth already done', [{ text: 'Last year we added 30 people.' }], []],
    ['French, growth already done', [{ text: "L'an dernier nous avons embauché 30 personnes." }], []],
    [
      'done growth that lacks seats now',
      [{ text: "We just hired four analysts and there's no licence left for them." }],
      [['conv:need:people', 4, 'Stated need: 4 more people to equip']],
    ],
    ['a hedged need', [{ text: 'We might bring 40 people from Lyon on board next year.' }], []],
    ['our own email', [{ text: 'Would you need 20 more seats?', direction: 'outbound' }], []],
    [
      'the latest of two',
      [
        { text: 'We need 10 more seats.', daysAgo: 40 },
        { text: 'Make that 25 more seats, the Lyon team joins too.', daysAgo: 4 },
      ],
      [['conv:need:seats', 25, 'Stated need: 25 more seats']],
    ],
  ])('%s', (_, messages, expected) => {
    const result = analyse(messages);
    expect(need(result)).toStrictEqual(expected);
    expect(resultProblems(result)).toStrictEqual([]);
    for (const [id] of expected) {
      const citing = result.signals.filter((signal) => signal.evidenceIds[0] === id);
      expect(citing).toHaveLength(1);
    }
  });

  it('makes a new team stated in numbers a seat need, a new use case a cross-sell', () => {
    const team = analyse([{ text: "We're bringing the Berlin office on board in Q2, roughly 30 people." }]);
    const useCase = analyse([
      { text: 'The finance team has a new use case: tracking renewals across regions.' },
    ]);
    expect(team.signals.find((signal) => signal.code === 'new_need')?.motion).toBe('seat_upsell');
    expect(useCase.signals.find((signal) => signal.code === 'new_need')?.motion).toBe('cross_sell');
  });
});

describe('conversationTechnique: our own product named', () => {
  it('reads a demo of one of our modules as ours, a demo of another vendor as an alternative evaluated', () => {
    const ours = analyse([
      {
        text: 'Demo of the Analytics module for Nina and David, they asked for a proposal.',
        type: 'note',
        direction: 'internal',
      },
    ]);
    const theirs = analyse([{ text: 'They had a demo of Zendor last week, ahead of the renewal.' }]);
    expect(signalCodes(ours)).not.toContain('churn_threat');
    expect(signalCodes(ours)).toContain('buying_intent');
    expect(signalCodes(theirs)).toContain('churn_threat');
  });

  it('names the unlicensed module the customer asks about, by its name or a feature of it', () => {
    const byName = analyse([{ text: 'Can you tell us what the Automation module would cost us?' }]);
    const byFeature = analyse([
      { text: 'Our finance team wants to start using forecasting for the quarterly plan.' },
    ]);
    const ours = analyse([
      { text: 'Would you like a quote for the Automation module?', direction: 'outbound' },
    ]);
    const named = (result: ReturnType<typeof analyse>) =>
      result.evidence.filter((item) => item.id.startsWith('conv:module:')).map((item) => item.id);
    expect(named(byName)).toStrictEqual(['conv:module:automation']);
    expect(named(byFeature)).toStrictEqual(['conv:module:analytics']);
    expect(named(ours)).toStrictEqual([]);
    expect(resultProblems(byName)).toStrictEqual([]);
  });
});
