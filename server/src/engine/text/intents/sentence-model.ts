// One sentence as the grammar sees it: tokens, their word classes, the numbers and the money they hold.
import { EMPTY_BITS, type ClassIndex } from './class-index.ts';
import { approximateNumberOf, numberOf } from './numbers.ts';
import type { Language } from './normaliser.ts';
import { tokenize, type Token } from './tokens.ts';

// Function words that tell the two languages apart in a sentence of a few words.
const ENGLISH = new Set([
  'the',
  'we',
  'and',
  'to',
  'of',
  'is',
  'are',
  'our',
  'for',
  'with',
  'they',
  'this',
  'will',
  'have',
  'has',
  'be',
  'it',
  'not',
  'their',
  'from',
  "'re",
  "'ve",
  "'ll",
  'an',
  'by',
  'that',
  'in',
  'on',
]);
const FRENCH = new Set([
  'le',
  'la',
  'les',
  'des',
  'nous',
  'est',
  'et',
  'de',
  'du',
  'pour',
  'avec',
  'une',
  'un',
  'ils',
  'notre',
  'nos',
  'pas',
  'a',
  "l'",
  "d'",
  "n'",
  'sur',
  'au',
  'aux',
  'en',
  'dans',
  'leur',
  'sont',
  'ont',
  'va',
  'vont',
  'ce',
  'cette',
  'qui',
]);

/** The language of a sentence by its function words; English on a tie. */
export function guessLanguage(tokens: readonly Token[]): Language {
  let english = 0;
  let french = 0;
  for (const token of tokens) {
    if (ENGLISH.has(token.folded)) english++;
    if (FRENCH.has(token.folded)) french++;
    // Accented letters are French in these texts.
    if (/[\u00e0-\u00ff]/i.test(token.text)) french += 0.5;
  }
  return french > english ? 'fr' : 'en';
}

export interface SentenceModel {
  text: string;
  offset: number;
  tokens: Token[];
  bits: Uint32Array[];
  /** Union of every token's classes: patterns needing an absent class are skipped. */
  present: Uint32Array;
  /** The number a token stands for (digits, "four", "trentaine"), if any. */
  numbers: (number | undefined)[];
  /** Tokens inside a money amount ("$45M", "15 millions d'euros", "30 M€"). */
  money: boolean[];
  language: Language;
}

const MONEY_UNITS = new Set([
  'm',
  'mn',
  'million',
  'millions',
  'billion',
  'bn',
  'k',
  'md',
  'mds',
  'milliard',
  'milliards',
]);
const CURRENCY_WORDS = new Set(['eur', 'euros', 'euro', 'usd', 'dollars', 'dollar', 'gbp', 'pounds']);
const CURRENCY_SIGNS = new Set(['$', '€', '£']);

function markMoney(tokens: Token[], numbers: (number | undefined)[]): boolean[] {
  const money = tokens.map(() => false);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'number') continue;
    let from = i;
    let to = i;
    let isMoney = false;
    if (i > 0 && CURRENCY_SIGNS.has(tokens[i - 1]!.folded)) {
      from = i - 1;
      isMoney = true;
    }
    if (MONEY_UNITS.has(tokens[to + 1]?.folded ?? '')) {
      to++;
      isMoney = true;
    }
    // "15 millions d'euros", "30 M€", "8 M$"
    if (tokens[to + 1]?.folded === "d'" && CURRENCY_WORDS.has(tokens[to + 2]?.folded ?? '')) to += 2;
    else if (
      CURRENCY_WORDS.has(tokens[to + 1]?.folded ?? '') ||
      CURRENCY_SIGNS.has(tokens[to + 1]?.folded ?? '')
    ) {
      to++;
      isMoney = true;
    }
    if (!isMoney || numbers[i] === undefined) continue;
    for (let j = from; j <= to; j++) money[j] = true;
  }
  return money;
}

export function modelSentence(index: ClassIndex, text: string, offset: number): SentenceModel {
  const tokens = tokenize(text);
  const language = guessLanguage(tokens);
  const present = new Uint32Array(Math.ceil(index.size / 32));
  const bits = tokens.map((token) => {
    if (token.kind !== 'word') return EMPTY_BITS;
    const classes = index.bitsOf(token.folded, language);
    for (let w = 0; w < present.length; w++) present[w]! |= classes[w] ?? 0;
    return classes;
  });
  const numbers = tokens.map((token) =>
    token.kind === 'number' || token.kind === 'word'
      ? (numberOf(token.folded) ?? approximateNumberOf(token.folded))
      : undefined,
  );
  return { text, offset, tokens, bits, present, numbers, money: markMoney(tokens, numbers), language };
}
