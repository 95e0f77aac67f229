// A need the customer states in numbers: "25 more people", "a second team of 20", "a quote for 20
// additional licences", "we'd like to go to 200 seats". People will each need a seat (free seats absorb
// some of them); seats are licences, either added on top of today's or wanted in all.
import { hasClass, type ClassIndex } from './class-index.ts';
import type { PeopleCount, QuantityReader } from './quantities.ts';
import type { SentenceModel } from './sentence-model.ts';

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

export class StatedNeedReader {
  private readonly additional: number;

  constructor(
    index: ClassIndex,
    private readonly quantities: QuantityReader,
  ) {
    this.additional = index.id('NEW');
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
  read(sentence: SentenceModel): StatedNeed | undefined {
    let best: { need: StatedNeed; rank: number } | undefined;
    const counts = this.quantities.counts(sentence);
    const difference = this.quantities.people(sentence);
    // "from 30 to 45 people": the 15 more
    if (difference && difference.to > difference.from) counts.unshift(difference);
    for (const count of counts) {
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
