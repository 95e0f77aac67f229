// A small grammar of token patterns: a pattern is a sequence of elements separated by spaces —
//   NAME       a word class (word-classes.ts)          word    a literal word, normalised like the classes
//   #          a number ("40", "four", "trentaine")    $       a token of a money amount
//   ^          a proper noun (capital, not first)      .       any word
//   (A|b|#)    one of several                          X?      optional
//   ~N X       up to N tokens before X (never across a clause break: , ; : ( ) — ?)
// Matching backtracks from each start; a pattern whose required classes are absent is skipped.
import { hasClass, type ClassIndex } from './class-index.ts';
import type { SentenceModel } from './sentence-model.ts';

type Test = (sentence: SentenceModel, i: number) => boolean;

interface Element {
  test: Test;
  optional: boolean;
  gap: number;
  /** Class ids of a single-class element: the sentence must hold one of them (prefilter). */
  needs: readonly number[] | null;
}

export interface CompiledPattern {
  elements: readonly Element[];
  source: string;
}

export interface PatternMatch {
  start: number;
  /** Exclusive. */
  end: number;
  /** Token index per element, -1 for a skipped optional element. */
  at: number[];
}

/** The lower-case words of a pattern source: literals to register as one-word classes. */
export function literalsOf(source: string): string[] {
  return source.match(/(?<![A-Za-z_])[a-z][a-z'-]*/g) ?? [];
}

function isProperNoun(sentence: SentenceModel, i: number): boolean {
  const token = sentence.tokens[i]!;
  if (token.kind !== 'word' || !token.capital || token.text.length < 2) return false;
  // The first word of a sentence or of a bullet is capitalised anyway.
  const previous = sentence.tokens[i - 1];
  return previous !== undefined && previous.kind !== 'break' && !/^[-–•*]$/.test(previous.text);
}

function atomTest(index: ClassIndex, atom: string): { test: Test; needs: number | null } {
  if (atom === '#') return { test: (s, i) => s.numbers[i] !== undefined && !s.money[i], needs: null };
  if (atom === '$') return { test: (s, i) => s.money[i] === true, needs: null };
  if (atom === '^') return { test: isProperNoun, needs: null };
  if (atom === '.') return { test: (s, i) => s.tokens[i]!.kind === 'word', needs: null };
  const id = index.id(/^[A-Z_]+$/.test(atom) ? atom : `=${atom}`);
  return { test: (s, i) => hasClass(s.bits[i]!, id), needs: id };
}

export function compilePattern(index: ClassIndex, source: string): CompiledPattern {
  const elements: Element[] = [];
  let gap = 0;
  for (const part of source.trim().split(/\s+/)) {
    const gapMatch = /^~(\d+)$/.exec(part);
    if (gapMatch) {
      gap = Number(gapMatch[1]);
      continue;
    }
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    const atoms = body.startsWith('(') ? body.slice(1, -1).split('|') : [body];
    const compiled = atoms.map((atom) => atomTest(index, atom));
    const tests = compiled.map((atom) => atom.test);
    const needs = compiled.every((atom) => atom.needs !== null) ? compiled.map((atom) => atom.needs!) : null;
    const test: Test = tests.length === 1 ? tests[0]! : (s, i) => tests.some((t) => t(s, i));
    elements.push({ test, optional, gap, needs });
    gap = 0;
  }
  return { elements, source };
}

function holdsNeeds(pattern: CompiledPattern, sentence: SentenceModel): boolean {
  for (const element of pattern.elements) {
    if (element.optional || !element.needs) continue;
    if (!element.needs.some((id) => hasClass(sentence.present, id))) return false;
  }
  return true;
}

/** Every match of `pattern` in `sentence`, one per start token, earliest first. */
export function matchAll(pattern: CompiledPattern, sentence: SentenceModel): PatternMatch[] {
  if (!holdsNeeds(pattern, sentence)) return [];
  const { tokens } = sentence;
  const { elements } = pattern;
  const at = new Array<number>(elements.length).fill(-1);
  const found: PatternMatch[] = [];

  const from = (element: number, position: number, carried: number): boolean => {
    if (element === elements.length) return true;
    const { test, optional, gap } = elements[element]!;
    const allowed = gap + carried;
    for (let skip = 0; skip <= allowed; skip++) {
      const j = position + skip;
      if (j >= tokens.length) break;
      if (skip > 0 && tokens[j - 1]!.kind === 'break') break;
      if (test(sentence, j)) {
        at[element] = j;
        if (from(element + 1, j + 1, 0)) return true;
      }
    }
    if (optional) {
      at[element] = -1;
      return from(element + 1, position, allowed);
    }
    return false;
  };

  const first = elements[0]!;
  for (let start = 0; start < tokens.length; start++) {
    if (!first.test(sentence, start)) continue;
    at[0] = start;
    if (from(1, start + 1, 0)) {
      const used = at.filter((i) => i >= 0);
      found.push({ start, end: Math.max(...used) + 1, at: [...at] });
    }
  }
  return found;
}
