// Synthetic accounts for the techniques' micro-benchmark: 6 daily series × 450 days with weekly
// seasonality, noise and missing days; 8 contacts; 40 activities of 2–5 sentences in English or
// French, one in five holding a cue (some negated). Deterministic: the same accounts on every run.
import type { AccountSnapshot, Activity, Contact, UsageSeries } from '@ripe/shared';
import { addDays } from '@ripe/shared';
import { TEST_NOW } from './test-fixtures.ts';

export const BENCH_DAYS = 450;
export const BENCH_ACTIVITIES = 40;

// mulberry32
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const neutralEn = [
  'Thanks for the call yesterday, it was great to catch up with the whole group.',
  'As discussed, the reporting module is used every day by the operations people.',
  'Could you check the invoice for last month, the amount differs from the PO.',
  'We would like to understand the roadmap for the API and the mobile app.',
  'Please find attached the notes from our quarterly business review.',
  'The onboarding of the Madrid office went smoothly, thanks to your support.',
  'Let us schedule a follow-up next week to go through the open questions.',
];
const neutralFr = [
  "Merci pour l'échange d'hier, ravi d'avoir pu faire le point avec toute l'équipe.",
  'Comme convenu, le module de reporting est utilisé tous les jours par les opérations.',
  'Pourriez-vous vérifier la facture du mois dernier ? Le montant diffère du bon de commande.',
  "Nous aimerions connaître la feuille de route de l'API et de l'application mobile.",
  'Vous trouverez ci-joint le compte rendu de notre revue trimestrielle.',
];
const cues = [
  'We will need 20 more seats for the new support team.',
  'We keep hitting the seat limit on Mondays, which plan would fit?',
  "We're hiring 30 people in the second half.",
  'Honestly we are frustrated with the export performance.',
  'We do not need more licences this year.',
  'Nous aimerions ajouter 15 licences pour la filiale de Lyon.',
  "Nous n'avons pas besoin de licences supplémentaires.",
  'Le budget est gelé, des coupes budgétaires sont annoncées.',
];

function series(
  metric: string,
  kind: UsageSeries['kind'],
  level: number,
  growth: number,
  next: () => number,
  feature?: string,
): UsageSeries {
  const values: (number | null)[] = new Array(BENCH_DAYS);
  for (let day = 0; day < BENCH_DAYS; day++) {
    const weekend = (day + 3) % 7 >= 5 ? 0.4 : 1;
    values[day] =
      next() < 0.03
        ? null
        : Math.round(level * (1 + (growth * day) / BENCH_DAYS) * weekend * (0.9 + 0.2 * next()));
  }
  return {
    metric,
    kind,
    start: addDays(TEST_NOW, 1 - BENCH_DAYS),
    values,
    ...(feature ? { feature, premium: true } : {}),
  };
}

/** The synthetic account number `index`. */
export function buildBenchAccount(index: number): AccountSnapshot {
  const next = random(index + 1);
  const seats = 20 + Math.floor(next() * 80);
  const contacts: Contact[] = Array.from({ length: 8 }, (_, c) => ({
    id: `c-${index}-${c}`,
    name: `Contact ${c}`,
    title: [
      'VP Operations',
      'Head of Finance',
      'IT Manager',
      'Analyst',
      'Directeur Achats',
      'Engineer',
      'CEO',
      'Team Lead',
    ][c] as string,
    role:
      (
        [
          'sponsor',
          'budget_owner',
          'champion',
          'user',
          'unknown',
          'user',
          'decision_maker',
          'influencer',
        ] as const
      )[c] ?? 'user',
    seniority: 'individual',
    createdAt: addDays(TEST_NOW, -Math.floor(next() * 500)),
    ...(c === 2 && next() < 0.2 ? { leftAt: addDays(TEST_NOW, -30) } : {}),
  }));
  const activities: Activity[] = Array.from({ length: BENCH_ACTIVITIES }, (_, a) => {
    const pool = next() < 0.3 ? neutralFr : neutralEn;
    const sentences = 2 + Math.floor(next() * 4);
    const parts: string[] = [];
    for (let s = 0; s < sentences; s++) parts.push(pool[Math.floor(next() * pool.length)] as string);
    if (next() < 0.2) parts.splice(1, 0, cues[Math.floor(next() * cues.length)] as string);
    return {
      id: `a-${index}-${a}`,
      type: (['email', 'note', 'meeting', 'call'] as const)[a % 4] ?? 'email',
      occurredAt: `${addDays(TEST_NOW, -Math.floor(next() * 170))}T10:00:00Z`,
      direction: (['inbound', 'outbound', 'internal'] as const)[a % 3] ?? 'inbound',
      participants: [`c-${index}-${Math.floor(next() * 8)}`],
      subject: 'Follow-up',
      text: parts.join(' '),
    };
  });
  return {
    account: {
      id: `acc-${index}`,
      name: `Account ${index}`,
      segment: 'mid_market',
      industry: 'Software',
      createdAt: '2023-01-01',
    },
    contract: {
      tier: 'team',
      seatsLicensed: seats,
      committedVolume: 3000,
      price: seats * 480,
      startDate: '2025-09-01',
      renewalDate: addDays(TEST_NOW, 10 + Math.floor(next() * 300)),
      modules: [],
    },
    usage: [
      series('seats_used', 'seats_used', seats * 0.8, 0.3, next),
      series('active_users', 'active_users', seats * 0.6, 0.4, next),
      series('api_calls', 'consumption', 80, 0.5, next),
      series('feature_audit_log', 'feature_adoption', seats * 0.1, 0.5, next, 'audit_log'),
      series('feature_dashboards', 'feature_adoption', seats * 0.2, 0.2, next, 'dashboards'),
      series('feature_sandbox', 'feature_adoption', seats * 0.05, 1, next, 'sandbox'),
    ],
    contacts,
    activities,
    tickets:
      next() < 0.2
        ? [
            {
              id: `t-${index}`,
              openedAt: addDays(TEST_NOW, -5),
              priority: 'urgent',
              status: 'open',
              escalated: false,
              subject: 'Outage',
            },
          ]
        : [],
    opportunities: [],
  };
}
