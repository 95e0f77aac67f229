// The readiness ordering, as a property over sandbox accounts: adding a risk to an account never makes
// its verdict louder, can move `ready` to `nurture` or `caution`, and never past `caution` to `not_ready`
// while the expansion case (its positive evidence) stands. A serious risk on a case is exactly `caution`.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  defaultOrgConfig,
  instantDayNumber,
  dayNumber,
  type AccountSnapshot,
  type Readiness,
  type Verdict,
} from '@ripe/shared';
import { extractFeatures } from '../../model/features.ts';
import { priorOnlyModel, type ScoringModel } from '../../model/scoring-model.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { scoreAccount } from '../score-account.ts';
import type { EngineContext } from '../engine-context.ts';

const ACCOUNTS = 200;
const DAYS = ['2026-03-02', '2026-06-01', '2026-09-01'];

/** What a risk may turn each readiness into: never louder, never below `caution` while the case stands. */
const allowed: Record<Readiness, readonly Readiness[]> = {
  ready: ['ready', 'nurture', 'caution'],
  nurture: ['nurture', 'caution'],
  caution: ['caution'],
  not_ready: ['not_ready'],
};

type Risk = (snapshot: AccountSnapshot, now: string) => AccountSnapshot | null;

/** Said in the customer's latest email of the month, so that no other evidence changes. */
function appendToLatestEmail(
  snapshot: AccountSnapshot,
  now: string,
  sentence: string,
): AccountSnapshot | null {
  const today = dayNumber(now);
  const index = snapshot.activities.findLastIndex(
    (activity) =>
      activity.direction === 'inbound' &&
      activity.text.length > 0 &&
      today - instantDayNumber(activity.occurredAt) <= 30 &&
      instantDayNumber(activity.occurredAt) <= today,
  );
  if (index < 0) return null;
  const activities = [...snapshot.activities];
  const latest = activities[index]!;
  activities[index] = { ...latest, text: `${latest.text}\n${sentence}` };
  return { ...snapshot, activities };
}

const risks: Record<string, { add: Risk; serious: boolean }> = {
  'an open escalation': {
    serious: true,
    add: (snapshot, now) => ({
      ...snapshot,
      tickets: [
        ...snapshot.tickets,
        {
          id: 'risk-ticket',
          openedAt: addDays(now, -3),
          priority: 'high',
          status: 'open',
          escalated: true,
          subject: 'Exports failing for the whole team',
        },
      ],
    }),
  },
  'a recent contraction': {
    serious: true,
    add: (snapshot, now) => ({
      ...snapshot,
      opportunities: [
        ...snapshot.opportunities,
        {
          id: 'risk-opportunity',
          type: 'contraction',
          amount: 1200,
          stage: 'closed_won',
          createdAt: addDays(now, -40),
          closedAt: addDays(now, -20),
        },
      ],
    }),
  },
  'an alternative being evaluated': {
    serious: true,
    add: (snapshot, now) =>
      appendToLatestEmail(snapshot, now, 'We are also evaluating other vendors before the renewal.'),
  },
  'a restructuring announced': {
    serious: true,
    add: (snapshot, now) =>
      appendToLatestEmail(snapshot, now, 'After the restructuring we are reducing the team.'),
  },
  'a cooling relationship': {
    serious: true,
    // the key contacts were busy two to four months ago; the notes hold no text, so nothing is read
    add: (snapshot, now) => {
      const key = snapshot.contacts.filter((contact) => ['sponsor', 'champion'].includes(contact.role));
      if (key.length === 0) return null;
      const busy = [50, 58, 66, 74, 82, 95, 110, 125].map((daysAgo) => ({
        id: `risk-meeting-${daysAgo}`,
        type: 'meeting' as const,
        occurredAt: `${addDays(now, -daysAgo)}T10:00:00Z`,
        direction: 'outbound' as const,
        participants: key.map((contact) => contact.id),
        text: '',
      }));
      return { ...snapshot, activities: [...busy, ...snapshot.activities] };
    },
  },
};

/** The model's answer for the account as it was, for the account with the risk too. */
function pinned(model: ScoringModel, snapshot: AccountSnapshot, now: string): ScoringModel {
  const prediction = model.predict(extractFeatures(snapshot, now), { topContributions: 5 });
  return {
    featureNames: model.featureNames,
    summary: model.summary,
    predict: () => prediction,
    describe: () => 'pinned',
    toJSON: () => model.toJSON(),
  };
}

/** The evidence for expansion: positive signals and what each technique had to go on. */
function caseKey(verdict: Verdict): string {
  const positives = verdict.signals
    .filter((signal) => signal.polarity === 'positive')
    .map((signal) => `${signal.code}:${signal.strength}`)
    .sort();
  const confidences = verdict.techniques
    .filter((technique) => technique.technique !== 'cross_check')
    .map((technique) => `${technique.technique}:${technique.confidence}`);
  return [...positives, ...confidences].join('|');
}

describe('readiness ordering over sandbox accounts', () => {
  const sandbox = createSandbox({ accounts: ACCOUNTS, seed: 23, endDate: '2026-11-01' });
  const model = priorOnlyModel();
  const transitions = new Map<string, number>();
  const violations: string[] = [];
  let sameCase = 0;
  for (const now of DAYS) {
    const ctx: EngineContext = { now, config: defaultOrgConfig, priceBook: sandbox.priceBook };
    for (let index = 0; index < ACCOUNTS; index++) {
      if (sandbox.customerSince(index) > now) continue;
      const snapshot = sandbox.snapshotAt(index, now);
      const fixed = pinned(model, snapshot, now);
      const before = scoreAccount(snapshot, ctx, fixed);
      for (const [name, risk] of Object.entries(risks)) {
        const risky = risk.add(snapshot, now);
        if (!risky) continue;
        const after = scoreAccount(risky, ctx, fixed);
        const key = `${name}: ${before.readiness} → ${after.readiness}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
        if (caseKey(after) !== caseKey(before)) continue;
        sameCase++;
        const expected =
          risk.serious && before.readiness !== 'not_ready' ? ['caution'] : allowed[before.readiness];
        if (!expected.includes(after.readiness)) violations.push(`${before.accountId} on ${now}, ${key}`);
      }
    }
  }

  it('never moves a case past caution, and makes a case under a serious risk caution', () => {
    expect(violations).toStrictEqual([]);
    expect(sameCase).toBeGreaterThan(1500);
  });

  it.each(Object.keys(risks))('moves ready accounts to caution with %s', (name) => {
    expect(transitions.get(`${name}: ready → caution`) ?? 0).toBeGreaterThan(5);
  });

  it('never turns a case into not_ready with a risk that leaves the evidence for expansion alone', () => {
    // a cooling relationship may take the warm relationship out of the case: it is not checked here
    const pure = [
      'an open escalation',
      'a recent contraction',
      'an alternative being evaluated',
      'a restructuring announced',
    ];
    for (const [key, count] of transitions) {
      if (!pure.some((name) => key.startsWith(name))) continue;
      if (/: (ready|nurture|caution) → not_ready$/.test(key)) expect.soft(`${key} (${count})`).toBe('');
    }
  });
});
