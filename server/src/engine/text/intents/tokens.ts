// Tokens of one sentence: words (folded: lower case, no accents, straight apostrophes), numbers, symbols
// and clause breaks, with their offsets. French elisions ("l'équipe", "n'avons") and English
// contractions ("don't", "we're") are split so that each part is a word of its own ("n't" reads "not").
import { foldText } from '../fold-text.ts';

export type TokenKind = 'word' | 'number' | 'symbol' | 'break';

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Lower case, no accents, straight apostrophes; "n't" → "not", "won't" → "will not". */
  folded: string;
  start: number;
  end: number;
  /** Written with a capital letter. */
  capital: boolean;
}

// A word (letters, inner apostrophes and hyphens), a number ("1,200", "2.5"), a sign ($ € £ % + ≈ ~),
// or a clause-breaking mark (, ; : ( ) — – ? ! and a dash between spaces).
// "Q2", "H1", "T3" are one word.
const TOKEN =
  /(\p{L}\d{1,2}(?![\p{L}\d])|[\p{L}]+(?:['\u2019\u02bc][\p{L}]+)*(?:-[\p{L}]+)*)|(\d+(?:[.,]\d+)*)|([$€£%+≈~])|([,;:()\u2014\u2013?!]|\s-\s)/gu;
const ELISION = /^(l|d|n|qu|s|j|c|m|t|jusqu|lorsqu|puisqu)'(.+)$/;
const CLITIC = /^(.+?)(n't|'re|'s|'ll|'d|'ve|'m)$/;
const IRREGULAR_NEGATIVES: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

function make(kind: TokenKind, text: string, folded: string, start: number): Token {
  const first = text.charCodeAt(0);
  return { kind, text, folded, start, end: start + text.length, capital: first >= 65 && first <= 90 };
}

function splitWord(tokens: Token[], text: string, folded: string, start: number): void {
  const elided = ELISION.exec(folded);
  if (elided) {
    const cut = elided[1]!.length + 1;
    tokens.push(make('word', text.slice(0, cut), folded.slice(0, cut), start));
    splitWord(tokens, text.slice(cut), folded.slice(cut), start + cut);
    return;
  }
  const clitic = CLITIC.exec(folded);
  if (clitic) {
    const cut = clitic[1]!.length;
    const base = clitic[1]!;
    tokens.push(
      make(
        'word',
        text.slice(0, cut),
        IRREGULAR_NEGATIVES[base] && clitic[2] === "n't" ? IRREGULAR_NEGATIVES[base] : base,
        start,
      ),
    );
    tokens.push(make('word', text.slice(cut), clitic[2] === "n't" ? 'not' : clitic[2]!, start + cut));
    return;
  }
  if (folded === 'cannot') {
    tokens.push(make('word', text.slice(0, 3), 'can', start), make('word', text.slice(3), 'not', start + 3));
    return;
  }
  tokens.push(make('word', text, folded, start));
}

/** `tokenize("We're hiring 40 people")` → we, 're, hiring, 40, people. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  const folded = foldText(sentence).replace(/[\u2019\u02bc]/g, "'");
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(sentence); match; match = TOKEN.exec(sentence)) {
    const start = match.index;
    const text = match[0];
    if (match[1] !== undefined) splitWord(tokens, text, folded.slice(start, start + text.length), start);
    else if (match[2] !== undefined) tokens.push(make('number', text, text, start));
    else if (match[3] !== undefined) tokens.push(make('symbol', text, text, start));
    else tokens.push(make('break', text.trim(), text.trim(), start));
  }
  return tokens;
}
