import { describe, expect, it } from 'vitest';
import type { ActivityType, ContactRole, Seniority } from '@ripe/shared';
import {
  buildSnapshot,
  instantDaysAgo,
  resultProblems,
  signalCodes,
  TEST_NOW,
  testContext,
} from '../test-fixtures.ts';
import { addDays } from '@ripe/shared';
import { contactNetworkTechnique } from './contact-network.technique.ts';
import { identifyDecisionMaker } from './decision-maker.ts';
import { seniorityFromTitle } from './stakeholder.ts';

interface ContactSpec {
  id: string;
  title?: string;
  role?: ContactRole;
  seniority?: Seniority;
  createdDaysAgo?: number;
  leftDaysAgo?: number;
}

function contact(spec: ContactSpec) {
  return {
    id: spec.id,
    name: `Contact ${spec.id}`,
    title: spec.title ?? '',
    role: spec.role ?? 'user',
    seniority: spec.seniority ?? 'individual',
    createdAt: addDays(TEST_NOW, -(spec.createdDaysAgo ?? 400)),
    ...(spec.leftDaysAgo !== undefined ? { leftAt: addDays(TEST_NOW, -spec.leftDaysAgo) } : {}),
  };
}

/** One activity per entry of `daysAgo`, with `participants`. */
function activities(
  prefix: string,
  participants: string[],
  daysAgo: number[],
  type: ActivityType = 'meeting',
  direction: 'inbound' | 'outbound' | 'internal' = 'inbound',
) {
  return daysAgo.map((age, index) => ({
    id: `${prefix}-${index + 1}`,
    type,
    occurredAt: instantDaysAgo(TEST_NOW, age),
    direction,
    participants,
  }));
}

const steady = (id: string) => activities(`a-${id}`, [id], [5, 20, 40, 50, 60, 80, 100, 110, 130]); // 3 recent, 6 prior

function network(contacts: ContactSpec[], acts: ReturnType<typeof activities>) {
  return contactNetworkTechnique(
    buildSnapshot({ contacts: contacts.map(contact), activities: acts }),
    testContext(),
  );
}

interface Case {
  name: string;
  contacts: ContactSpec[];
  activities: ReturnType<typeof activities>;
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'sponsor in 3 activities lately',
    contacts: [{ id: 's', role: 'sponsor' }],
    activities: steady('s'),
    expected: ['sponsor_engaged'],
  },
  {
    name: 'sponsor in 1 activity lately (a hint)',
    contacts: [{ id: 's', role: 'sponsor' }],
    activities: activities('a', ['s'], [10, 50, 100]),
    expected: ['sponsor_engaged'],
  },
  {
    name: 'key stakeholders: 6 recent vs 2 prior activities',
    contacts: [{ id: 'm', role: 'influencer', title: 'Head of Sales' }],
    activities: activities('a', ['m'], [1, 5, 10, 20, 30, 40, 60, 120]),
    expected: ['engagement_rising'],
  },
  {
    name: 'key stakeholders: 3 recent vs 6 prior (same rate)',
    contacts: [{ id: 'm', role: 'influencer', title: 'Head of Sales' }],
    activities: steady('m'),
    expected: [],
  },
  {
    name: 'key stakeholders: none lately after 6 before',
    contacts: [{ id: 'm', role: 'influencer', title: 'Head of Sales' }],
    activities: activities('a', ['m'], [50, 60, 80, 100, 110, 130]),
    expected: ['engagement_cooling'],
  },
  {
    name: 'a new CFO, already in a meeting',
    contacts: [{ id: 'f', title: 'CFO', createdDaysAgo: 30 }],
    activities: activities('a', ['f'], [10]),
    expected: ['new_budget_owner'],
  },
  {
    name: 'a new Directeur des achats, already in a meeting',
    contacts: [{ id: 'f', title: 'Directeur des Achats', createdDaysAgo: 30 }],
    activities: activities('a', ['f'], [10]),
    expected: ['new_budget_owner'],
  },
  {
    name: 'a CFO known for a year',
    contacts: [{ id: 'f', title: 'CFO', createdDaysAgo: 365 }],
    activities: activities('a', ['f'], [10]),
    expected: [],
  },
  {
    name: 'a new CFO never seen in an activity',
    contacts: [{ id: 'f', title: 'CFO', createdDaysAgo: 30 }],
    activities: [],
    expected: [],
  },
  {
    name: 'a new sales director (not a budget domain)',
    contacts: [{ id: 'f', title: 'Sales Director', createdDaysAgo: 30 }],
    activities: activities('a', ['f'], [10]),
    expected: [],
  },
  {
    name: 'champion left 20 days ago',
    contacts: [{ id: 'c', role: 'champion', leftDaysAgo: 20 }],
    activities: [],
    expected: ['champion_left'],
  },
  {
    name: 'champion left 300 days ago',
    contacts: [{ id: 'c', role: 'champion', leftDaysAgo: 300 }],
    activities: [],
    expected: [],
  },
  {
    name: 'a user left 20 days ago',
    contacts: [{ id: 'u', role: 'user', leftDaysAgo: 20 }],
    activities: [],
    expected: [],
  },
];

describe('contactNetworkTechnique', () => {
  it.each(cases)('$name → $expected', ({ contacts, activities: acts, expected }) => {
    const result = network(contacts, acts);
    expect(signalCodes(result)).toStrictEqual(expected);
    expect(resultProblems(result)).toStrictEqual([]);
  });

  it('cites the contact, the count and the day of the last activity', () => {
    const result = network([{ id: 's', role: 'sponsor', title: 'VP Sales' }], steady('s'));
    expect(result.evidence).toStrictEqual([
      {
        id: 'net:engaged:s',
        description:
          'Contact s (VP Sales, sponsor) took part in 3 activities in the last 45 days (their emails, meetings and calls)',
        value: 3,
        threshold: 2,
        date: addDays(TEST_NOW, -5),
        source: 'contact:s',
      },
    ]);
  });

  it('marks a champion leaving and a cooling relationship as negative', () => {
    const result = network(
      [
        { id: 'c', role: 'champion', leftDaysAgo: 20 },
        { id: 'm', role: 'sponsor' },
      ],
      activities('a', ['c', 'm'], [60, 70, 80, 90]),
    );
    expect(result.signals.map((signal) => [signal.code, signal.polarity])).toStrictEqual([
      ['engagement_cooling', 'negative'],
      ['champion_left', 'negative'],
    ]);
    expect(result.score).toBe(0);
  });
});

describe('contactNetworkTechnique: the relationship read from the people', () => {
  const strength = (result: ReturnType<typeof network>, code: string) =>
    result.signals.find((signal) => signal.code === code)?.strength ?? 0;

  it('reads a sponsor gone quiet against their own cadence, with our emails unanswered', () => {
    // every 10 days until two months ago, then three emails of ours without an answer
    const result = network(
      [{ id: 's', role: 'sponsor', title: 'VP Sales' }],
      [
        ...activities('m', ['s'], [60, 70, 80, 90, 100, 110, 120]),
        ...activities('e', ['s'], [40, 25, 10], 'email', 'outbound'),
      ],
    );
    expect(strength(result, 'engagement_cooling')).toBeGreaterThanOrEqual(0.5);
    expect(result.evidence.find((item) => item.id === 'net:quiet:s')?.description).toBe(
      'Contact s (VP Sales, sponsor) last took part on ' +
        `${addDays(TEST_NOW, -60)}, 60 days ago, against every 14 days before; 3 of our emails unanswered since`,
    );
  });

  it('does not read a quarterly sponsor silent for a month as cooling', () => {
    const result = network([{ id: 's', role: 'sponsor' }], activities('m', ['s'], [35, 125, 170], 'meeting'));
    expect(strength(result, 'engagement_cooling')).toBe(0);
  });

  it('does not count our own emails as a sponsor engaged', () => {
    const result = network(
      [{ id: 's', role: 'sponsor' }],
      activities('e', ['s'], [3, 9, 15, 21], 'email', 'outbound'),
    );
    expect(signalCodes(result)).not.toContain('sponsor_engaged');
  });

  it('grades a relationship warming just short of the threshold as a hint, not as nothing', () => {
    const contacts = [{ id: 'm', role: 'influencer' as const, title: 'Head of Sales' }];
    // 4 in the last 45 days against 6 in the 90 before: 1.33× the rate (rising is 1.5×)
    const almost = network(contacts, activities('a', ['m'], [5, 15, 25, 35, 50, 65, 80, 95, 110, 125]));
    const clear = network(contacts, activities('a', ['m'], [2, 9, 16, 23, 30, 37, 60, 120]));
    expect(strength(almost, 'engagement_rising')).toBeGreaterThan(0);
    expect(strength(almost, 'engagement_rising')).toBeLessThanOrEqual(0.3);
    expect(strength(clear, 'engagement_rising')).toBeGreaterThanOrEqual(0.4);
  });

  it('reads a champion replaced by a newcomer as less of a loss than one gone for good', () => {
    const gone = network([{ id: 'c', role: 'champion', leftDaysAgo: 40 }], []);
    const replaced = network(
      [
        { id: 'c', role: 'champion', leftDaysAgo: 40 },
        { id: 'n', role: 'champion', title: 'Sales Ops Lead', createdDaysAgo: 50 },
      ],
      activities('m', ['n'], [5, 20]),
    );
    expect(strength(gone, 'champion_left')).toBe(0.8);
    expect(strength(replaced, 'champion_left')).toBeLessThan(0.8);
    expect(replaced.evidence.find((item) => item.id === 'net:left:c')?.description).toMatch(
      /left on .*; Contact n \(Sales Ops Lead, champion\), new since .*, has taken over$/,
    );
  });
});

describe('identifyDecisionMaker', () => {
  it('names the most senior engaged budget owner, with the reason in words', () => {
    const snapshot = buildSnapshot({
      contacts: [
        contact({ id: 'ops', title: 'VP Operations', role: 'budget_owner' }),
        contact({ id: 'mgr', title: 'IT Manager', role: 'decision_maker' }),
        contact({ id: 'ceo', title: 'CEO', role: 'unknown' }),
      ],
      activities: [
        ...activities('m', ['ops', 'mgr'], [3, 10, 20, 40]),
        ...activities('e', ['ops'], [15], 'email'),
      ],
    });
    expect(identifyDecisionMaker(snapshot, TEST_NOW)).toStrictEqual({
      contactId: 'ops',
      name: 'Contact ops',
      title: 'VP Operations',
      reason: 'VP Operations, budget owner, in 4 meetings and 1 other activity in the last 60 days',
    });
  });

  it('prefers an engaged sponsor to a silent CEO, and falls back to the silent one alone', () => {
    const contacts = [
      contact({ id: 'ceo', title: 'CEO' }),
      contact({ id: 'sp', title: 'Head of Support', role: 'sponsor' }),
    ];
    const engaged = buildSnapshot({ contacts, activities: activities('a', ['sp'], [5]) });
    expect(identifyDecisionMaker(engaged, TEST_NOW)?.contactId).toBe('sp');
    const silent = buildSnapshot({ contacts: [contacts[0] as ReturnType<typeof contact>] });
    expect(identifyDecisionMaker(silent, TEST_NOW)).toMatchObject({
      contactId: 'ceo',
      reason: 'CEO, budget holder by title, no activity in the last 60 days',
    });
  });

  it('skips contacts who left, and returns null without candidates', () => {
    const snapshot = buildSnapshot({
      contacts: [
        contact({ id: 'gone', title: 'CFO', role: 'budget_owner', leftDaysAgo: 10 }),
        contact({ id: 'u' }),
      ],
    });
    expect(identifyDecisionMaker(snapshot, TEST_NOW)).toBeNull();
  });
});

describe('seniorityFromTitle', () => {
  it.each([
    ['Chief Revenue Officer', 'c_level'],
    ['PDG', 'c_level'],
    ['Vice President, Finance', 'vp'],
    ['SVP Engineering', 'vp'],
    ['Directrice Financière', 'director'],
    ['Head of Procurement', 'director'],
    ['Responsable des achats', 'manager'],
    ['Account Manager', 'manager'],
    ['Software Engineer', 'individual'],
    ['', 'individual'],
  ])('%s → %s', (title, expected) => {
    expect(seniorityFromTitle(title)).toBe(expected);
  });
});
