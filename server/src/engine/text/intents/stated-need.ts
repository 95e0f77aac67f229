// A need the customer states in numbers: "25 more people", "a second team of 20", "a quote for 20
// additional licences", "we'd like to go to 200 seats". People will each need a seat (free seats absorb
// some of them); seats are licences, either added on top of today's or wanted in all.
import { hasClass, type ClassIndex } from './class-index.ts';
import type { PeopleCount, QuantityReader } from './quantities.ts';
import type { SentenceModel } from './sentence-model.ts';
import type { TenseReader } from './tense.ts';

export interface StatedNeed {
  count: number;
  /** `people` who will each need a seat, or `seats` (licences). */
  unit: 'people' | 'seats';
  /** `additional`: on top of what the account has; `total`: the licence wanted in all; else unsaid. */
  basis: 'additional' | 'total' | 'unspecified';
  approximate: boolean;
}

// "20 more", "another 15", "a second team of 20", "20 de plus", "15 autres"
const ADDITIONAL = new Set([
  'more',
  'plus',
  'another',
  'second',
  'third',
  'deuxieme',
  'seconde',
  'autre',
  'autres',
]);
// "200 seats in total", "for all 200 users", "en tout", "au total"
const TOTAL = new Set(['total', 'all', 'tout', 'tous', 'overall', 'altogether', 'whole']);
// "go to 80 seats", "passer à 80 licences", "up to 80", "increase it to 80"
const TO = new Set(['to', 'a', 'jusqu']);
const REACH = 3;
const OF = new Set(['of', 'de']);

// Growth that already happened is no need now: "last year we added 30 people", « l'an dernier nous
// avons embauché 30 personnes », "in 2024 we hired 30 people". A clause ends at a break or a conjunction.
const CLAUSE_END = new Set(['and', 'but', 'so', 'while', 'whereas', 'et', 'mais', 'donc', 'alors', 'or']);
// A period before now: "last year", "l'an dernier", "l'année dernière", "two years ago", « il y a deux ans ».
const PERIOD = new Set([
  'year',
  'month',
  'quarter',
  'week',
  'summer',
  'spring',
  'autumn',
  'fall',
  'winter',
  'semester',
  'an',
  'annee',
  'mois',
  'trimestre',
  'semestre',
  'semaine',
  'ete',
  'hiver',
  'printemps',
  'automne',
  'exercice',
]);
// Now: "…last year, now we need…", « aujourd'hui »: the clause speaks of today.
const NOW = new Set([
  'now',
  'today',
  'currently',
  'still',
  'maintenant',
  'aujourd',
  "aujourd'",
  "aujourd'hui",
  'actuellement',
  'desormais',
  'toujours',
]);
// What the people lack now, the present consequence that makes done growth a need: "there's no licence
// left for them", "they can't log in", « il nous manque des licences », "we need seats for them".
const LACK = new Set([
  'left',
  'lack',
  'lacking',
  'missing',
  'short',
  'without',
  'waiting',
  "can't",
  'cannot',
  'manque',
  'manquent',
  'reste',
  'restent',
  'sans',
  'attendent',
  'faut',
  'faudra',
  'faudrait',
]);

export class StatedNeedReader {
  private readonly additional: number;

  private readonly want: number;

  constructor(
    index: ClassIndex,
    private readonly quantities: QuantityReader,
    private readonly tense: TenseReader,
  ) {
    this.additional = index.id('NEW');
    this.want = index.id('WANT');
  }

  private clauseOf(sentence: SentenceModel, count: PeopleCount): [number, number] {
    const { tokens } = sentence;
    const ends = (j: number) => tokens[j]!.kind === 'break' || CLAUSE_END.has(tokens[j]!.folded);
    let from = count.from;
    while (from > 0 && !ends(from - 1)) from--;
    let to = count.to + 1;
    while (to < tokens.length && !ends(to)) to++;
    return [from, to];
  }

  /** A period before now in `[from, to)`: "last year", « l'an dernier », "two years ago", "in 2024". */
  private pastPeriod(sentence: SentenceModel, from: number, to: number, year: number | undefined): boolean {
    const { tokens, numbers } = sentence;
    const word = (j: number) => tokens[j]?.folded ?? '';
    for (let i = from; i < to; i++) {
      const w = word(i);
      if (w === 'ago') return true;
      if (w === 'last' && PERIOD.has(word(i + 1))) return true;
      if ((w === 'dernier' || w === 'derniere') && PERIOD.has(word(i - 1))) return true;
      if (w === 'il' && word(i + 1) === 'y' && word(i + 2) === 'a' && numbers[i + 3] !== undefined)
        return true;
      const value = numbers[i];
      if (
        year !== undefined &&
        value !== undefined &&
        tokens[i]!.kind === 'number' &&
        value >= 1990 &&
        value < year &&
        ['in', 'en', 'during', 'since', 'depuis'].includes(word(i - 1))
      )
        return true;
    }
    return false;
  }

  /** The sentence says what its people lack now ("no licence left for them", "we need seats for them"). */
  private lacksNow(sentence: SentenceModel): boolean {
    const { tokens, bits } = sentence;
    return tokens.some((token, i) => {
      if (LACK.has(token.folded)) return true;
      if (!hasClass(bits[i]!, this.want)) return false;
      // "we needed", "they asked" tell of the past too
      return !this.tense.isPastForm(sentence, i, Math.max(0, i - 3), true);
    });
  }

  /**
   * Whether the count is growth already done: its clause is set before now ("last year", "in 2024") or its
   * verb is past ("we added 30 people", « nous avons embauché 30 personnes »), and the sentence states
   * nothing the people lack now ("we just hired four analysts and there's no licence left for them").
   */
  private done(sentence: SentenceModel, count: PeopleCount, year: number | undefined): boolean {
    const [from, to] = this.clauseOf(sentence, count);
    const { tokens } = sentence;
    if (tokens.slice(from, to).some((token) => NOW.has(token.folded))) return false;
    let past = this.pastPeriod(sentence, from, to, year);
    for (let i = count.from - 1; !past && i >= from; i--) {
      if (tokens[i]!.kind !== 'word' || sentence.numbers[i] !== undefined) continue;
      if (this.tense.isPastForm(sentence, i, from, true)) past = true;
    }
    return past && !this.lacksNow(sentence);
  }

  /** Whether every count of people or seats the sentence states is growth already done. */
  growthDone(sentence: SentenceModel, year?: number): boolean {
    const counts = this.quantities.counts(sentence);
    return counts.length > 0 && counts.every((count) => this.done(sentence, count, year));
  }

  private near(sentence: SentenceModel, count: PeopleCount, words: ReadonlySet<string>, klass = -1): boolean {
    const { tokens, bits } = sentence;
    for (const step of [-1, 1]) {
      const edge = step < 0 ? count.from : count.to;
      for (let j = edge + step, k = 0; k < REACH && j >= 0 && j < tokens.length; j += step, k++) {
        if (tokens[j]!.kind === 'break') break;
        if (words.has(tokens[j]!.folded) || (klass >= 0 && hasClass(bits[j]!, klass))) return true;
      }
    }
    return false;
  }

  private basisOf(sentence: SentenceModel, count: PeopleCount): StatedNeed['basis'] {
    if (this.near(sentence, count, ADDITIONAL, this.additional)) return 'additional';
    if (this.near(sentence, count, TOTAL)) return 'total';
    const before = sentence.tokens[count.from - 1]?.folded ?? '';
    if (count.noun === 'seats' && TO.has(before)) return 'total';
    return 'unspecified';
  }

  /** The need the sentence states, preferring a count said to be additional, then people, then seats. */
  read(sentence: SentenceModel, year?: number): StatedNeed | undefined {
    let best: { need: StatedNeed; rank: number } | undefined;
    const counts = this.quantities.counts(sentence);
    const difference = this.quantities.people(sentence);
    // "from 30 to 45 people": the 15 more
    if (difference && difference.to > difference.from) counts.unshift(difference);
    for (const count of counts) {
      if (this.done(sentence, count, year)) continue;
      const basis = count.to > count.from ? 'additional' : this.basisOf(sentence, count);
      // a bare number counts when said to be more ("20 more") or to size a team ("a team of 20")
      const bare = count.noun === 'none' && count.to === count.from;
      if (bare && basis !== 'additional' && !OF.has(sentence.tokens[count.from - 1]?.folded ?? '')) continue;
      const need: StatedNeed = {
        count: count.value,
        unit: count.noun === 'seats' ? 'seats' : 'people',
        basis,
        approximate: count.approximate,
      };
      const rank = (basis === 'additional' ? 0 : 2) + (need.unit === 'people' ? 0 : 1);
      if (!best || rank < best.rank) best = { need, rank };
    }
    return best?.need;
  }
}

/** How explicit a need is: licences counted by the customer, then people to equip, then a bare seat count. */
export function needRank(need: StatedNeed): number {
  if (need.unit === 'seats') return need.basis === 'unspecified' ? 2 : 0;
  return 1;
}
