// What governs a match: negation ("we don't plan to grow", "aucune réduction d'effectifs n'est prévue",
// "the restructuring … was cancelled"), hedging ("might", "pourrait", "if the round closes", "nothing is
// decided"), someone else as the subject ("one of our clients raised…"), the distant past ("back in 2019",
// "had benchmarked") and questions about the other side's plans ("Are you hiring?"). Scopes are clauses:
// a negation or a hedge reaches forward to the next clause break or contrastive conjunction.
import { hasClass, type ClassIndex } from './class-index.ts';
import type { PatternMatch } from './pattern.ts';
import type { SentenceModel } from './sentence-model.ts';

const CONTRAST = new Set([
  'but',
  'however',
  'although',
  'though',
  'yet',
  'whereas',
  'mais',
  'cependant',
  'pourtant',
  'toutefois',
  'so',
  'donc',
]);
// Hedge phrases read over folded tokens; their negation words do not negate the intent.
const HEDGE_PHRASES: readonly (readonly string[])[] = [
  ['not', 'sure'],
  ['not', 'certain'],
  ['not', 'confirmed'],
  ['not', 'decided'],
  ['not', 'ruled', 'out'],
  ['nothing', '*', 'decided'],
  ['nothing', '*', 'confirmed'],
  ['nothing', '*', 'official'],
  ['nothing', '*', 'final'],
  ['too', 'early'],
  ['to', 'be', 'confirmed'],
  ['tbc'],
  ['tbd'],
  ['worst', 'case'],
  ['no', 'decision'],
  ['rien', '*', 'acte'],
  ['rien', '*', 'sur'],
  ['rien', '*', 'decide'],
  ['rien', '*', 'officiel'],
  ['rien', '*', 'fait'],
  ['rien', '*', 'signe'],
  ['a', 'confirmer'],
  ['a', 'voir'],
  ['pas', 'exclu'],
  ['pas', 'exclue'],
  ['pas', 'a', 'exclure'],
  ['se', 'peut'],
  ['pas', 'sur'],
  ['pas', 'encore', 'decide'],
  ['pas', 'certain'],
];
const POST_NEGATION_PHRASES: readonly (readonly string[])[] = [
  ['called', 'off'],
  ['call', 'off'],
  ['probably', 'not'],
  ['maybe', 'not'],
  ['on', 'hold'],
  ['put', 'on', 'hold'],
  ['sans', 'doute', 'pas'],
  ['en', 'suspens'],
  ['decided', 'against'],
  ['no', 'longer'],
];
const REQUEST_OPENERS = new Set([
  'can',
  'could',
  'would',
  'will',
  'pouvez',
  'pourriez',
  'peut',
  'pourrait',
  'pourrions',
  'pouvons',
]);
const QUESTION_OPENERS = new Set([
  'are',
  'is',
  'do',
  'does',
  'did',
  'have',
  'has',
  'were',
  'was',
  'any',
  'est-ce',
  'where',
  'what',
  'when',
  'which',
  'why',
  'who',
  'ou',
  'quand',
  'quel',
  'quelle',
  'pourquoi',
]);
const SECOND_PERSON_INVERSION = /-(vous|tu|ils|elles|il|elle|on)$/;
const PAST_MARKERS: readonly (readonly string[])[] = [
  ['years', 'ago'],
  ['year', 'ago'],
  ['back', 'in'],
  ['back', 'when'],
  ['when', '*', 'first'],
  ['originally'],
  ['before', 'picking'],
  ['before', 'choosing'],
  ['before', 'selecting'],
  ['avant', 'de', 'vous', 'choisir'],
  ['avant', 'de', 'nous', 'choisir'],
  ['il', 'y', 'a', '#', 'ans'],
  ['il', 'y', 'a', '*', 'annees'],
  ['il', 'y', 'a', 'quelques', 'annees'],
  ['remonte'],
  ['date', 'de', '#'],
  ['lorsque', '*', 'premier'],
];

export interface ScopeVerdict {
  drop: boolean;
  hedged: boolean;
}

function phraseAt(
  tokens: readonly string[],
  i: number,
  phrase: readonly string[],
  numbers: (number | undefined)[],
): number {
  let j = i;
  for (const word of phrase) {
    if (word === '*') {
      j++;
      continue;
    }
    if (word === '#') {
      if (numbers[j] === undefined) return -1;
      j++;
      continue;
    }
    if (tokens[j] !== word) return -1;
    j++;
  }
  return j;
}

export class Scope {
  private readonly negation: number;
  private readonly postNegation: number;
  private readonly halt: number;
  private readonly modal: number;
  private readonly uncertain: number;
  private readonly other: number;
  private readonly competitor: number;
  private readonly auxHave: number;

  constructor(private readonly index: ClassIndex) {
    this.negation = index.id('NEGATION');
    this.postNegation = index.id('POST_NEGATION');
    this.halt = index.id('HALT');
    this.modal = index.id('HEDGE_MODAL');
    this.uncertain = index.id('UNCERTAIN');
    this.other = index.id('OTHER_PARTY');
    this.competitor = index.id('COMPETITOR');
    this.auxHave = index.id('AUX_HAVE');
  }

  /** Start of the clause holding token `i`: after the last break or contrastive conjunction before it. */
  clauseStart(sentence: SentenceModel, i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const token = sentence.tokens[j]!;
      if (token.kind === 'break' || CONTRAST.has(token.folded)) return j + 1;
    }
    return 0;
  }

  clauseEnd(sentence: SentenceModel, i: number): number {
    for (let j = i + 1; j < sentence.tokens.length; j++) {
      const token = sentence.tokens[j]!;
      if (token.kind === 'break' || CONTRAST.has(token.folded)) return j;
    }
    return sentence.tokens.length;
  }

  /** Token indices covered by the phrases of `phrases` anywhere in the sentence. */
  private phraseTokens(sentence: SentenceModel, phrases: readonly (readonly string[])[]): Set<number> {
    const folded = sentence.tokens.map((token) => token.folded);
    const covered = new Set<number>();
    for (let i = 0; i < folded.length; i++) {
      for (const phrase of phrases) {
        const end = phraseAt(folded, i, phrase, sentence.numbers);
        if (end > 0) for (let j = i; j < end; j++) covered.add(j);
      }
    }
    return covered;
  }

  private isMonth(sentence: SentenceModel, i: number): boolean {
    // "May" with a capital inside a sentence is the month.
    const token = sentence.tokens[i]!;
    return token.folded === 'may' && token.capital && i > 0;
  }

  private isRequest(sentence: SentenceModel, i: number): boolean {
    // "Could we set up…", "Pourriez-vous créer…": a request, not a hedge.
    const token = sentence.tokens[i]!;
    const previous = sentence.tokens[i - 1];
    const opensClause = i === 0 || previous?.kind === 'break' || /^[-–•*]$/.test(previous?.text ?? '');
    if (!opensClause) return false;
    const base = token.folded.replace(SECOND_PERSON_INVERSION, '');
    return REQUEST_OPENERS.has(base);
  }

  private isQuestionAboutThem(sentence: SentenceModel): boolean {
    const { tokens } = sentence;
    if (!tokens.some((token) => token.folded === '?')) return false;
    const first = tokens.find((token) => token.kind === 'word');
    if (!first) return false;
    if (QUESTION_OPENERS.has(first.folded)) return true;
    if (REQUEST_OPENERS.has(first.folded.replace(SECOND_PERSON_INVERSION, ''))) return false;
    return SECOND_PERSON_INVERSION.test(first.folded);
  }

  private isDistantPast(sentence: SentenceModel, match: PatternMatch, year: number | undefined): boolean {
    const { tokens } = sentence;
    if (this.phraseTokens(sentence, PAST_MARKERS).size > 0) return true;
    for (let i = 0; i < tokens.length; i++) {
      const value = sentence.numbers[i];
      if (
        year !== undefined &&
        value !== undefined &&
        tokens[i]!.kind === 'number' &&
        value >= 1990 &&
        value < year
      ) {
        // "before 2025" / "avant 2025" looks forward from a past date, not back to it.
        const previous = tokens[i - 1]?.folded ?? '';
        if (previous !== 'before' && previous !== 'avant' && previous !== 'until' && previous !== "jusqu'")
          return true;
      }
    }
    // Pluperfect: "they had benchmarked", "l'entreprise avait licencié".
    for (let i = Math.max(0, match.start - 3); i < Math.min(tokens.length - 1, match.end + 1); i++) {
      const word = tokens[i]!.folded;
      if (
        word !== 'had' &&
        word !== 'avait' &&
        word !== 'avions' &&
        word !== 'avaient' &&
        word !== 'etait' &&
        word !== 'etions'
      )
        continue;
      const before = tokens[i - 1]?.folded ?? '';
      if (
        before === "'ve" ||
        before === 'have' ||
        before === 'has' ||
        hasClass(sentence.bits[i - 1] ?? new Uint32Array(1), this.auxHave)
      )
        continue;
      for (let j = i + 1; j <= i + 2 && j < tokens.length; j++) {
        if (/(ed|en|e|es|ee|ees|i|is|u|us|ait)$/.test(tokens[j]!.folded) && tokens[j]!.kind === 'word')
          return true;
      }
    }
    return false;
  }

  /**
   * Whether the match stands: dropped when negated, about someone else, in the distant past or a question
   * about the other side's plans; hedged when possible, conditional or uncertain. `consumed` are the
   * tokens the pattern itself reads (its own "no licence left" is not a negation of it).
   */
  judge(
    sentence: SentenceModel,
    match: PatternMatch,
    consumed: ReadonlySet<number>,
    options: { otherPartyIgnoresCompetitors: boolean; year: number | undefined },
  ): ScopeVerdict {
    const { tokens, bits } = sentence;
    if (this.isQuestionAboutThem(sentence)) return { drop: true, hedged: false };
    const hedgePhrases = this.phraseTokens(sentence, HEDGE_PHRASES);
    const postNegations = this.phraseTokens(sentence, POST_NEGATION_PHRASES);
    const clauseStart = this.clauseStart(sentence, match.start);
    const windowStart = Math.max(clauseStart, match.start - 10);

    // Negation: before the match in its clause, or inside it when the pattern did not read the word.
    for (let i = windowStart; i < match.end; i++) {
      if (consumed.has(i) || hedgePhrases.has(i)) continue;
      // a stop reaches only the words right after it: "stopped hiring", "paused all hiring"
      const halts = hasClass(bits[i]!, this.halt) && i >= match.start - 2;
      if (!hasClass(bits[i]!, this.negation) && !halts) continue;
      // "ne … que" is "only", not a negation.
      if (
        (tokens[i]!.folded === 'ne' || tokens[i]!.folded === "n'") &&
        tokens.slice(i + 1, i + 4).some((t) => t.folded === 'que') &&
        !tokens.slice(i + 1, i + 4).some((t) => t.folded === 'pas' || t.folded === 'plus')
      )
        continue;
      return { drop: true, hedged: false };
    }
    // A denial after the match: "was cancelled", "has been called off", "est abandonné", "so probably not".
    for (let i = match.end; i < tokens.length; i++) {
      if (postNegations.has(i) || (hasClass(bits[i]!, this.postNegation) && !consumed.has(i)))
        return { drop: true, hedged: false };
    }
    for (let i = 0; i < match.start; i++)
      if (postNegations.has(i) && tokens[i]!.folded === 'decided') return { drop: true, hedged: false };

    // Someone else: a third party before the match, in the same sentence.
    for (let i = 0; i < match.start; i++) {
      if (consumed.has(i) || !hasClass(bits[i]!, this.other)) continue;
      if (options.otherPartyIgnoresCompetitors && hasClass(bits[i]!, this.competitor)) continue;
      if (this.isOwnSide(sentence, i)) continue;
      return { drop: true, hedged: false };
    }
    if (this.isReported(sentence, match.start)) return { drop: true, hedged: false };
    if (this.isDistantPast(sentence, match, options.year)) return { drop: true, hedged: false };

    let hedged = hedgePhrases.size > 0;
    for (let i = windowStart; i < match.end && !hedged; i++) {
      if (consumed.has(i)) continue;
      if (hasClass(bits[i]!, this.modal) && !this.isMonth(sentence, i) && !this.isRequest(sentence, i))
        hedged = true;
    }
    // "if", "whether", "unless", "si", "selon" before the match anywhere in the sentence.
    for (let i = 0; i < match.start && !hedged; i++) {
      if (hasClass(bits[i]!, this.uncertain) && !consumed.has(i)) hedged = true;
    }
    // Adjectival hedges anywhere: "a restructuring is possible next year".
    for (let i = match.end; i < tokens.length && !hedged; i++) {
      const word = tokens[i]!.folded;
      if (
        word === 'possible' ||
        word === 'possibly' ||
        word === 'unclear' ||
        word === 'uncertain' ||
        word === 'maybe' ||
        word === 'perhaps' ||
        word === 'peut-etre' ||
        word === 'eventuellement'
      )
        hedged = true;
    }
    return { drop: false, hedged };
  }

  /** "customer success", "partner success team", "our sister company", "le client" stay the customer's own. */
  private isOwnSide(sentence: SentenceModel, i: number): boolean {
    const { tokens } = sentence;
    const word = tokens[i]!.folded;
    const next = tokens[i + 1]?.folded ?? '';
    const previous = tokens[i - 1]?.folded ?? '';
    if (['success', 'support', 'service', 'services', 'care', 'experience', 'facing'].includes(next))
      return true;
    if (
      (word === 'sister' || word === 'soeur') &&
      ['company', 'companies', 'subsidiary', 'entity', 'societe'].includes(next)
    )
      return true;
    // In a note, "the customer" / "le client" is the account itself; "our clients" or "one of our customers" are not.
    if (['client', 'customer', 'clients', 'customers'].includes(word)) {
      const owned = [
        'our',
        'nos',
        'notre',
        'their',
        'leurs',
        'autre',
        'another',
        'other',
        'un',
        'one',
        'des',
        'de',
        'mes',
        'my',
      ];
      if (!owned.includes(previous) && !(previous === "d'" || previous === 'of')) return true;
    }
    if (word === 'agence' || word === 'agency')
      return !['partner', 'partenaire'].includes(previous) && !['partner', 'partenaire'].includes(next);
    return false;
  }

  /** "I read that Globex…", "saw in the news that…": hearsay about another company. */
  private isReported(sentence: SentenceModel, start: number): boolean {
    const before = sentence.tokens.slice(0, start).map((token) => token.folded);
    if (
      before.some((word) =>
        ['read', 'heard', 'according', 'presse', 'rumour', 'rumours', 'rumeur'].includes(word),
      )
    )
      return true;
    // "saw in the news that…", "dans la presse"; "big news:" is the customer's own.
    return before.some(
      (word, i) => (word === 'news' || word === 'press') && ['the', 'in'].includes(before[i - 1] ?? ''),
    );
  }
}
