// For the number-coherence property: every number a verdict's texts state, matched to the structured value
// it claims to be. A claim is a phrasing the engine uses ("47 of 50 seats used", "Sized at 7,680 USD");
// its numbers must equal the account's facts of the day, the verdict's values or the cited evidence's. A
// number no claim covers is a finding too: a new phrasing must say which value it states. The customer's
// own words (quotes), names and subjects are not ours and are left out.
import { dayNumber, type AccountSnapshot, type Evidence, type Verdict } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';
import { accountFacts, type AccountFacts } from '../facts/account-facts.ts';
import { metricTrend, type TrendKind } from '../techniques/temporal/metric-trend.ts';
import { recentEvidenceDays } from '../agent/judgement.agent.ts';

type Value = number | string | undefined | null;

export interface Claim {
  name: string;
  pattern: RegExp;
  /** The values the captured groups claim to be, in order (undefined: the claim cannot hold). */
  expected: (match: RegExpExecArray) => Value[];
}

const pct = (ratio: number) => Math.round(ratio * 100);
const num = (text: string) => Number(text.replace(/,/g, ''));
const frDay = (text: string) => `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const FR_DATE = '(\\d{2}/\\d{2}/\\d{4})';
const N = '(\\d[\\d,]*(?:\\.\\d+)?)';
const MONEY = `${N} ([A-Z]{3})`;

function evidenceWith(verdict: Verdict, prefix: string): Evidence | undefined {
  return verdict.evidence.find((item) => item.id.startsWith(prefix));
}

function numeric(value: Value): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Replaces the customer's words, names and subjects, which are not ours to check. */
export function withoutTheirWords(text: string, verdict: Verdict, snapshot: AccountSnapshot): string {
  let out = text
    .replace(/“[^”]*”/g, '“…”')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/« [^»]* »/g, '«…»');
  const names = [
    verdict.accountName,
    ...snapshot.contacts.flatMap((contact) => [contact.name, contact.title]),
    snapshot.account.csmName,
    snapshot.account.ownerName,
    ...snapshot.tickets.map((ticket) => ticket.subject),
  ];
  for (const name of names) if (name && /\d/.test(name)) out = out.split(name).join('‹name›');
  return out;
}

/**
 * The claims of the agent's texts, in English and French: `customer` — what the talk track and the email
 * may state (the customer's usage, limits and dates); `team` — what only the approach and the next step
 * may add (the potential, the adjustments, the window, the judgement).
 */
export function agentClaims(
  verdict: Verdict,
  snapshot: AccountSnapshot,
  ctx: EngineContext,
): { customer: Claim[]; team: Claim[] } {
  const facts = accountFacts(snapshot, ctx);
  const agent = verdict.agent!;
  const { config } = ctx;
  const seats = facts.seats;
  const value = (prefix: string) => numeric(evidenceWith(verdict, prefix)?.value);
  const limit = evidenceWith(verdict, 'tmp:limit:');
  const capacity = numeric(limit?.threshold);
  // the window's limit date is the evidence's: one date for one fact
  const limitDate =
    verdict.window?.limitDate === undefined || verdict.window.limitDate === limit?.value
      ? (limit?.value as string | undefined)
      : undefined;
  const customerDate = (): Value => {
    const window = verdict.window;
    if (!window) return undefined;
    return window.limitDate && window.limitDate > ctx.now ? window.limitDate : window.closesOn;
  };
  const renewal = snapshot.contract.renewalDate;
  const customer: Claim[] = [
    {
      name: 'the meeting asked for',
      pattern: /(?:30 minutes|30-minute|30 minutes)/g,
      expected: () => [],
    },
    {
      name: 'seats used, licensed and days at the threshold',
      pattern:
        /(?:Your team uses (\d+) of its (\d+) seats, at or above (\d+) % of the licence for the last (\d+) days|Votre équipe utilise (\d+) de ses (\d+) licences, à (\d+) % ou plus de la licence depuis (\d+) jours)/g,
      expected: () => {
        const claimed = [
          seats?.used,
          seats?.licensed,
          pct(config.rules.seatUtilisation.threshold),
          seats?.daysAtThreshold,
        ];
        return [...claimed, ...claimed];
      },
    },
    {
      name: 'seat plateau',
      pattern:
        /(?:Your seat usage has held at (\d+) of (\d+)|Votre utilisation plafonne à (\d+) licences sur (\d+))/g,
      expected: () => [seats?.used, seats?.licensed, seats?.used, seats?.licensed],
    },
    {
      name: 'limit reached, in seats',
      pattern: new RegExp(
        `(?:You have been at your ${N} seats since ${DATE}|Vous êtes à vos ${N} licences depuis le ${FR_DATE}|You reached your ${N} seats on ${DATE}|Vous avez atteint vos ${N} licences le ${FR_DATE})`,
        'g',
      ),
      expected: () => [capacity, limitDate, capacity, limitDate, capacity, limitDate, capacity, limitDate],
    },
    {
      name: 'limit ahead, in seats',
      pattern: new RegExp(
        `(?:you will reach your ${N} seats around ${DATE}|vous atteindrez vos ${N} licences vers le ${FR_DATE})`,
        'g',
      ),
      expected: () => [capacity, limitDate, capacity, limitDate],
    },
    {
      name: 'commit reached or ahead',
      pattern: new RegExp(
        `(?:monthly commit (?:since|around) ${DATE}|engagement mensuel (?:depuis le|vers le) ${FR_DATE})`,
        'g',
      ),
      expected: () => [limitDate, limitDate],
    },
    {
      name: 'growth over the quarter',
      pattern:
        /(?:The seats your team uses grew (\d+) %|Le nombre de licences utilisées a progressé de (\d+) %|Your active users grew (\d+) %|Vos utilisateurs actifs ont progressé de (\d+) %|Your consumption grew (\d+) %|Votre consommation a progressé de (\d+) %)/g,
      expected: () => {
        const growth = (kind: string) => {
          const found = numeric(evidenceWith(verdict, `tmp:trend:${kind}`)?.value);
          return found === undefined ? undefined : pct(found);
        };
        const s = growth('seats_used');
        const a = growth('active_users');
        const c = growth('consumption');
        return [s, s, a, a, c, c];
      },
    },
    {
      name: 'active-user spike',
      pattern:
        /(?:Your active users rose (\d+) % over the last (\d+) days|Vos utilisateurs actifs ont augmenté de (\d+) % ces (\d+) derniers jours)/g,
      expected: () => {
        const ratio = value('br:active-user-spike');
        const rise = ratio === undefined ? undefined : pct(ratio - 1);
        const days = config.rules.activeUserSpike.recentDays;
        return [rise, days, rise, days];
      },
    },
    {
      name: 'consumption against the commit',
      pattern:
        /(?:Your monthly consumption is running at (\d+) % of your commit|Votre consommation mensuelle atteint (\d+) % de votre engagement)/g,
      expected: () => {
        const share = value('br:consumption-commit');
        return [share === undefined ? undefined : pct(share), share === undefined ? undefined : pct(share)];
      },
    },
    {
      name: 'feature adoption',
      pattern:
        /(\d+) % (?:of your active users already use|de vos utilisateurs actifs utilisent déjà) ([\w-]+)/g,
      expected: (match) => {
        const feature = match[2]!;
        const found = verdict.evidence.find(
          (item) => /^br:(?:module|premium):/.test(item.id) && item.id.endsWith(`:${feature}`),
        );
        return [numeric(found?.value) === undefined ? undefined : pct(numeric(found?.value)!), feature];
      },
    },
    {
      name: 'tier ceiling',
      pattern:
        /(?:You are at (\d+) seats against the (\d+)-seat ceiling|Vous êtes à (\d+) licences pour un plafond de (\d+))/g,
      expected: () => {
        const at = value('br:tier-seats-');
        const ceiling = ctx.priceBook.tiers.find((tier) => tier.id === snapshot.contract.tier)?.maxSeats;
        return [at, ceiling, at, ceiling];
      },
    },
    {
      name: 'the customer date to plan against',
      pattern: new RegExp(
        `(?:the next step together before ${DATE}|regarder ensemble la suite avant le ${FR_DATE})`,
        'g',
      ),
      expected: () => [customerDate(), customerDate()],
    },
  ];
  const team: Claim[] = [
    {
      name: 'the potential, as sized and as adjusted',
      pattern: new RegExp(
        `Sized at ${MONEY}(?: \\(range ${MONEY}–${MONEY}\\))?(?:; adjusted to ${MONEY}(?: \\(range ${MONEY}–${MONEY}\\))?)?`,
        'g',
      ),
      expected: (match) => {
        const { potential } = verdict;
        const adjusted = agent.adjustedPotential;
        const c = potential.currency;
        const sized = [potential.arr, c, potential.low, c, potential.high, c];
        if (match[7] === undefined) return sized;
        return [...sized, adjusted.arr, c, adjusted.low, c, adjusted.high, c];
      },
    },
    {
      name: 'the renewal in the adjustments',
      pattern: new RegExp(`Renewal on ${DATE} \\(in (-?\\d+) days\\)`, 'g'),
      expected: () => [renewal, dayNumber(renewal) - dayNumber(ctx.now)],
    },
    {
      name: 'the window in the next step',
      pattern: new RegExp(
        `(?:between ${DATE} and ${DATE}|The window is open since ${DATE} and closes on ${DATE})`,
        'g',
      ),
      expected: () => {
        const window = verdict.window;
        return [window?.opensOn, window?.closesOn, window?.opensOn, window?.closesOn];
      },
    },
    {
      name: 'stale evidence',
      pattern: new RegExp(
        `The latest supporting evidence dates from ${DATE}, more than (\\d+) days ago`,
        'g',
      ),
      expected: (match) => {
        const cited = verdict.evidence.find((item) => item.date === match[1] && item.source !== 'model');
        return [cited?.date, recentEvidenceDays];
      },
    },
  ];
  // the email lowers the first letter of the anchor ("I noticed this: your team uses…")
  const anyCase = (claim: Claim) => ({ ...claim, pattern: new RegExp(claim.pattern.source, 'gi') });
  return { customer: customer.map(anyCase), team };
}

/** The claims of one evidence description and of its line in the signals text. */
export function evidenceClaims(
  evidence: Evidence,
  verdict: Verdict,
  snapshot: AccountSnapshot,
  ctx: EngineContext,
): Claim[] {
  const facts: AccountFacts = accountFacts(snapshot, ctx);
  const { seats, consumption } = facts;
  const value = numeric(evidence.value);
  const today = dayNumber(ctx.now);
  const byId = (pattern: RegExp, name: string, expected: Claim['expected']): Claim => ({
    name,
    pattern,
    expected,
  });
  const tier = ctx.priceBook.tiers.find((candidate) => candidate.id === snapshot.contract.tier);
  const claims: Claim[] = [
    byId(new RegExp(`— ${N} \\(${DATE}\\)$`, 'g'), 'the value and day of the evidence', () => [
      value,
      evidence.date,
    ]),
    byId(new RegExp(`— (${DATE}) \\(${DATE}\\)$`, 'g'), 'the dated value of the evidence', () => [
      evidence.value,
      evidence.value,
      evidence.date,
    ]),
    byId(new RegExp(`(?:— “…”|^) \\(${DATE}\\)$`, 'g'), 'the day of a quote', () => [evidence.date]),
    byId(new RegExp(`\\(${DATE}\\)`, 'g'), 'the day of the evidence', () => [evidence.date]),
  ];
  const id = evidence.id;
  if (id === 'br:seat-utilisation') {
    claims.push(
      byId(
        /Seat utilisation (\d+) % \((\d+) of (\d+) seats used, weekly median\), at or above (\d+) % for the last (\d+) days with data/g,
        'seat utilisation',
        () => [
          value === undefined ? undefined : pct(value),
          seats?.used,
          seats?.licensed,
          pct(numeric(evidence.threshold) ?? Number.NaN),
          seats?.daysAtThreshold,
        ],
      ),
    );
  } else if (id === 'br:tier-seats-licensed') {
    claims.push(
      byId(
        /(\d+) seats licensed on the [\w ]+ tier, which allows (\d+)/g,
        'seats licensed near the ceiling',
        () => [snapshot.contract.seatsLicensed, tier?.maxSeats],
      ),
    );
  } else if (id === 'br:tier-seats-used') {
    claims.push(
      byId(/(\d+) seats in use, at the [\w ]+ tier ceiling of (\d+)/g, 'seats used at the ceiling', () => [
        seats?.used,
        tier?.maxSeats,
      ]),
    );
  } else if (id === 'br:active-user-spike') {
    const { recentDays, baselineDays } = ctx.config.rules.activeUserSpike;
    claims.push(
      byId(
        /Active users up (\d+) % on average over the last (\d+) days against the (\d+) days before/g,
        'active-user spike',
        () => [value === undefined ? undefined : pct(value - 1), recentDays, baselineDays],
      ),
    );
  } else if (id.startsWith('br:premium:') || id.startsWith('br:module:')) {
    claims.push(
      byId(/used by (\d+) % of active users, (\d+) days or more/g, 'feature adoption', () => [
        value === undefined ? undefined : pct(value),
        ctx.config.rules.premiumFeature.minDays,
      ]),
    );
  } else if (id === 'br:consumption-commit') {
    claims.push(
      byId(
        new RegExp(
          `Monthly consumption run-rate ${N} is (\\d+) % of the ${N} committed, for (\\d+) days`,
          'g',
        ),
        'run-rate',
        () => [
          consumption?.monthly,
          value === undefined ? undefined : pct(value),
          snapshot.contract.committedVolume,
          consumption?.daysAtThreshold,
        ],
      ),
    );
  } else if (id.startsWith('tmp:trend:')) {
    const kind = id.slice('tmp:trend:'.length) as TrendKind;
    claims.push(
      byId(/(?:Seats used|Active users|Consumption) (?:up|down) (\d+) % over (\d+) weeks/g, 'trend', () => [
        value === undefined ? undefined : pct(Math.abs(value)),
        metricTrend(snapshot, kind, today)?.weeks,
      ]),
    );
  } else if (id === 'tmp:plateau:seats') {
    claims.push(
      byId(/Seats used flat at (\d+) of (\d+) licensed \((\d+) %\) for 4\+ weeks/g, 'seat plateau', () => [
        seats?.used,
        snapshot.contract.seatsLicensed,
        value === undefined ? undefined : pct(value),
      ]),
    );
  } else if (id === 'tmp:plateau:consumption') {
    claims.push(
      byId(
        new RegExp(
          `Monthly consumption flat at ${N} against a commit of ${N} \\((\\d+) %\\) for 4\\+ weeks`,
          'g',
        ),
        'plateau',
        () => [
          consumption?.monthly,
          snapshot.contract.committedVolume,
          value === undefined ? undefined : pct(value),
        ],
      ),
    );
  } else if (id.startsWith('tmp:limit:')) {
    const window = verdict.window?.limitDate ?? evidence.value;
    const date = window === evidence.value ? evidence.value : undefined;
    claims.push(
      byId(
        new RegExp(
          `At the ${N} (?:seats licensed|monthly commit) since ${DATE} \\((?:(\\d+) used|running at ${N} a month)\\)`,
          'g',
        ),
        'limit reached',
        (match) => [
          numeric(evidence.threshold),
          date,
          match[3] === undefined ? undefined : seats?.used,
          match[4] === undefined ? undefined : consumption?.monthly,
        ],
      ),
      byId(
        new RegExp(`Projected to reach the ${N} (?:seats licensed|monthly commit) on ${DATE}`, 'g'),
        'limit ahead',
        () => [numeric(evidence.threshold), date],
      ),
    );
  } else if (id.startsWith('conv:need:')) {
    claims.push(byId(/Stated need: (?:about )?(\d+)/g, 'stated need', () => [value]));
  } else if (id.startsWith('conv:')) {
    claims.push(byId(/, (\d+) people stated/g, 'people stated', () => [value]));
  } else if (id.startsWith('net:engaged:')) {
    claims.push(
      byId(/took part in (\d+) activities in the last (\d+) days/g, 'activities of a sponsor', () => [
        value,
        45,
      ]),
    );
  } else if (id === 'net:engagement-rising') {
    claims.push(
      byId(/over the last (\d+) days at ([\d.]+)× its rate of the (\d+) days before/g, 'rising', () => [
        45,
        value,
        90,
      ]),
      byId(
        /(\d+) stakeholder activities over the last (\d+) days, none in the (\d+) days before/g,
        'rising from none',
        () => [value, 45, 90],
      ),
    );
  } else if (id.startsWith('net:budget-owner:')) {
    claims.push(byId(new RegExp(`appeared on ${DATE}`, 'g'), 'new budget owner', () => [evidence.date]));
  } else if (id === 'pred:probability') {
    claims.push(
      byId(/within (\d+) days \(interval ([\d.]+)–([\d.]+)\)/g, 'probability interval', () => [
        90,
        Math.round(verdict.probabilityInterval[0] * 1000) / 1000,
        Math.round(verdict.probabilityInterval[1] * 1000) / 1000,
      ]),
    );
  } else if (id.startsWith('pred:')) {
    const feature = id.slice('pred:'.length);
    const contribution = verdict.featureContributions.find((item) => item.feature === feature);
    claims.push(
      byId(/\(([+-]?\d+\.\d+) log-odds\)/g, 'model driver', () => [contribution?.contribution.toFixed(2)]),
      // the feature labels name their own windows ("last 28 days vs the 56 before"): constants
      byId(/Model driver: [^(]+(?=\()/g, 'feature label', () => []),
    );
  }
  return claims;
}

export interface Finding {
  text: string;
  problem: string;
}

/** Applies the claims to a text: a number that differs from its claim, or that no claim covers, is a finding. */
export function checkNumbers(text: string, claims: readonly Claim[]): Finding[] {
  const findings: Finding[] = [];
  let rest = text;
  for (const claim of claims) {
    rest = rest.replace(claim.pattern, (...args: unknown[]) => {
      const whole = args[0] as string;
      const groups = args.slice(1, -2) as (string | undefined)[];
      const match = Object.assign([whole, ...groups], {
        index: 0,
        input: rest,
      }) as unknown as RegExpExecArray;
      const expected = claim.expected(match);
      groups.forEach((written, i) => {
        if (written === undefined) return;
        const group = /^\d{2}\/\d{2}\/\d{4}$/.test(written) ? frDay(written) : written;
        const want = expected[i];
        const same =
          typeof want === 'number' ? Number.isFinite(num(group)) && num(group) === want : group === want;
        if (!same)
          findings.push({ text, problem: `${claim.name}: "${group}" in "${whole}" is not ${String(want)}` });
      });
      return '§';
    });
  }
  const left = /[^\s§]*\d[^\s§]*/.exec(rest);
  if (left) findings.push({ text, problem: `unclaimed number "${left[0]}" in "${rest}"` });
  return findings;
}
