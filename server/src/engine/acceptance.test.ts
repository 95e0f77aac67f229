// The Foundation issue's acceptance, end to end through `scoreAndAssess`: plain fixture snapshots in,
// verdicts out, each checked against the schema the CRM write-back relies on.
import { describe, expect, it } from 'vitest';
import { addDays, verdictSchema, type Activity, type Contact, type Verdict } from '@ripe/shared';
import { scoreAndAssess } from './score-account.ts';
import {
  buildSnapshot,
  constant,
  instantDaysAgo,
  ramp,
  seriesEndingOn,
  testContext,
  TEST_NOW,
  type SnapshotOverrides,
} from './techniques/test-fixtures.ts';

const ctx = testContext();
const DAYS = 120;

const seats = (values: (number | null)[]) => seriesEndingOn(TEST_NOW, 'seats_used', 'seats_used', values);
const active = (values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, 'active_users', 'active_users', values);
const adoption = (feature: string, values: (number | null)[]) =>
  seriesEndingOn(TEST_NOW, `feature_${feature}`, 'feature_adoption', values, { feature });

const sponsor: Contact = {
  id: 'c-sponsor',
  name: 'Claire Martin',
  title: 'VP Operations',
  role: 'sponsor',
  seniority: 'vp',
  createdAt: '2024-02-01',
};
const champion: Contact = {
  id: 'c-champion',
  name: 'Tom Becker',
  title: 'Sales Ops Manager',
  role: 'champion',
  seniority: 'manager',
  createdAt: '2024-02-01',
};

function activity(
  id: string,
  daysAgo: number,
  type: Activity['type'],
  participants: string[],
  text: string,
  direction: Activity['direction'] = 'inbound',
): Activity {
  return { id, type, occurredAt: instantDaysAgo(TEST_NOW, daysAgo), direction, participants, text };
}

/** Check-in meetings with the sponsor and the champion, `daysAgo` each. */
function checkIns(daysAgo: readonly number[]): Activity[] {
  return daysAgo.map((days, i) =>
    activity(
      `m-${days}`,
      days,
      'meeting',
      [sponsor.id, champion.id],
      `Monthly check-in number ${i + 1}, rollout review.`,
      'outbound',
    ),
  );
}

function score(overrides: SnapshotOverrides): Verdict {
  const verdict = scoreAndAssess(buildSnapshot(overrides), ctx);
  expect(verdictSchema.safeParse(verdict).success).toBe(true);
  return verdict;
}

/** Seats ≥ 90 % for the last 45 days after a steady climb, active users growing, a buying email, an engaged sponsor. */
const converging: SnapshotOverrides = {
  account: { country: 'US', csmName: 'Sam Lee' },
  contract: { renewalDate: '2027-03-01' },
  usage: [seats([...ramp(DAYS - 45, 34, 45), ...ramp(45, 46, 49)]), active(ramp(DAYS, 32, 52))],
  contacts: [sponsor, champion],
  activities: [
    ...checkIns([12, 26, 40, 70]),
    activity(
      'e-quote',
      5,
      'email',
      [champion.id],
      'We are hiring 15 people next quarter and will need more seats. Could you send us a quote for 20 additional licences?',
    ),
  ],
};

describe('acceptance: scoreAndAssess', () => {
  it('makes a clearly converging account ready for a seat upsell, sized, windowed and argued', () => {
    const verdict = score(converging);
    expect(verdict.readiness).toBe('ready');
    expect(verdict.motion).toBe('seat_upsell');
    expect(verdict.window).not.toBeNull();
    // at the licence already: the window opened 90 days before it got there and closes at the renewal
    expect(verdict.window!.limitDate! <= TEST_NOW).toBe(true);
    expect(verdict.window!.opensOn).toBe(addDays(verdict.window!.limitDate!, -90));
    expect(verdict.window!.closesOn).toBe('2027-03-01');
    expect(verdict.potential.arr).toBeGreaterThan(0);
    expect(verdict.potential.arr % 480).toBe(0); // Team seat price
    expect(verdict.expectedValue).toBe(Math.round(verdict.potential.arr * verdict.probability));
    const agent = verdict.agent!;
    expect(agent.isReal).toBe(true);
    const evidence = new Map(verdict.evidence.map((item) => [item.id, item]));
    for (const id of agent.citedEvidenceIds) expect(evidence.has(id)).toBe(true);
    const anchor = evidence.get(agent.citedEvidenceIds[0]!)!;
    expect(anchor.source).toMatch(/^usage:/);
    expect(agent.talkTrack[0]).toMatch(/^Your team uses 49 of its 50 seats/);
    expect(agent.decisionMaker?.contactId).toBe(sponsor.id);
  });

  it('sizes the seat upsell on the need the customer stated, citing the sentence', () => {
    const verdict = score(converging);
    expect(verdict.potential.arr).toBe(20 * 480);
    expect(verdict.potential.evidenceIds).toStrictEqual(['conv:need:seats']);
    const cited = verdict.evidence.find((item) => item.id === 'conv:need:seats');
    expect(cited?.quote).toBe('Could you send us a quote for 20 additional licences?');
    expect(verdict.agent!.citedEvidenceIds).toContain('conv:need:seats');
  });

  it('reads a team coming on board with a head count as a seat need, sized on it', () => {
    const verdict = score({
      ...converging,
      usage: [seats(ramp(DAYS, 28, 31)), active(ramp(DAYS, 26, 30))],
      activities: [
        ...checkIns([12, 26, 40, 70]),
        activity(
          'e-berlin',
          6,
          'email',
          [sponsor.id],
          "We're bringing the Berlin office on board in Q2, roughly 30 people.",
        ),
      ],
    });
    expect(verdict.motion).toBe('seat_upsell');
    // 31 seats used + 30 people on a licence of 50: 11 seats beyond it
    expect(verdict.potential.arr).toBe(11 * 480);
    expect(verdict.potential.evidenceIds).toStrictEqual(['conv:need:people']);
  });

  it('keeps a small case nurture under the org minimum potential', () => {
    const strict = testContext(TEST_NOW, { composite: { minPotential: 50_000 } });
    const verdict = scoreAndAssess(buildSnapshot(converging), strict);
    expect(verdict.readiness).toBe('nurture');
    expect(verdict.potential.arr).toBeLessThan(50_000);
  });

  it('calls rising usage with a cooling relationship caution, naming the contradiction', () => {
    const verdict = score({
      usage: [seats(ramp(DAYS, 30, 46)), active(ramp(DAYS, 28, 47))],
      contacts: [sponsor, champion],
      // busy three and four months ago, silent for the last 45 days
      activities: checkIns([50, 58, 66, 74, 82, 95, 110, 125]),
    });
    expect(verdict.readiness).toBe('caution');
    expect(verdict.contradictions.map((item) => item.code)).toContain('rising_usage_cooling_relationship');
    expect(verdict.agent).toBeNull();
  });

  it.each<[string, SnapshotOverrides, string]>([
    [
      'an open escalation',
      {
        tickets: [
          {
            id: 't-1',
            openedAt: '2026-06-25',
            priority: 'high',
            status: 'open',
            escalated: true,
            subject: 'Exports failing',
          },
        ],
      },
      'open_escalation',
    ],
    [
      'an alternative being evaluated',
      {
        activities: [
          ...converging.activities!,
          activity(
            'e-alt',
            3,
            'email',
            [sponsor.id],
            "Before the renewal we're also evaluating a couple of other vendors, to be transparent.",
          ),
        ],
      },
      'churn_risk',
    ],
    [
      'a restructuring announced',
      {
        activities: [
          ...converging.activities!,
          activity(
            'e-restructuring',
            2,
            'email',
            [sponsor.id],
            'After the restructuring we are reducing the team by a third.',
          ),
        ],
      },
      'budget_cut',
    ],
    [
      'a cooling relationship',
      { activities: [...checkIns([50, 58, 66, 74, 82, 95, 110, 125]), converging.activities!.at(-1)!] },
      'rising_usage_cooling_relationship',
    ],
  ])('calls a real expansion case with %s caution, naming the risk', (_, risk, code) => {
    const verdict = score({ ...converging, ...risk });
    expect(verdict.readiness).toBe('caution');
    expect(verdict.motion).toBe('seat_upsell');
    expect(verdict.contradictions.map((item) => item.code)).toContain(code);
  });

  it('keeps an account without an expansion case not ready, whatever its risks', () => {
    const verdict = score({
      usage: [seats(constant(DAYS, 20)), active(constant(DAYS, 18))],
      contacts: [sponsor],
      tickets: [
        {
          id: 't-1',
          openedAt: '2026-06-25',
          priority: 'urgent',
          status: 'open',
          escalated: true,
          subject: 'Login broken',
        },
      ],
    });
    expect(verdict.readiness).toBe('not_ready');
    expect(verdict.contradictions.map((item) => item.code)).toContain('open_escalation');
  });

  it('does not call seats full with shallow feature adoption ready', () => {
    const verdict = score({
      // 1 of the 5 features of Team + Analytics in use
      contract: { modules: ['analytics'] },
      usage: [
        seats(constant(DAYS, 49)),
        active(constant(DAYS, 47)),
        adoption('core', constant(DAYS, 40)),
        adoption('dashboards', constant(DAYS, 0)),
      ],
      contacts: [sponsor, champion],
      activities: checkIns([12, 26, 40]),
    });
    expect(verdict.readiness).not.toBe('ready');
    expect(verdict.contradictions.map((item) => item.code)).toContain('seats_full_shallow_adoption');
    // too early to sell seats, a tier or a module: no motion proposed, nothing sized
    expect(verdict.motion).toBeNull();
    expect(verdict.potential.arr).toBe(0);
  });

  it('does not call an account whose only signal is one spike in active users ready', () => {
    const verdict = score({
      usage: [seats(constant(DAYS, 30)), active([...constant(DAYS - 14, 24), ...constant(14, 40)])],
    });
    expect(verdict.signals.filter((item) => item.polarity === 'positive').map((item) => item.code)).toContain(
      'active_user_spike',
    );
    expect(verdict.readiness).not.toBe('ready');
    expect(verdict.agent?.isReal ?? false).toBe(false);
  });

  it.each<[string, SnapshotOverrides]>([
    [
      'declining seats with buying talk',
      {
        usage: [seats(ramp(DAYS, 49, 30)), active(ramp(DAYS, 47, 26))],
        contacts: [sponsor, champion],
        activities: [
          ...checkIns([12, 26, 40]),
          activity(
            'e-more',
            4,
            'email',
            [champion.id],
            'Could you send us a quote for 20 additional licences?',
          ),
        ],
      },
    ],
    [
      'declining seats at the tier ceiling',
      {
        contract: { tier: 'starter', seatsLicensed: 25, price: 6000 },
        usage: [seats(ramp(DAYS, 25, 15)), active(ramp(DAYS, 25, 14))],
        contacts: [sponsor],
        activities: checkIns([12, 26]),
      },
    ],
  ])('never proposes an upsell on declining usage: %s', (_, overrides) => {
    const verdict = score(overrides);
    expect(verdict.signals.map((item) => item.code)).toContain('usage_declining');
    expect(['seat_upsell', 'tier_upgrade']).not.toContain(verdict.motion);
  });
});
