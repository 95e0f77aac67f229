// Writes the account stories of fixtures/ (the import format, docs/import-format.schema.json): short,
// realistic accounts of the kind an account manager judges at a glance, each with the verdict an AM
// expects (stories.test.ts checks it). `npx tsx server/test/stories/make-stories.ts` writes them again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { sandboxPriceBook } from '../../src/sandbox/sandbox-price-book.ts';

const AS_OF = '2026-11-02';
const DAYS = 180;
const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
const START = addDays(AS_OF, -(DAYS - 1));

/** A daily series over the last 180 days: `at(t)` with t = days before today (0 = today). */
function series(at: (daysAgo: number, weekday: number) => number | null): (number | null)[] {
  const values: (number | null)[] = [];
  for (let i = 0; i < DAYS; i++) {
    const daysAgo = DAYS - 1 - i;
    const weekday = new Date(Date.parse(`${START}T00:00:00Z`) + i * DAY_MS).getUTCDay();
    const v = at(daysAgo, weekday);
    values.push(v === null ? null : Math.max(0, Math.round(v)));
  }
  return values;
}
/** Piecewise-linear by days ago: [[daysAgo, value], …] from the oldest. */
function ramp(points: [number, number][]): (daysAgo: number) => number {
  return (t) => {
    for (let k = 0; k < points.length - 1; k++) {
      const [t0, v0] = points[k]!;
      const [t1, v1] = points[k + 1]!;
      if (t <= t0 && t >= t1) return v0 + ((v1 - v0) * (t0 - t)) / Math.max(1, t0 - t1);
    }
    return t > points[0]![0] ? points[0]![1] : points[points.length - 1]![1];
  };
}
const weekend = (weekday: number) => weekday === 0 || weekday === 6;

// The stories sell from the sandbox's price book (variants below add currencies, a flat module, usage prices).
const priceBook = sandboxPriceBook;

interface Person {
  id: string;
  name: string;
  title: string;
  role: string;
  seniority: string;
}
const people = (acc: string, list: [string, string, string, string][]): Person[] =>
  list.map(([name, title, role, seniority], k) => ({ id: `${acc}-c${k + 1}`, name, title, role, seniority }));

function contacts(list: Person[], extra: Record<string, Record<string, string>> = {}) {
  return list.map((p) => ({
    id: p.id,
    name: p.name,
    email: `${p.name.toLowerCase().replace(/[^a-z]+/g, '.')}@customer.example`,
    title: p.title,
    role: p.role,
    seniority: p.seniority,
    createdAt: '2025-01-15',
    ...(extra[p.id] ?? {}),
  }));
}

type Dir = 'inbound' | 'outbound' | 'internal';
type Kind = 'email' | 'note' | 'meeting' | 'call';
/** [daysAgo, type, direction, participant ids, subject, text] */
type Act = [number, Kind, Dir, string[], string, string];
function activities(acc: string, list: Act[]) {
  return list.map(([daysAgo, type, direction, participants, subject, text], k) => ({
    id: `${acc}-a${k + 1}`,
    type,
    occurredAt: `${addDays(AS_OF, -daysAgo)}T10:${String(10 + k).padStart(2, '0')}:00+01:00`,
    direction,
    participants,
    subject,
    text,
  }));
}
/** A steady monthly check-in with a contact, our email then their answer, from `from` to `to` days ago. */
function cadence(who: string, from: number, to: number, every = 14): Act[] {
  const acts: Act[] = [];
  for (let t = from; t >= to; t -= every) {
    acts.push([
      t,
      'meeting',
      'outbound',
      [who],
      'Monthly check-in',
      'Check-in call: went through open questions, all fine, next call in two weeks.',
    ]);
  }
  return acts;
}

function featureSeries(feature: string, premium: boolean, at: (t: number, w: number) => number) {
  return {
    metric: `feature:${feature}`,
    kind: 'feature_adoption',
    feature,
    premium,
    start: START,
    values: series(at),
  };
}
function seatsAndActive(
  seats: (t: number) => number,
  activeShare = 0.8,
  features: string[] = ['core', 'reports', 'sso', 'integrations'],
) {
  return [
    { metric: 'seats_used', kind: 'seats_used', start: START, values: series((t) => seats(t)) },
    {
      metric: 'active_users',
      kind: 'active_users',
      start: START,
      values: series((t, w) => (weekend(w) ? seats(t) * 0.15 : seats(t) * activeShare)),
    },
    ...features.map((f, k) =>
      featureSeries(f, false, (t, w) => (weekend(w) ? 1 : seats(t) * activeShare * (0.9 - k * 0.12))),
    ),
  ];
}

function account(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    segment: 'mid_market',
    industry: 'Software',
    country: 'US',
    ownerId: 'usr-ae-1',
    ownerName: 'Chloe Bennett',
    csmId: 'usr-csm-1',
    csmName: 'Grace Taylor',
    createdAt: '2024-03-01',
    ...extra,
  };
}
function renewals(amount: number, years: number[]) {
  return years.map((year, k) => ({
    id: `opp-${year}-${k}`,
    type: k === 0 ? 'new_business' : 'renewal',
    amount,
    stage: 'closed_won',
    createdAt: `${year - 1}-12-01`,
    closedAt: `${year}-03-01`,
  }));
}

interface Story {
  file: string;
  expectation: string;
  snapshot: unknown;
}
const stories: Story[] = [];
function story(
  file: string,
  expectation: string,
  accountRecord: Record<string, unknown>,
  book: unknown = priceBook,
) {
  stories.push({
    file,
    expectation,
    snapshot: { orgId: `story-${file}`, asOf: AS_OF, priceBook: book, accounts: [accountRecord] },
  });
}

// 1. Berlin: seats at 98 % for four months, the champion asks for 25 more seats.
{
  const acc = 'st-berlin';
  const p = people(acc, [
    ['Lena Hoffmann', 'Head of Operations', 'champion', 'director'],
    ['Markus Weber', 'COO', 'decision_maker', 'c_level'],
  ]);
  story(
    'berlin-25-seats',
    'seats at 98 % of 50 for 4 months, champion asks for 25 more seats for the Berlin office → ready, seat_upsell sized on 25 seats (25 × 360 = 9,000 USD), window open now',
    {
      account: account(acc, 'Nordlicht Logistics', { country: 'DE' }),
      contract: {
        tier: 'team',
        seatsLicensed: 50,
        price: 18600,
        startDate: '2026-03-01',
        renewalDate: '2027-03-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 40],
          [125, 49],
          [0, 49],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 20),
        [
          12,
          'email',
          'inbound',
          [p[0]!.id],
          'Berlin office',
          'Hi Grace,\n\nWe are opening our Berlin office in January and need 25 more seats for the team there. Could you send me a quote?\n\nThanks,\nLena',
        ],
        [
          9,
          'meeting',
          'outbound',
          [p[0]!.id, p[1]!.id],
          'Berlin rollout',
          'Meeting with Lena and Markus: Berlin team starts in January, they want everyone on the platform from day one.',
        ],
      ]),
      opportunities: renewals(18600, [2025, 2026]),
    },
  );
}

// 2. Heavy usage, sponsor silent for 90 days, a competitor evaluated before the renewal.
{
  const acc = 'st-competitor';
  const p = people(acc, [
    ['Sarah Collins', 'VP Customer Operations', 'sponsor', 'vp'],
    ['Tom Price', 'Operations Manager', 'champion', 'manager'],
  ]);
  story(
    'silent-sponsor-competitor',
    'usage rising to 95 % of seats but the sponsor silent for 90 days and the champion says they are evaluating a competitor before renewal → caution, contradictions name the cooling relationship and the alternative evaluated',
    {
      account: account(acc, 'Brightwave Health'),
      contract: {
        tier: 'team',
        seatsLicensed: 80,
        price: 29400,
        startDate: '2026-02-01',
        renewalDate: '2027-02-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 55],
          [60, 72],
          [0, 76],
        ]),
        0.85,
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 178, 92, 14),
        ...cadence(p[1]!.id, 170, 10, 21),
        [
          75,
          'email',
          'outbound',
          [p[0]!.id],
          'Quarterly review',
          'Hi Sarah,\n\nCould we book our quarterly review?\n\nBest,\nGrace',
        ],
        [
          50,
          'email',
          'outbound',
          [p[0]!.id],
          'Quarterly review',
          'Hi Sarah,\n\nFollowing up on the quarterly review — any slot next week?\n\nBest,\nGrace',
        ],
        [
          30,
          'email',
          'outbound',
          [p[0]!.id],
          'Checking in',
          'Hi Sarah,\n\nJust checking in before the renewal planning.\n\nBest,\nGrace',
        ],
        [
          14,
          'email',
          'inbound',
          [p[1]!.id],
          'Renewal',
          'Hi Grace,\n\nHeads-up: ahead of our renewal we are evaluating Zendor as an alternative, leadership asked for a comparison.\n\nTom',
        ],
      ]),
      opportunities: renewals(29400, [2025, 2026]),
    },
  );
}

// 3. Restructuring, reducing the team.
{
  const acc = 'st-restructuring';
  const p = people(acc, [
    ['Hannah Wright', 'Director of Support', 'champion', 'director'],
    ['Peter Moss', 'CFO', 'budget_owner', 'c_level'],
  ]);
  story(
    'restructuring',
    'restructuring announced, team reduced by 20 people, seats falling from 70 to 52 of 75 → not_ready, no motion, no potential',
    {
      account: account(acc, 'Castlegate Insurance', { country: 'GB' }),
      contract: {
        tier: 'team',
        seatsLicensed: 75,
        price: 27600,
        startDate: '2026-01-15',
        renewalDate: '2027-01-15',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 70],
          [60, 69],
          [20, 52],
          [0, 52],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 175, 10, 21),
        [
          40,
          'email',
          'inbound',
          [p[0]!.id],
          'Team changes',
          'Hi Grace,\n\nWe are going through a restructuring and reducing the support team by 20 people by the end of the month.\n\nHannah',
        ],
        [
          20,
          'email',
          'inbound',
          [p[1]!.id],
          'Renewal',
          'Hello,\n\nBudgets are frozen until further notice, please do not send any new proposals.\n\nPeter',
        ],
      ]),
      opportunities: renewals(27600, [2025, 2026]),
    },
  );
}

// 4. French customer: a new team of 15 in Lyon.
{
  const acc = 'st-lyon';
  const p = people(acc, [
    ['Camille Martin', 'Directrice des opérations', 'champion', 'director'],
    ['Julien Bernard', 'Directeur général', 'decision_maker', 'c_level'],
  ]);
  story(
    'lyon-french',
    'French emails: seats at 92 % of 40 for 3 months, « une équipe de 15 personnes à Lyon va rejoindre la plateforme » → ready, seat_upsell sized on 15 seats (5,400 USD), French draft',
    {
      account: account(acc, 'Atelier Dubois', { country: 'FR' }),
      contract: {
        tier: 'team',
        seatsLicensed: 40,
        price: 15000,
        startDate: '2026-04-01',
        renewalDate: '2027-04-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 30],
          [100, 37],
          [0, 37],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 15, 21),
        [
          18,
          'email',
          'inbound',
          [p[0]!.id],
          'Ouverture à Lyon',
          'Bonjour Grace,\n\nNous ouvrons un bureau à Lyon en janvier : une équipe de 15 personnes va rejoindre la plateforme. Pouvez-vous nous envoyer un devis ?\n\nCordialement,\nCamille',
        ],
        [
          8,
          'email',
          'inbound',
          [p[1]!.id],
          'Re: Ouverture à Lyon',
          "Bonjour,\n\nJe confirme, le budget est validé pour l'équipe de Lyon.\n\nJulien",
        ],
      ]),
      opportunities: renewals(15000, [2026]),
    },
  );
}

// 5. A customer billed in its own currency (EUR) on a USD price book with EUR prices.
{
  const acc = 'st-eur';
  const book = {
    ...priceBook,
    tiers: priceBook.tiers.map((t) => ({
      ...t,
      prices: {
        EUR: { seatPrice: Math.round(t.seatPrice * 0.9), platformFee: Math.round(t.platformFee * 0.9) },
      },
    })),
    exchangeRates: { EUR: 0.9 },
  };
  const p = people(acc, [
    ['Sofia Rossi', 'Head of Finance Ops', 'champion', 'director'],
    ['Marco Bianchi', 'CFO', 'decision_maker', 'c_level'],
  ]);
  story(
    'eur-account',
    'account billed in EUR: seats at 96 % of 30 for 2 months, champion asks for 10 more licences → ready, seat_upsell sized in EUR on 10 seats (10 × 324 = 3,240 EUR), every amount in EUR',
    {
      account: account(acc, 'Lago Finanza', { country: 'IT', currency: 'EUR' }),
      contract: {
        tier: 'team',
        seatsLicensed: 30,
        price: 10260,
        startDate: '2026-05-01',
        renewalDate: '2027-05-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 22],
          [70, 29],
          [0, 29],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 12, 21),
        [
          10,
          'email',
          'inbound',
          [p[0]!.id],
          'Licences',
          'Hi Grace,\n\nThe controlling team is joining next month, could you send a quote for 10 more licences?\n\nSofia',
        ],
      ]),
      opportunities: renewals(10260, [2026]),
    },
    book,
  );
}

// 6. A flat-priced module (annual fee, no seat price): the customer asks for forecasting.
{
  const acc = 'st-flat-module';
  const book = {
    ...priceBook,
    modules: [
      {
        id: 'analytics',
        name: 'Analytics',
        seatPrice: 0,
        annualFee: 6000,
        features: ['dashboards', 'forecasting'],
      },
      ...priceBook.modules.slice(1),
    ],
  };
  const p = people(acc, [
    ['Nina Patel', 'Head of RevOps', 'champion', 'director'],
    ['David Kim', 'VP Finance', 'budget_owner', 'vp'],
  ]);
  story(
    'flat-module',
    'flat-priced Analytics module (6,000 USD a year, no seat price), the finance team asks for forecasting dashboards, seats comfortable at 70 % → cross_sell sized 6,000 USD (not per seat)',
    {
      account: account(acc, 'Pinecrest Retail'),
      contract: {
        tier: 'team',
        seatsLicensed: 60,
        price: 22200,
        startDate: '2026-06-01',
        renewalDate: '2027-06-01',
        modules: [],
      },
      usage: [
        ...seatsAndActive(
          ramp([
            [179, 40],
            [0, 42],
          ]),
        ),
        featureSeries('dashboards', false, (_t, w) => (weekend(w) ? 0 : 0)),
      ],
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          20,
          'email',
          'inbound',
          [p[1]!.id],
          'Forecasting',
          'Hi Grace,\n\nOur finance team wants to start using forecasting dashboards for the quarterly plan. Can you tell us what the Analytics module would cost us?\n\nDavid',
        ],
        [
          9,
          'meeting',
          'outbound',
          [p[0]!.id, p[1]!.id],
          'Analytics demo',
          'Demo of the Analytics module for Nina and David: they want forecasting live before Q1 planning, asked for a proposal.',
        ],
      ]),
      opportunities: renewals(22200, [2026]),
    },
    book,
  );
}

// 7. Licence history: 80 seats last year, cut to 50 in the spring; usage back at the limit now.
{
  const acc = 'st-licence-history';
  const p = people(acc, [
    ['Owen Harris', 'IT Director', 'champion', 'director'],
    ['Ruth Gomez', 'COO', 'decision_maker', 'c_level'],
  ]);
  story(
    'licence-cut-then-full',
    "licence cut from 80 to 50 seats 7 months ago, seats used rose from 38 back to 49 of 50 over 3 months and the champion mentions hiring 12 people → ready, seat_upsell against today's 50 seats (not the past 80), window open now",
    {
      account: account(acc, 'Redline Engineering'),
      contract: {
        tier: 'team',
        seatsLicensed: 50,
        price: 18600,
        startDate: '2026-04-01',
        renewalDate: '2027-04-01',
        modules: [],
        licenceHistory: [
          { effectiveDate: '2025-04-01', seatsLicensed: 80, tier: 'team' },
          { effectiveDate: '2026-04-01', seatsLicensed: 50, tier: 'team' },
        ],
      },
      usage: seatsAndActive(
        ramp([
          [179, 45],
          [150, 38],
          [90, 44],
          [60, 49],
          [0, 49],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          15,
          'email',
          'inbound',
          [p[0]!.id],
          'Hiring',
          'Hi Grace,\n\nWe are hiring 12 engineers this quarter and they will all need access. What would it take to add them?\n\nOwen',
        ],
      ]),
      opportunities: [
        ...renewals(29400, [2024, 2025]),
        {
          id: 'opp-contraction',
          type: 'contraction',
          amount: 10800,
          stage: 'closed_won',
          createdAt: '2026-03-01',
          closedAt: '2026-04-01',
        },
      ],
    },
  );
}

// 8. Hedged and negated: "we don't plan to grow this year".
{
  const acc = 'st-no-growth';
  const p = people(acc, [
    ['Emma Clarke', 'Office Manager', 'champion', 'manager'],
    ['George Hill', 'Managing Director', 'decision_maker', 'c_level'],
  ]);
  story(
    'no-growth-this-year',
    'seats flat at 84 % of 25, the customer writes "we don\'t plan to grow the team this year" and "no need for more licences" → not_ready (or nurture), no growth/buying signal read from the negated sentences',
    {
      account: account(acc, 'Hillside Dental', { segment: 'smb' }),
      contract: {
        tier: 'starter',
        seatsLicensed: 25,
        price: 6000,
        startDate: '2026-02-01',
        renewalDate: '2027-02-01',
        modules: [],
      },
      usage: seatsAndActive(() => 21, 0.8, ['core', 'reports']),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 28),
        [
          30,
          'email',
          'outbound',
          [p[0]!.id],
          'Upgrade',
          'Hi Emma,\n\nWould you like to discuss upgrading to the Team plan or adding seats?\n\nGrace',
        ],
        [
          28,
          'email',
          'inbound',
          [p[0]!.id],
          'Re: Upgrade',
          "Hi Grace,\n\nThanks, but we don't plan to grow the team this year, and there is no need for more licences.\n\nEmma",
        ],
        [
          12,
          'email',
          'inbound',
          [p[1]!.id],
          'Re: Upgrade',
          'Hello,\n\nWe are not interested in upgrading for now, the current plan does what we need.\n\nGeorge',
        ],
      ]),
      opportunities: renewals(6000, [2025, 2026]),
    },
  );
}

// 9. At its limit today: a steady rise reaches the licence this week.
{
  const acc = 'st-limit-today';
  const p = people(acc, [
    ['Liam Turner', 'Head of Sales Ops', 'champion', 'director'],
    ['Olivia Scott', 'CRO', 'decision_maker', 'c_level'],
  ]);
  story(
    'at-limit-today',
    'seats rose steadily from 60 to 100 of 100 and hit the licence this week, active users up, champion asks about adding seats for new sales reps → ready, seat_upsell, window open now (since 90 days before the limit day) and closing at the renewal',
    {
      account: account(acc, 'Summit Telecom'),
      contract: {
        tier: 'team',
        seatsLicensed: 100,
        price: 36600,
        startDate: '2026-07-01',
        renewalDate: '2027-07-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 60],
          [5, 99],
          [3, 100],
          [0, 100],
        ]),
        0.85,
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          4,
          'email',
          'inbound',
          [p[0]!.id],
          'New reps',
          'Hi Grace,\n\nWe just onboarded a new cohort of sales reps and we are out of seats. How quickly can we add more?\n\nLiam',
        ],
      ]),
      opportunities: renewals(36600, [2025, 2026]),
    },
  );
}

// 10. Usage-based: 0.002 USD per API call, consumption above the commit and rising.
{
  const acc = 'st-usage';
  const book = { ...priceBook, usage: { unit: 'API calls', unitPrice: 0.002, commitDiscount: 0.2 } };
  const p = people(acc, [
    ['Ravi Shah', 'Platform Lead', 'champion', 'manager'],
    ['Alice Moreau', 'CTO', 'decision_maker', 'c_level'],
  ]);
  story(
    'usage-tiny-price',
    'usage-based at 0.002 USD per call, 2,000,000 calls a month committed, run-rate rising from 1.6M to 2.3M calls a month (over 80 % for 4 months), CTO asks about a bigger commit → ready, usage_commit sized in calls × 0.002 (thousands of USD, not millions), unit price printed as 0.002 USD',
    {
      account: account(acc, 'Quantaflow'),
      contract: {
        tier: 'team',
        seatsLicensed: 20,
        committedVolume: 2_000_000,
        price: 55800,
        startDate: '2026-03-01',
        renewalDate: '2027-03-01',
        modules: [],
      },
      usage: [
        ...seatsAndActive(() => 14),
        {
          metric: 'api_calls',
          kind: 'consumption',
          start: START,
          values: series(
            ramp([
              [179, 53000],
              [0, 77000],
            ]),
          ),
        },
      ],
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          16,
          'email',
          'inbound',
          [p[1]!.id],
          'Commit',
          'Hi Grace,\n\nOur API traffic keeps growing with the new integrations. Can we talk about a larger commit with a better rate for next year?\n\nAlice',
        ],
      ]),
      opportunities: renewals(55800, [2026]),
    },
    book,
  );
}

// 11. Starter plan at its tier's seat cap, asking for SSO: a tier upgrade.
{
  const acc = 'st-tier';
  const p = people(acc, [
    ['Mia Johnson', 'Operations Lead', 'champion', 'manager'],
    ['Noah Davis', 'CEO', 'decision_maker', 'c_level'],
  ]);
  story(
    'starter-needs-sso',
    'Starter plan (max 25 seats) at 24 of 25 for 3 months, the IT lead asks for SSO which Starter lacks, 8 new hires coming → ready, tier_upgrade to Team sized on the seats needed',
    {
      account: account(acc, 'Fernbrook Studio', { segment: 'smb' }),
      contract: {
        tier: 'starter',
        seatsLicensed: 25,
        price: 6000,
        startDate: '2026-05-01',
        renewalDate: '2027-05-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 18],
          [100, 24],
          [0, 24],
        ]),
        0.85,
        ['core', 'reports'],
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          21,
          'email',
          'inbound',
          [p[0]!.id],
          'SSO',
          'Hi Grace,\n\nOur security review requires single sign-on. Which plan includes SSO? We also have 8 new hires starting in December.\n\nMia',
        ],
      ]),
      opportunities: renewals(6000, [2026]),
    },
  );
}

// 12. Seats full but only the core feature used: too early.
{
  const acc = 'st-shallow';
  const p = people(acc, [
    ['Jack Wilson', 'Project Manager', 'champion', 'manager'],
    ['Ella Young', 'Director of Operations', 'decision_maker', 'director'],
  ]);
  story(
    'seats-full-shallow',
    'seats at 97 % of 40 for 3 months but only the core feature used (no reports, SSO, integrations), no request → nurture (too early), no seat upsell sized',
    {
      account: account(acc, 'Oakridge Builders'),
      contract: {
        tier: 'team',
        seatsLicensed: 40,
        price: 15000,
        startDate: '2026-05-01',
        renewalDate: '2027-05-01',
        modules: [],
      },
      usage: [
        {
          metric: 'seats_used',
          kind: 'seats_used',
          start: START,
          values: series(
            ramp([
              [179, 30],
              [100, 39],
              [0, 39],
            ]),
          ),
        },
        {
          metric: 'active_users',
          kind: 'active_users',
          start: START,
          values: series((_t, w) => (weekend(w) ? 2 : 12)),
        },
        featureSeries('core', false, (_t, w) => (weekend(w) ? 1 : 11)),
        featureSeries('reports', false, () => 0),
        featureSeries('sso', false, () => 0),
        featureSeries('integrations', false, () => 0),
      ],
      contacts: contacts(p),
      activities: activities(acc, [...cadence(p[0]!.id, 170, 10, 28)]),
      opportunities: renewals(15000, [2026]),
    },
  );
}

// 13. Healthy and quiet: nothing to sell.
{
  const acc = 'st-quiet';
  const p = people(acc, [
    ['Grace Lee', 'Customer Care Lead', 'champion', 'manager'],
    ['Henry Ford', 'VP Service', 'sponsor', 'vp'],
  ]);
  story(
    'quiet-healthy',
    'seats flat at 60 % of 50, steady usage, friendly routine emails → not_ready, no motion, no task',
    {
      account: account(acc, 'Meadow Foods'),
      contract: {
        tier: 'team',
        seatsLicensed: 50,
        price: 18600,
        startDate: '2026-03-01',
        renewalDate: '2027-03-01',
        modules: [],
      },
      usage: seatsAndActive(() => 30),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          40,
          'email',
          'inbound',
          [p[0]!.id],
          'Invoice',
          'Hi,\n\nCould you resend the last invoice with our PO number on it?\n\nGrace',
        ],
        [
          12,
          'email',
          'inbound',
          [p[1]!.id],
          'Thanks',
          'Hi Grace,\n\nThe training session was great, the team found it useful.\n\nHenry',
        ],
      ]),
      opportunities: renewals(18600, [2025, 2026]),
    },
  );
}

// 14. Growth case with an open escalation.
{
  const acc = 'st-escalation';
  const p = people(acc, [
    ['Zoe Adams', 'Head of Analytics', 'champion', 'director'],
    ['Ben Carter', 'VP Data', 'decision_maker', 'vp'],
  ]);
  story(
    'growth-with-escalation',
    'seats at 95 % of 60 for 2 months and a new data team of 12 announced, but an urgent escalated ticket open for 10 days (data sync failing) → caution, contradiction names the open escalation',
    {
      account: account(acc, 'Vertex Analytics'),
      contract: {
        tier: 'team',
        seatsLicensed: 60,
        price: 22200,
        startDate: '2026-04-01',
        renewalDate: '2027-04-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 45],
          [70, 57],
          [0, 57],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          25,
          'email',
          'inbound',
          [p[0]!.id],
          'New team',
          'Hi Grace,\n\nWe are setting up a new data science team of 12 people in January who will need access.\n\nZoe',
        ],
        [
          9,
          'email',
          'inbound',
          [p[1]!.id],
          'Sync failing',
          'Grace,\n\nThe data sync has been failing for a week and nobody has fixed it. This is blocking the whole team.\n\nBen',
        ],
      ]),
      tickets: [
        {
          id: `${acc}-t1`,
          openedAt: addDays(AS_OF, -10),
          priority: 'urgent',
          status: 'open',
          escalated: true,
          subject: 'Data sync failing since last week',
        },
      ],
      opportunities: renewals(22200, [2026]),
    },
  );
}

// 15. Renewal in 3 weeks, growth stated with "about 30 people", projected limit in ~75 days.
{
  const acc = 'st-projected';
  const p = people(acc, [
    ['Isabel Moreno', 'Head of Marketing Ops', 'champion', 'director'],
    ['Carlos Ruiz', 'CMO', 'decision_maker', 'c_level'],
  ]);
  story(
    'projected-limit',
    'seats growing ~1 a week from 60 to 84 of 100 (84 %, projected to reach 100 in ~4 months), the champion says the marketing team will grow by about 30 people next year → ready or nurture, seat_upsell; window opens 90 days before the projected limit date and closes 60 days before it',
    {
      account: account(acc, 'Coastline Media'),
      contract: {
        tier: 'team',
        seatsLicensed: 100,
        price: 36600,
        startDate: '2026-06-01',
        renewalDate: '2027-06-01',
        modules: [],
      },
      usage: seatsAndActive(
        ramp([
          [179, 60],
          [0, 84],
        ]),
        0.85,
      ),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          14,
          'email',
          'inbound',
          [p[0]!.id],
          'Planning 2027',
          'Hi Grace,\n\nFor planning: our marketing team will grow by about 30 people next year, mostly in the first half.\n\nIsabel',
        ],
      ]),
      opportunities: renewals(36600, [2026]),
    },
  );
}

// 16. Only a possibility: "we might need 20 more seats next year, not sure yet".
{
  const acc = 'st-hedged';
  const p = people(acc, [
    ['Alex Morgan', 'Head of Customer Support', 'champion', 'director'],
    ['Jordan Blake', 'VP Operations', 'decision_maker', 'vp'],
  ]);
  story(
    'hedged-maybe-seats',
    'seats flat at 88 % of 50, the champion writes "we might need 20 more seats next year, depending on the budget, not sure yet" → nurture at most, the possibility weighs less and does not size the potential on 20 seats',
    {
      account: account(acc, 'Greystone Services'),
      contract: {
        tier: 'team',
        seatsLicensed: 50,
        price: 18600,
        startDate: '2026-05-01',
        renewalDate: '2027-05-01',
        modules: [],
      },
      usage: seatsAndActive(() => 44),
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          15,
          'email',
          'inbound',
          [p[0]!.id],
          'Planning',
          'Hi Grace,\n\nWe might need 20 more seats next year, depending on the budget, not sure yet.\n\nAlex',
        ],
      ]),
      opportunities: renewals(18600, [2025, 2026]),
    },
  );
}

// 17. A licence cut two months ago, seats full on the smaller licence since.
{
  const acc = 'st-recent-cut';
  const p = people(acc, [
    ['Sam Reed', 'Head of Finance Systems', 'champion', 'director'],
    ['Ana Lopez', 'CFO', 'budget_owner', 'c_level'],
  ]);
  story(
    'recent-licence-cut',
    "licence cut from 80 to 50 seats 60 days ago at the customer's request, 49 of 50 used since → caution (recent contraction named), not ready: selling the seats back two months after the cut is tone-deaf",
    {
      account: account(acc, 'Harrow Capital'),
      contract: {
        tier: 'team',
        seatsLicensed: 50,
        price: 18600,
        startDate: '2025-09-01',
        renewalDate: '2026-09-01',
        modules: [],
        licenceHistory: [
          { effectiveDate: '2025-09-01', seatsLicensed: 80, tier: 'team' },
          { effectiveDate: addDays(AS_OF, -60), seatsLicensed: 50, tier: 'team' },
        ],
      },
      usage: seatsAndActive(
        ramp([
          [179, 70],
          [62, 68],
          [58, 49],
          [0, 49],
        ]),
      ),
      contacts: contacts(p),
      activities: activities(acc, [...cadence(p[0]!.id, 170, 10, 21)]),
      opportunities: [
        ...renewals(29400, [2025]),
        {
          id: 'opp-cut',
          type: 'contraction',
          amount: 10800,
          stage: 'closed_won',
          createdAt: addDays(AS_OF, -75),
          closedAt: addDays(AS_OF, -60),
        },
      ],
    },
  );
}

// 18. Usage-based in GBP at 0.0015 GBP per event.
{
  const acc = 'st-gbp-usage';
  const book = {
    ...priceBook,
    usage: { unit: 'events', unitPrice: 0.002, commitDiscount: 0.2, prices: { GBP: 0.0015 } },
    exchangeRates: { GBP: 0.75 },
  };
  const p = people(acc, [
    ['Olly Grant', 'Data Platform Lead', 'champion', 'manager'],
    ['Fiona Marsh', 'CTO', 'decision_maker', 'c_level'],
  ]);
  story(
    'gbp-tiny-unit-price',
    'billed in GBP at 0.0015 GBP per event, 10,000,000 events a month committed, running at 9.3M and rising 2 % a month → usage_commit sized in GBP, unit price printed 0.0015 GBP, no USD anywhere',
    {
      account: account(acc, 'Brackenridge Data', { country: 'GB', currency: 'GBP' }),
      contract: {
        tier: 'team',
        seatsLicensed: 15,
        committedVolume: 10_000_000,
        price: 180000,
        startDate: '2026-04-01',
        renewalDate: '2027-04-01',
        modules: [],
      },
      usage: [
        ...seatsAndActive(() => 11),
        {
          metric: 'events',
          kind: 'consumption',
          start: START,
          values: series(
            ramp([
              [179, 280000],
              [0, 320000],
            ]),
          ),
        },
      ],
      contacts: contacts(p),
      activities: activities(acc, [
        ...cadence(p[0]!.id, 170, 10, 21),
        [
          20,
          'email',
          'inbound',
          [p[1]!.id],
          'Volumes',
          'Hi Grace,\n\nEvent volumes keep climbing with the new product line. Can we talk about a bigger commit for next year?\n\nFiona',
        ],
      ]),
      opportunities: renewals(180000, [2026]),
    },
    book,
  );
}

// Written as the repository's formatter would write them (`npm run format:check` covers the fixtures).
const dir = join(import.meta.dirname, 'fixtures');
const prettierOptions = await resolveConfig(join(dir, 'expectations.json'));
const writeJson = async (name: string, value: unknown) =>
  writeFileSync(join(dir, name), await format(JSON.stringify(value), { ...prettierOptions, parser: 'json' }));
for (const s of stories) await writeJson(`${s.file}.json`, s.snapshot);
await writeJson('expectations.json', Object.fromEntries(stories.map((s) => [s.file, s.expectation])));
process.stdout.write(`${stories.length} stories written to ${dir}\n`);
