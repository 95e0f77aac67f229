// The quantities a sentence states: the people ("four analysts", "roughly 30 people", "une trentaine de
// personnes", "from 30 to 45" → 15, "there are 9 of them", "ils sont 22"), and money ("$45M").
import { hasClass, type ClassIndex } from './class-index.ts';
import { isApproximationCue } from './numbers.ts';
import type { SentenceModel } from './sentence-model.ts';

export interface PeopleCount {
  value: number;
  approximate: boolean;
  /** Token indices of the quantity as written. */
  from: number;
  to: number;
  /** The noun that follows: people ("30 people"), seats ("25 seats"), or none. */
  noun: 'people' | 'seats' | 'none';
}

const NOUNS = ['people', 'seats', 'none'] as const;

// Units that make a number something else than people.
const NOT_PEOPLE = new Set([
  '%',
  'percent',
  'pour',
  'pct',
  'times',
  'fois',
  'x',
  'day',
  'days',
  'jours',
  'jour',
  'week',
  'weeks',
  'semaine',
  'semaines',
  'month',
  'months',
  'mois',
  'year',
  'years',
  'an',
  'ans',
  'annee',
  'annees',
  'hour',
  'hours',
  'heures',
  'minutes',
  'minute',
  'quarter',
  'quarters',
  'trimestres',
  'teams',
  'equipes',
  'vendors',
  'tools',
  'offices',
  'editeurs',
  'solutions',
  'alternatives',
  'other',
  'autres',
  'investors',
  'investisseurs',
  'firms',
  'tickets',
  'invoices',
  'factures',
  'pm',
  'am',
  'h',
  'reports',
  'dashboards',
  'outages',
]);
const MONTHS =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|fevr|mars|avr|mai|juin|juil|aout|sept)/;

export class QuantityReader {
  private readonly staff: number;
  private readonly seats: number;

  constructor(index: ClassIndex) {
    this.staff = index.id('STAFF');
    this.seats = index.id('SEATS');
  }

  private isPeopleNumber(sentence: SentenceModel, i: number): boolean {
    const { tokens, numbers, money } = sentence;
    const value = numbers[i];
    if (value === undefined || money[i] || value <= 0 || !Number.isInteger(value)) return false;
    if (tokens[i]!.kind === 'number' && value >= 1900 && value < 2100) return false;
    const next = tokens[i + 1]?.folded ?? '';
    const previous = tokens[i - 1]?.folded ?? '';
    if (
      NOT_PEOPLE.has(next) ||
      MONTHS.test(next) ||
      (['the', 'le', 'la', 'on'].includes(previous) &&
        /^\d+$/.test(tokens[i]!.folded) &&
        MONTHS.test(tokens[i + 1]?.folded ?? ''))
    )
      return false;
    if (previous === 'q' || previous === 'h' || previous === 't' || previous === 's') return false;
    // Word numbers other than the approximate ones need a noun of people right after.
    if (tokens[i]!.kind === 'word' && !/aine$|dozen/.test(tokens[i]!.folded))
      return this.peopleNounNear(sentence, i);
    return true;
  }

  /** 0: people follow ("30 people"), 1: seats follow ("25 seats"), 2: neither. */
  private nounRank(sentence: SentenceModel, i: number): number {
    for (let j = i + 1; j <= i + 4 && j < sentence.tokens.length; j++) {
      if (sentence.tokens[j]!.kind === 'break') break;
      if (hasClass(sentence.bits[j]!, this.staff)) return 0;
      if (hasClass(sentence.bits[j]!, this.seats)) return 1;
    }
    return 2;
  }

  private peopleNounNear(sentence: SentenceModel, i: number): boolean {
    return this.nounRank(sentence, i) < 2;
  }

  /** The people stated in the sentence, preferring a difference ("from 30 to 45") and a number of people. */
  people(sentence: SentenceModel): PeopleCount | undefined {
    const { tokens, numbers } = sentence;
    // "from 30 to 45", "de 20 à 35": the change.
    for (let i = 0; i + 3 < tokens.length; i++) {
      const word = tokens[i]!.folded;
      if (word !== 'from' && word !== 'de') continue;
      const a = numbers[i + 1];
      const to = tokens[i + 2];
      const b = numbers[i + 3];
      if (a === undefined || b === undefined || !to || !['to', 'a'].includes(to.folded)) continue;
      if (sentence.money[i + 1] || NOT_PEOPLE.has(tokens[i + 4]?.folded ?? '')) continue;
      return {
        value: Math.abs(b - a),
        approximate: false,
        from: i,
        to: i + 3,
        noun: NOUNS[this.nounRank(sentence, i + 3)]!,
      };
    }
    // A number of people ("30 people", "4 analysts") wins over seats ("25 seats"), then over a bare one.
    let best: PeopleCount | undefined;
    for (const candidate of this.counts(sentence)) {
      if (!best || NOUNS.indexOf(candidate.noun) < NOUNS.indexOf(best.noun)) best = candidate;
    }
    return best;
  }

  /** Every number of people or seats in the sentence, in order. */
  counts(sentence: SentenceModel): PeopleCount[] {
    const { tokens, numbers } = sentence;
    const found: PeopleCount[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!this.isPeopleNumber(sentence, i)) continue;
      const approximate =
        isApproximationCue(tokens[i - 1]?.folded ?? '') || /aine$|dozen/.test(tokens[i]!.folded);
      found.push({
        value: numbers[i]!,
        approximate,
        from: i,
        to: i,
        noun: NOUNS[this.nounRank(sentence, i)]!,
      });
    }
    return found;
  }

  /** The first money amount, as written. */
  money(sentence: SentenceModel): string | undefined {
    const { tokens, money, text } = sentence;
    const from = money.indexOf(true);
    if (from < 0) return undefined;
    let to = from;
    while (money[to + 1]) to++;
    return text.slice(tokens[from]!.start, tokens[to]!.end);
  }
}
