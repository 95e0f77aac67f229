// The time of a hiring or growth verb: done ("we just hired", "ont recruté", "has doubled", "venons
// d'embaucher") makes headcount growth; to come ("plan to recruit", "va passer", "will grow", "embaucherons")
// or ongoing ("we're hiring", "recrutons") makes a hiring plan.
import { hasClass, type ClassIndex } from './class-index.ts';
import type { SentenceModel } from './sentence-model.ts';

export type Tense = 'past' | 'future' | 'present';

const IRREGULAR_PAST = new Set([
  'took',
  'bought',
  'taken',
  'brought',
  'grew',
  'grown',
  'went',
  'gone',
  'began',
  'begun',
  'came',
  'got',
  'gotten',
  'had',
  'made',
  'rejoint',
  'pris',
  'fait',
]);
const FRENCH_FUTURE = /(?:erai|eras|era|erons|erez|eront|irai|ira|irons|iront|drai|dra|drons|dront)$/;
const FRENCH_PARTICIPLE = /(?:e|es|ee|ees|i|is|ie|ies|u|us|ue|ues|it|int)$/;
const VENIR = new Set(['venons', 'vient', 'viennent', 'venez', 'viens', 'venait', 'venions']);

export class TenseReader {
  private readonly future: number;
  private readonly aux: number;
  private readonly recent: number;

  constructor(index: ClassIndex) {
    this.future = index.id('FUTURE');
    this.aux = index.id('AUX_HAVE');
    this.recent = index.id('RECENT');
  }

  /** The tense of the verb at `verb`, read from its form and the words of its clause `[from, to)`. */
  tenseAt(sentence: SentenceModel, verb: number, from: number, to: number, year: number | undefined): Tense {
    const { tokens, bits, numbers } = sentence;
    const word = tokens[verb]!.folded;
    for (let i = from; i < to; i++) {
      if (i === verb) continue;
      // "will", "plan to", "va", "prévu", "attendus", "next"; "want to double"
      if (hasClass(bits[i]!, this.future)) return 'future';
      const value = numbers[i];
      if (
        year !== undefined &&
        value !== undefined &&
        tokens[i]!.kind === 'number' &&
        value > year &&
        value < 2100
      )
        return 'future';
    }
    if (FRENCH_FUTURE.test(word) && word.length > 6) return 'future';
    if (this.isPastForm(sentence, verb, from)) return 'past';
    for (let i = from; i < to; i++) {
      if (i !== verb && hasClass(bits[i]!, this.recent)) return 'past';
    }
    return 'present';
  }

  /**
   * Whether the verb at `verb` is itself in a past form: "added", "took", "have brought", « avons
   * embauché », « venons d'embaucher » — not a present verb in a clause that only mentions a past date.
   * `byLanguage`: an auxiliary takes only its own language's participles.
   */
  isPastForm(sentence: SentenceModel, verb: number, from: number, byLanguage = false): boolean {
    const { tokens, bits, language } = sentence;
    const word = tokens[verb]!.folded;
    // "need", "exceed", "proceed" are present
    if ((word.endsWith('ed') && !word.endsWith('eed')) || IRREGULAR_PAST.has(word)) return true;
    for (let i = Math.max(from, verb - 3); i < verb; i++) {
      if (
        hasClass(bits[i]!, this.aux) &&
        // by the sentence's language when asked: "us a quote" holds no French "a" + participle
        (((!byLanguage || language === 'fr') && FRENCH_PARTICIPLE.test(word)) ||
          ((!byLanguage || language === 'en') && /(ed|en|wn|ght)$/.test(word)) ||
          IRREGULAR_PAST.has(word))
      )
        return true;
      if (VENIR.has(tokens[i]!.folded)) return true;
    }
    return false;
  }
}
