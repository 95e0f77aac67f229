// The grammar of the six intents: patterns over word classes (pattern.ts), each with the checks that
// keep a lookalike out ("add the support team to the distribution list", "another round of feedback",
// "restructuring the folder hierarchy"). A hiring or growth pattern names the verb whose tense decides
// between headcount growth (done) and a hiring plan (to come or ongoing).
import type { IntentCode } from './intent.types.ts';
import type { SentenceModel } from './sentence-model.ts';
import type { PatternMatch } from './pattern.ts';

export interface RuleContext {
  sentence: SentenceModel;
  match: PatternMatch;
  has(i: number, wordClass: string): boolean;
  word(i: number): string;
}

/** What a rule finds: an intent, or hiring/growth whose tense decides (present: the intent when ongoing). */
export type RuleTarget =
  { intent: IntentCode } | { tenseOf: number; past: IntentCode; present: IntentCode; future: IntentCode };

export interface Rule {
  name: string;
  target: RuleTarget;
  pattern: string;
  check?: (ctx: RuleContext) => boolean;
  /** Competitors before the verb do not make it someone else's news (they are what is evaluated). */
  competitorsAreObjects?: boolean;
}

const T = { intent: 'team_onboarding' } as const;
const F = { intent: 'funding_raised' } as const;
const E = { intent: 'evaluating_alternatives' } as const;
const R = { intent: 'restructuring' } as const;
const grows = (verb: number, present: IntentCode = 'hiring_plan'): RuleTarget => ({
  tenseOf: verb,
  past: 'headcount_growth',
  present,
  future: 'hiring_plan',
});

function tokensBetween(ctx: RuleContext, from: number, to: number): number[] {
  const list: number[] = [];
  for (let i = from + 1; i < to; i++) list.push(i);
  return list;
}

/** A team brought on, not people added to one ("added 9 people to the support desk") nor to a list. */
function teamNotPeople(ctx: RuleContext): boolean {
  const { match, sentence } = ctx;
  const verb = match.at[0]!;
  const unit = match.at[match.at.length - 1]!;
  if (
    tokensBetween(ctx, verb, unit).some(
      (i) => (ctx.has(i, 'STAFF') && !ctx.has(i, 'UNIT')) || sentence.numbers[i] !== undefined,
    )
  )
    return false;
  for (let i = match.end; i < Math.min(sentence.tokens.length, match.end + 5); i++)
    if (ctx.has(i, 'NON_PRODUCT_DESTINATION')) return false;
  // "add"/"include"/"integrate" a team: a product, an access or a head count must be in view.
  if (/^(add|adding|added|include|including|included|ajout|inclu)/.test(ctx.word(verb))) {
    let inView = false;
    for (let i = 0; i < sentence.tokens.length; i++) {
      if (
        ctx.has(i, 'PRODUCT') ||
        ctx.has(i, 'ACCESS') ||
        ctx.has(i, 'SEATS') ||
        sentence.numbers[i] !== undefined ||
        ['board', 'aboard', 'bord'].includes(ctx.word(i))
      )
        inView = true;
    }
    return inView;
  }
  return true;
}

/** "need the tool for a second team": the team, not people, after the need. */
function teamNotPeopleAfterNeed(ctx: RuleContext): boolean {
  const unit = ctx.match.at[ctx.match.at.length - 1]!;
  return !ctx.has(unit, 'STAFF') || ctx.has(unit, 'UNIT');
}

/** Spreading the product to a team: the product is named, or the noun opens the phrase ("Rollout to…"). */
function spreadsProduct(ctx: RuleContext): boolean {
  const { match, sentence } = ctx;
  const verb = match.at[0]!;
  const preposition = match.at[1]!;
  const written = sentence.tokens[preposition]!.text.toLowerCase();
  // French "à" is folded to "a": the English article "a" is not a preposition.
  if (written === 'a') return false;
  const between = tokensBetween(ctx, verb, preposition);
  if (between.some((i) => ctx.has(i, 'PRODUCT') || ['it', 'this', 'us', 'y'].includes(ctx.word(i))))
    return teamNotPeople(ctx);
  const articles = ['a', 'an', 'the', 'un', 'une', 'le', 'la', 'les', 'des', "l'"];
  return (
    between.length <= 1 &&
    !between.some((i) => articles.includes(ctx.word(i)) || sentence.numbers[i] !== undefined)
  );
}

/** "wants in" ends its clause. */
function wantsIn(ctx: RuleContext): boolean {
  const last = ctx.match.at[ctx.match.at.length - 1]!;
  if (ctx.word(last) !== 'in') return true;
  const next = ctx.sentence.tokens[last + 1];
  return !next || next.kind === 'break' || ['as', 'too', 'now', 'also'].includes(next.folded);
}

/** A hiring verb, not "the hiring manager" or "the recruiting module". */
function hiringVerb(at: number) {
  // "recruiters" shares the stem of "recruit" but is a person, not the act.
  return (ctx: RuleContext): boolean =>
    !ctx.has(at + 1, 'HIRE_COMPOUND') &&
    !/(?:ers|eurs?)$/.test(ctx.word(at)) &&
    !(ctx.sentence.language === 'en' && ctx.word(at).endsWith('er'));
}

/** "grew tired", "grew frustrated" are moods, not head counts. */
function growsInNumbers(ctx: RuleContext): boolean {
  const verb = ctx.match.at.find((i) => i >= 0 && ctx.has(i, 'GROW'));
  return verb === undefined || !ctx.has(verb + 1, 'ADJ_STATE');
}

/** A funding noun that is funding: "Series B" not "a series of workshops", "funding round" not "round of feedback". */
function isFunding(ctx: RuleContext, i: number): boolean {
  const word = ctx.word(i);
  const next = ctx.word(i + 1);
  const previous = ctx.word(i - 1);
  const money = (j: number) => ctx.sentence.money[j] === true;
  if (money(i)) return true;
  if (word === 'series' || word === 'serie')
    return /^[a-f]$/.test(next) || /^[a-f]$/.test(ctx.sentence.tokens[i + 1]?.text.toLowerCase() ?? '');
  if (word === 'round' || word === 'tour') {
    return (
      [
        'funding',
        'growth',
        'investment',
        'seed',
        'financing',
        'series',
        'equity',
        'b',
        'c',
        'a',
        'd',
      ].includes(previous) ||
      money(i - 1) ||
      (next === 'de' && ['table', 'financement'].includes(ctx.word(i + 2))) ||
      (['of', 'de'].includes(next) && ['funding', 'financement', 'investment'].includes(ctx.word(i + 2)))
    );
  }
  if (word === 'capital')
    return (
      ['injection', 'raise', 'increase'].includes(next) ||
      previous === 'augmentation' ||
      (previous === 'de' && ctx.word(i - 2) === 'augmentation')
    );
  if (word === 'fonds') return ['de', 'des'].includes(previous) || ctx.has(i - 1, 'FUND_VERB');
  if (word === 'equity') return ['growth', 'private'].includes(previous);
  if (word === 'seed') return ['round', 'extension', 'funding'].includes(next) || ctx.has(i - 1, 'FUND_VERB');
  if (word === 'levee' || word === 'leve') return true;
  return [
    'funding',
    'fundraise',
    'fundraising',
    'investment',
    'investments',
    'financing',
    'financement',
  ].includes(word);
}

function fundingAt(element: number) {
  return (ctx: RuleContext): boolean => isFunding(ctx, ctx.match.at[element]!);
}

/** "alternatives to us" or on their own, not "an alternative to the CSV export" nor "options" alone. */
function isAlternative(ctx: RuleContext, i: number): boolean {
  const word = ctx.word(i);
  if (word === 'option' || word === 'options') return ctx.has(i - 1, 'OTHER') || ctx.has(i - 2, 'OTHER');
  const next = ctx.word(i + 1);
  if (['to', 'for', 'a', 'au', 'aux', 'pour', 'of'].includes(next)) {
    // An alternative to us, or for a time ("for next year", "pour le renouvellement"); not to a feature.
    const object = ctx.sentence.tokens.slice(i + 2, i + 5).map((token) => token.folded);
    const ours = ['you', 'your', 'us', 'ours', 'votre', 'vous', 'nous', 'notre'];
    const time = [
      'next',
      'year',
      'prochain',
      'prochaine',
      'an',
      'annee',
      'renewal',
      'renouvellement',
      'contract',
      'contrat',
    ];
    return object.some((w) => ours.includes(w) || time.includes(w) || /^20\d\d$/.test(w));
  }
  return true;
}

function alternativeAt(element: number) {
  return (ctx: RuleContext): boolean => {
    const i = ctx.match.at[element]!;
    return !ctx.has(i, 'ALTERNATIVE') || isAlternative(ctx, i);
  };
}

/** Restructuring an organisation, not "restructuring the folder hierarchy". */
function restructuresOrganisation(ctx: RuleContext): boolean {
  const at = ctx.match.at[0]!;
  for (let i = at + 1; i < Math.min(ctx.sentence.tokens.length, at + 5); i++) {
    if (ctx.sentence.tokens[i]!.kind === 'break') break;
    if (ctx.has(i, 'DOC_OBJECT')) return false;
  }
  return true;
}

/** A clause end right after the last element ("about 10 roles will go."). */
function endsClause(ctx: RuleContext): boolean {
  const next = ctx.sentence.tokens[ctx.match.end];
  return !next || next.kind === 'break';
}

/** The switch is away from the current vendor: a renewal, the contract or its end is in view. */
function aboutTheContract(ctx: RuleContext): boolean {
  return ctx.sentence.tokens.some(
    (token, i) => ctx.has(i, 'BEFORE_RENEWAL') || ['contract', 'contrat', 'end'].includes(token.folded),
  );
}

const YOURS = new Set(['you', 'your', 'yours', 'vous', 'votre', 'vos', 'yourselves']);
const KEEP = new Set([
  'keep',
  'keeping',
  'kept',
  'stay',
  'garder',
  'gardons',
  'conserver',
  'conservons',
  'retain',
]);
const ONTO = new Set([
  'on',
  'onto',
  'into',
  'in',
  'to',
  'around',
  'with',
  'sur',
  'vers',
  'dans',
  'chez',
  'autour',
  'avec',
]);

/**
 * Fewer tools, not fewer dashboards, nor everything moved onto ours ("consolidating our tools on your
 * platform", "…and yours is the one we keep").
 */
function consolidatesAway(ctx: RuleContext): boolean {
  const { match, sentence } = ctx;
  const [verb, object] = [match.at[0]!, match.at[match.at.length - 1]!];
  if (tokensBetween(ctx, verb, object).some((i) => ctx.has(i, 'DOC_OBJECT') || ctx.has(i, 'SEATS')))
    return false;
  const words = sentence.tokens.map((token) => token.folded);
  for (let i = object + 1; i < words.length - 1; i++) {
    if (sentence.tokens[i]!.kind === 'break') break;
    if (ONTO.has(words[i]!) && words.slice(i + 1, i + 3).some((w) => YOURS.has(w))) return false;
  }
  return !(words.some((w) => KEEP.has(w)) && words.some((w) => YOURS.has(w)));
}

/** A tool let go, not a drop with its own object ("your tool helps us remove duplicates"). */
function droppedWithoutObject(ctx: RuleContext): boolean {
  const next = ctx.sentence.tokens[ctx.match.at[ctx.match.at.length - 1]! + 1];
  if (!next || next.kind === 'break' || next.kind === 'symbol') return true;
  return !(
    next.kind === 'number' ||
    [
      'our',
      'the',
      'a',
      'an',
      'some',
      'all',
      'any',
      'their',
      'its',
      'nos',
      'notre',
      'le',
      'la',
      'les',
      'des',
      'un',
      'une',
      'du',
      'leur',
      'leurs',
      'ces',
      'cette',
      'ce',
      'duplicates',
      'doublons',
    ].includes(next.folded)
  );
}

/** A move onto our tool ("moved everything to your platform"), not away from it. */
function notOntoYours(ctx: RuleContext): boolean {
  const [verb, object] = [ctx.match.at[0]!, ctx.match.at[ctx.match.at.length - 1]!];
  const between = tokensBetween(ctx, verb, object).map((i) => ctx.word(i));
  return !between.some(
    (w, k) => ['to', 'onto', 'into', 'vers', 'sur'].includes(w) && YOURS.has(between[k + 1] ?? ''),
  );
}

export const rules: readonly Rule[] = [
  // --- team, office or department onboarding
  { name: 'onboard-unit', target: T, pattern: 'ONBOARD ~4 (UNIT|FUNCTION)', check: teamNotPeople },
  {
    name: 'spread-to-unit',
    target: T,
    pattern: 'SPREAD ~5 (to|a|au|aux|aupres|across|sur|for|into) ~4 (UNIT|FUNCTION)',
    check: spreadsProduct,
  },
  {
    name: 'unit-joins',
    target: T,
    pattern: '(UNIT|FUNCTION) ~5 (JOIN|LIVE|ONBOARD) ~3 (PRODUCT|board|aboard|bord|us|nous)',
  },
  {
    name: 'unit-starts-using',
    target: T,
    pattern: '(UNIT|FUNCTION) ~5 (start|begin|commencer|WANT|FUTURE) ~3 USE ~3 PRODUCT?',
  },
  {
    name: 'new-unit-interested',
    target: T,
    pattern:
      '(NEW|OTHER|second|deuxieme) ~3 UNIT ~4 (interested|interesse|interessee|interesses|interessees|start|starts|demarre|demarrer|WANT|USE|JOIN|ARRIVE)',
  },
  {
    name: 'unit-wants-access',
    target: T,
    pattern: '(UNIT|FUNCTION) ~6 WANT ~4 (ACCESS|PRODUCT|in)',
    check: wantsIn,
  },
  {
    name: 'need-product-for-unit',
    target: T,
    pattern: 'WANT ~3 (PRODUCT|ACCESS|SEATS) ~3 (for|pour) ~3 UNIT',
    check: teamNotPeopleAfterNeed,
  },
  { name: 'access-for-unit', target: T, pattern: 'ACCESS ~2 (for|pour|to|a|au|aux) ~3 (UNIT|FUNCTION)' },
  { name: 'set-up-unit', target: T, pattern: 'SETUP up ~4 (UNIT|FUNCTION)' },
  { name: 'get-unit-set-up', target: T, pattern: '(get|have) ~5 (UNIT|FUNCTION) SETUP up' },

  // --- hires: done → headcount growth, to come or ongoing → hiring plan
  {
    name: 'hire-people',
    target: grows(0),
    pattern: 'HIRE ~4 #? ~3 STAFF',
    check: (ctx) => hiringVerb(ctx.match.at[0]!)(ctx),
  },
  {
    name: 'we-are-hiring',
    target: grows(1),
    pattern: '(WE|they|ils|elles|on|customer|client|company|societe|entreprise) ~2 HIRE',
    check: (ctx) => hiringVerb(ctx.match.at[1]!)(ctx),
  },
  {
    name: 'hiring-hard',
    target: grows(0),
    pattern: 'HIRE ~1 (aggressively|massively|massivement|heavily|actively|activement|fort|hard|beaucoup)',
    check: (ctx) => hiringVerb(ctx.match.at[0]!)(ctx),
  },
  {
    name: 'hiring-plan-noun',
    target: { intent: 'hiring_plan' },
    pattern: '(plan|push|aggressive|big|massive|vague) ~2 HIRE',
    check: (ctx) => hiringVerb(ctx.match.at[1]!)(ctx),
  },
  {
    name: 'hiring-noun-plan',
    target: { intent: 'hiring_plan' },
    pattern:
      'HIRE ~3 (plan|push|ramp|ramping|pick|picking|planned|prevu|prevus|prevues|cours|prevoit|accelerate|accelere|wave)',
    check: (ctx) =>
      ctx.word(ctx.match.at[1]!) !== 'wave' ||
      !ctx.sentence.tokens.some((t) => t.folded === 'last' || t.folded === 'derniere'),
  },
  // "the new hires" refers to people already spoken of; "8 new joiners", "new joiners keep arriving" state them.
  {
    name: 'newcomers',
    target: grows(1, 'headcount_growth'),
    pattern: '(#|NEW) ~2 NEWCOMER',
    check: (ctx) => !['the', 'these', 'those', 'les', 'ces'].includes(ctx.word(ctx.match.start - 1)),
  },
  { name: 'people-arrived', target: grows(3, 'headcount_growth'), pattern: '# NEW? ~2 STAFF ~3 ARRIVE' },
  {
    name: 'people-added',
    target: grows(0, 'hiring_plan'),
    pattern: 'ADD_PEOPLE ~2 (on|in)? ~2 #? ~2 NEW? ~2 STAFF',
  },
  {
    name: 'open-roles',
    target: { intent: 'hiring_plan' },
    pattern: '(open|ouvrir|ouvre|ouvrent|ouvrons) ~2 #? ~1 ROLE',
  },
  {
    name: 'roles-open',
    target: { intent: 'hiring_plan' },
    pattern: 'ROLE ~1 (open|ouvert|ouverts|vacant|vacants|unfilled)',
  },
  { name: 'team-grows', target: grows(1), pattern: '(HEADCOUNT|UNIT) ~5 GROW', check: growsInNumbers },
  { name: 'grow-team', target: grows(0), pattern: 'GROW ~3 (HEADCOUNT|UNIT)', check: growsInNumbers },
  {
    name: 'grown-to',
    target: grows(0, 'headcount_growth'),
    pattern: 'GROW ~2 (to|a) ~1 # ~2 STAFF',
    check: growsInNumbers,
  },
  {
    name: 'team-went-to',
    target: grows(1, 'headcount_growth'),
    pattern: '(HEADCOUNT|UNIT) ~4 GO ~1 (to|a) ~1 # ~2 STAFF',
  },
  { name: 'headcount-reaches', target: { intent: 'hiring_plan' }, pattern: 'HEADCOUNT ~3 REACH ~2 #' },

  // --- funding
  { name: 'raised-funding', target: F, pattern: 'FUND_VERB ~4 (FUND_NOUN|$)', check: fundingAt(1) },
  { name: 'funding-closed', target: F, pattern: '(FUND_NOUN|$) ~6 FUND_VERB', check: fundingAt(0) },
  { name: 'levee-de-fonds', target: F, pattern: '(levee|leve) ~1 (fonds|#|$|serie)' },
  { name: 'capital-raise', target: F, pattern: 'augmentation de capital' },
  {
    name: 'our-series',
    target: F,
    pattern: '(WE|their|leur|leurs|its|sa|son) ~1 (series|serie|fundraise|fundraising|levee)',
    check: fundingAt(1),
  },
  {
    name: 'series-round',
    target: F,
    pattern: '(series|serie) ~1 (round|funding|financement)',
    check: fundingAt(0),
  },

  // --- evaluating alternatives or competitors
  {
    name: 'evaluate-alternatives',
    target: E,
    pattern: 'EVALUATE ~4 (ALTERNATIVE|COMPETITOR)',
    check: alternativeAt(1),
    competitorsAreObjects: true,
  },
  {
    name: 'evaluate-other-vendors',
    target: E,
    pattern: 'EVALUATE ~4 OTHER ~2 (VENDOR|ALTERNATIVE)',
    competitorsAreObjects: true,
  },
  {
    name: 'compare-with-named',
    target: E,
    pattern: '(compare|comparer|benchmark) ~5 (with|avec|against|to|a) ~3 (^|COMPETITOR|OTHER)',
    competitorsAreObjects: true,
  },
  {
    name: 'trial-named',
    target: E,
    pattern: '(trial|pilot|test|tester|evaluate|evaluer|shortlist) ~2 (^|COMPETITOR)',
    competitorsAreObjects: true,
  },
  { name: 'look-elsewhere', target: E, pattern: '(look|looking|regarder|chercher) ~1 (elsewhere|ailleurs)' },
  { name: 'tender', target: E, pattern: '(rfp|rfi|rfq|tender|tenders)', competitorsAreObjects: true },
  { name: 'appel-d-offres', target: E, pattern: "appel d' offres" },
  { name: 'consultation', target: E, pattern: 'consultation ~4 VENDOR' },
  {
    name: 'put-in-competition',
    target: E,
    pattern: '(mettre|mise|mis) ~4 concurrence',
    competitorsAreObjects: true,
  },
  {
    name: 'demo-from-other',
    target: E,
    pattern: "DEMO ~3 (from|of|de|d'|a|with|chez) ~3 (^|COMPETITOR|OTHER)",
    competitorsAreObjects: true,
  },
  // vendor consolidation, and our tool among those let go
  {
    name: 'consolidate-tools',
    target: E,
    pattern: 'CONSOLIDATE ~3 (VENDOR|stack|apps|applications|subscriptions|abonnements)',
    check: consolidatesAway,
    competitorsAreObjects: true,
  },
  {
    name: 'fewer-tools',
    target: E,
    pattern: '(CUT|CONSOLIDATE) ~2 (number|nombre) ~2 VENDOR',
    check: consolidatesAway,
    competitorsAreObjects: true,
  },
  { name: 'drop-yours', target: E, pattern: 'DROP ~3 yours' },
  {
    name: 'drop-your-tool',
    target: E,
    pattern: '(DROP|passer) ~2 (your|votre|vos|de) ~1 VENDOR',
    check: (ctx) =>
      ['your', 'votre', 'vos'].includes(ctx.word(ctx.match.at[2]!)) ||
      ctx.word(ctx.match.at[0]!) === 'passer',
  },
  { name: 'yours-dropped', target: E, pattern: '(yours|votre) ~6 DROP', check: droppedWithoutObject },
  {
    name: 'your-tool-dropped',
    target: E,
    pattern: '(your|votre|vos) ~1 VENDOR ~8 DROP',
    check: droppedWithoutObject,
  },
  {
    name: 'switch-vendor',
    target: E,
    pattern: 'SWITCH ~3 (VENDOR|COMPETITOR)',
    competitorsAreObjects: true,
    check: notOntoYours,
  },
  { name: 'switch-to-named', target: E, pattern: 'SWITCH ~2 (to|vers|chez) ^', check: aboutTheContract },
  {
    name: 'approached-by-competitor',
    target: E,
    pattern: '(approached|contacted|approche|contacte) ~2 COMPETITOR',
    competitorsAreObjects: true,
  },
  {
    name: 'competitor-offer',
    target: E,
    pattern: '(COMPETITOR|^) ~3 (quoted|offered|offer|offre|proposal|proposition)',
    competitorsAreObjects: true,
    check: aboutTheContract,
  },

  // --- restructuring, headcount reduction
  { name: 'restructuring', target: R, pattern: 'RESTRUCTURE', check: restructuresOrganisation },
  { name: 'layoffs', target: R, pattern: 'LAYOFF' },
  { name: 'lay-off', target: R, pattern: '(lay|laid|laying|lays) off' },
  { name: 'plan-social', target: R, pattern: 'plan social' },
  { name: 'voluntary-departures', target: R, pattern: '(plan|vague) de (depart|departs)' },
  { name: 'cut-staff', target: R, pattern: 'CUT ~4 (HEADCOUNT|STAFF|ROLE|UNIT)' },
  {
    name: 'staff-cut',
    target: R,
    pattern: '(HEADCOUNT|STAFF|ROLE|UNIT) ~4 (CUT|eliminated|supprimes|supprimees)',
  },
  { name: 'job-cuts', target: R, pattern: '(job|jobs|role|roles|emplois) (cuts|losses|cut)' },
  {
    name: 'roles-go',
    target: R,
    pattern: 'ROLE ~2 (go|disappear|disparaitre|disparaissent)',
    check: endsClause,
  },
  { name: 'headcount-down', target: R, pattern: '(HEADCOUNT|UNIT) ~3 (GO|going|vont|va) ~1 (down|DOWN)' },
  { name: 'let-go', target: R, pattern: 'LET ~3 STAFF ~1 go' },
  {
    name: 'close-office',
    target: R,
    pattern:
      'CLOSE_DOWN ~3 (office|offices|bureau|bureaux|agence|agences|site|sites|branch|branches|plant|usine)',
  },
  { name: 'fewer-people', target: R, pattern: '# ~1 fewer' },
  { name: 'de-moins', target: R, pattern: '# de moins' },
];
