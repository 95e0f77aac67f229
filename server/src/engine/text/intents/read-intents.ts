// The intent reader: splits a text into sentences, models each (tokens, word classes, numbers, money),
// runs the grammar, judges each match's scope (negation, hedging, someone else, distant past, questions)
// and fills the slots. Pure and synchronous; the normaliser's keys and the word classes are cached.
import { foldText } from '../fold-text.ts';
import { isNegativeAnswer } from '../negation.ts';
import { ClassIndex, hasClass } from './class-index.ts';
import { rules, type Rule, type RuleContext } from './grammar.ts';
import { intentCodes, type IntentCode, type IntentMention, type IntentSlots } from './intent.types.ts';
import type { Normaliser } from './normaliser.ts';
import { compilePattern, literalsOf, matchAll, type CompiledPattern, type PatternMatch } from './pattern.ts';
import { QuantityReader } from './quantities.ts';
import { Scope } from './scope.ts';
import { StatedNeedReader, type StatedNeed } from './stated-need.ts';
import { modelSentence, type SentenceModel } from './sentence-model.ts';
import { TenseReader } from './tense.ts';
import { wordClasses } from './word-classes.ts';

export interface ReadOptions {
  /** The current year: a year before it reads as the past, after it as a plan. */
  year?: number;
  /**
   * Our own names, folded (the price book's tiers and modules: "analytics", "business"): a demo or a trial
   * of one of them is of our product, never an alternative evaluated.
   */
  ownNames?: ReadonlySet<string>;
}

const PEOPLE_INTENTS = new Set<IntentCode>([
  'team_onboarding',
  'headcount_growth',
  'hiring_plan',
  'restructuring',
]);
const WHEN =
  /^(?:q[1-4]|h[12]|t[1-4]|s[12]|january|february|march|april|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|rentree|summer|autumn|spring|winter|ete|automne|printemps|hiver)$/;
const MAX_SENTENCE = 400;

/** Sentence spans of a text: ends at . ! ? or a line break ("2.5" is one number), the mark included. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const ends =
      c === '!' ||
      c === '?' ||
      c === '\n' ||
      c === '\r' ||
      (c === '.' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')));
    if (!ends) continue;
    const to = c === '\n' || c === '\r' ? i : i + 1;
    if (text.slice(from, to).trim().length > 0) spans.push([from, to]);
    from = i + 1;
  }
  if (text.slice(from).trim().length > 0) spans.push([from, text.length]);
  return spans;
}

/** Whether a name the match read (a capitalised word) is one of our own: "a demo of the Analytics module". */
function namesUs(
  sentence: SentenceModel,
  match: PatternMatch,
  ownNames: ReadonlySet<string> | undefined,
): boolean {
  if (!ownNames || ownNames.size === 0) return false;
  return match.at.some((i) => {
    const token = i >= 0 ? sentence.tokens[i] : undefined;
    return token !== undefined && token.capital && ownNames.has(token.folded);
  });
}

interface CompiledRule {
  rule: Rule;
  pattern: CompiledPattern;
}

export class IntentReader {
  private readonly index: ClassIndex;
  private readonly compiled: CompiledRule[];
  private readonly scope: Scope;
  private readonly tense: TenseReader;
  private readonly quantities: QuantityReader;
  private readonly needs: StatedNeedReader;
  private readonly unitIds: number[];

  constructor(readonly normaliser: Normaliser) {
    const literals = rules.flatMap((rule) => literalsOf(rule.pattern));
    this.index = new ClassIndex(normaliser, wordClasses, literals);
    this.compiled = rules.map((rule) => ({ rule, pattern: compilePattern(this.index, rule.pattern) }));
    this.scope = new Scope(this.index);
    this.tense = new TenseReader(this.index);
    this.quantities = new QuantityReader(this.index);
    this.needs = new StatedNeedReader(this.index, this.quantities, this.tense);
    this.unitIds = [this.index.id('UNIT'), this.index.id('FUNCTION')];
  }

  /** The intents of `text`, sentence by sentence, in order; at most one mention per intent and sentence. */
  read(text: string, options: ReadOptions = {}): IntentMention[] {
    const mentions: IntentMention[] = [];
    const spans = sentenceSpans(text);
    for (const [s, [from, to]] of spans.entries()) {
      const sentence = text.slice(from, Math.min(to, from + MAX_SENTENCE));
      // A question answered by a short no right after it: "Hiring more people? Not this year."
      const next = spans[s + 1];
      if (next && /\?\s*$/.test(sentence) && isNegativeAnswer(foldText(text.slice(next[0], next[1]))))
        continue;
      mentions.push(...this.readSentence(sentence, from, options));
    }
    return mentions;
  }

  /** The need one sentence states in numbers of people or seats, if any ("20 more seats", "a team of 30"). */
  statedNeed(sentence: string, year?: number): StatedNeed | undefined {
    return this.needs.read(modelSentence(this.index, sentence, 0), year);
  }

  /** Whether the people or seats one sentence counts are growth already done, with nothing lacking now. */
  growthDone(sentence: string, year?: number): boolean {
    return this.needs.growthDone(modelSentence(this.index, sentence, 0), year);
  }

  readSentence(text: string, offset: number, options: ReadOptions = {}): IntentMention[] {
    const sentence = modelSentence(this.index, text, offset);
    const found = new Map<IntentCode, IntentMention>();
    const ctxOf = (match: PatternMatch): RuleContext => ({
      sentence,
      match,
      has: (i, wordClass) =>
        i >= 0 && i < sentence.tokens.length && hasClass(sentence.bits[i]!, this.index.id(wordClass)),
      word: (i) => sentence.tokens[i]?.folded ?? '',
    });
    const consider = (
      rule: string,
      intent: IntentCode,
      match: PatternMatch,
      competitorsAreObjects: boolean,
    ): void => {
      const existing = found.get(intent);
      if (existing?.modality === 'asserted') return;
      const consumed = new Set(match.at.filter((i) => i >= 0));
      const verdict = this.scope.judge(sentence, match, consumed, {
        otherPartyIgnoresCompetitors: competitorsAreObjects,
        year: options.year,
      });
      if (verdict.drop) return;
      if (existing && verdict.hedged) return;
      found.set(intent, this.mention(sentence, rule, intent, match, verdict.hedged ? 'hedged' : 'asserted'));
    };

    for (const { rule, pattern } of this.compiled) {
      for (const match of matchAll(pattern, sentence)) {
        const ctx = ctxOf(match);
        if (rule.check && !rule.check(ctx)) continue;
        const intent = this.intentOf(rule, sentence, match, options);
        if (intent === 'evaluating_alternatives' && namesUs(sentence, match, options.ownNames)) continue;
        consider(rule.name, intent, match, rule.competitorsAreObjects === true);
      }
    }
    this.fromTo(sentence, options, consider);
    return intentCodes.flatMap((intent) => {
      const mention = found.get(intent);
      return mention ? [mention] : [];
    });
  }

  private intentOf(
    rule: Rule,
    sentence: SentenceModel,
    match: PatternMatch,
    options: ReadOptions,
  ): IntentCode {
    const { target } = rule;
    if ('intent' in target) return target.intent;
    const verb = match.at[target.tenseOf]!;
    const from = this.scope.clauseStart(sentence, match.start);
    const to = this.scope.clauseEnd(sentence, match.end - 1);
    const tense = this.tense.tenseAt(sentence, verb, from, to, options.year);
    return target[tense];
  }

  /** "from 30 to 45" / "de 40 à 28" about a team or head count: growth or reduction by direction. */
  private fromTo(
    sentence: SentenceModel,
    options: ReadOptions,
    consider: (rule: string, intent: IntentCode, match: PatternMatch, competitorsAreObjects: boolean) => void,
  ): void {
    const { tokens, numbers, money } = sentence;
    const staff = this.index.id('STAFF');
    const headcount = this.index.id('HEADCOUNT');
    const about = tokens.some(
      (_, i) =>
        hasClass(sentence.bits[i]!, staff) ||
        hasClass(sentence.bits[i]!, headcount) ||
        this.unitIds.some((id) => hasClass(sentence.bits[i]!, id)),
    );
    if (!about) return;
    for (let i = 0; i + 3 < tokens.length; i++) {
      if (tokens[i]!.folded !== 'from' && tokens[i]!.folded !== 'de') continue;
      const a = numbers[i + 1];
      const b = numbers[i + 3];
      const to = tokens[i + 2]!;
      if (a === undefined || b === undefined || a === b || money[i + 1] || money[i + 3]) continue;
      if (!(to.folded === 'to' || to.text === 'à')) continue;
      if (
        ['%', 'percent', 'pour'].includes(tokens[i + 4]?.folded ?? '') ||
        ['%'].includes(tokens[i + 2]?.folded ?? '')
      )
        continue;
      const match: PatternMatch = { start: Math.max(0, i - 1), end: i + 4, at: [i, i + 1, i + 2, i + 3] };
      // The verb of the clause sits before "from": "went", "est passé", "va passer", "reducing".
      let verb = i - 1;
      while (verb > 0 && tokens[verb]!.kind !== 'word') verb--;
      if (b < a) {
        consider('from-to', 'restructuring', match, false);
        continue;
      }
      const from = this.scope.clauseStart(sentence, i);
      const tense = this.tense.tenseAt(
        sentence,
        Math.max(verb, 0),
        from,
        this.scope.clauseEnd(sentence, i + 3),
        options.year,
      );
      consider(
        'from-to',
        tense === 'past' ? 'headcount_growth' : tense === 'future' ? 'hiring_plan' : 'headcount_growth',
        match,
        false,
      );
    }
  }

  private mention(
    sentence: SentenceModel,
    rule: string,
    intent: IntentCode,
    match: PatternMatch,
    modality: 'asserted' | 'hedged',
  ): IntentMention {
    const { tokens, text } = sentence;
    const slots: IntentSlots = {};
    if (PEOPLE_INTENTS.has(intent)) {
      const people = this.quantities.people(sentence);
      if (people) {
        slots.people = people.value;
        if (people.approximate) slots.approximate = true;
      }
    }
    const money = this.quantities.money(sentence);
    if (money && intent === 'funding_raised') slots.money = money;
    const unit = match.at.find((i) => i >= 0 && this.unitIds.some((id) => hasClass(sentence.bits[i]!, id)));
    if (unit !== undefined && (intent === 'team_onboarding' || intent === 'restructuring')) {
      let from = unit;
      while (
        from > 0 &&
        tokens[from - 1]!.kind === 'word' &&
        (tokens[from - 1]!.capital || this.unitIds.some((id) => hasClass(sentence.bits[from - 1]!, id))) &&
        from > unit - 3
      )
        from--;
      let to = unit;
      if (['de', 'of', 'in'].includes(tokens[unit + 1]?.folded ?? '') && tokens[unit + 2]?.capital)
        to = unit + 2;
      slots.team = text.slice(tokens[from]!.start, tokens[to]!.end);
    }
    const when = tokens.find(
      (token, i) =>
        WHEN.test(token.folded) ||
        (token.folded === 'next' &&
          ['month', 'quarter', 'year', 'week'].includes(tokens[i + 1]?.folded ?? '')),
    );
    if (when)
      slots.when =
        when.folded === 'next' ? text.slice(when.start, tokens[tokens.indexOf(when) + 1]!.end) : when.text;
    const first = tokens[match.start]!;
    const last = tokens[match.end - 1]!;
    return {
      intent,
      modality,
      rule,
      phrase: text.slice(first.start, last.end),
      sentence: text.trim(),
      offset: sentence.offset,
      slots,
    };
  }
}
