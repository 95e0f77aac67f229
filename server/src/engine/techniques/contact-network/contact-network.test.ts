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
) {
  return daysAgo.map((age, index) => ({
    id: `${prefix}-${index + 1}`,
    type,
    occurredAt: instantDaysAgo(TEST_NOW, age),
    direction: 'inbound' as const,
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
    name: 'sponsor in 1 activity lately',
    contacts: [{ id: 's', role: 'sponsor' }],
    activities: activities('a', ['s'], [10, 50, 100]),
    expected: [],
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
        description: 'Contact s (VP Sales, sponsor) took part in 3 activities in the last 45 days',
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
