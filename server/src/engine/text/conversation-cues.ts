// Finds the conversation cues of a text. Two readers: the intent reader (intents/), a grammar over stems
// with negation, hedging, third parties and the past in scope, for team onboarding, headcount growth,
// funding, hiring plans, evaluating alternatives and restructuring; and, for the other cues, a cheap trigger
// scan that picks the sentences worth reading and each code's precompiled regex (English and French).
// Negated cues are dropped, overlaps go to the higher-priority code, each cue is quoted with its sentence.
import { englishLexicon } from './en.lexicon.ts';
import { foldText } from './fold-text.ts';
import { frenchLexicon } from './fr.lexicon.ts';
import {
  compileCueRegexes,
  conversationCodes,
  triggerMasks,
  type ConversationCode,
  type Lexicon,
} from './lexicon.ts';
import { defaultIntentReader } from './intents/default-reader.ts';
import type { IntentCode, IntentMention } from './intents/intent.types.ts';
import { needRank, type StatedNeed } from './intents/stated-need.ts';
import { isNegated, isNegativeAnswer } from './negation.ts';
import { compileTriggers, triggeredSentences } from './trigger-scan.ts';

export interface ConversationCue {
  code: ConversationCode;
  /** The phrase that matched (folded for the phrase lists, as written for the intent reader). */
  phrase: string;
  /** The sentence holding it, as written. */
  quote: string;
  /** The intent the intent reader read, when it read this cue. */
  intent?: IntentCode;
  /** Only a possibility ("we might bring the Lyon team on board"): weighs less. */
  hedged?: boolean;
  /** People the customer stated ("roughly 30 people", "four analysts"). */
  people?: number;
  /** A money amount as written ("$45M"). */
  money?: string;
  /**
   * The need in numbers the text states ("20 more seats", "a team of 30"), for a cue of expansion: the
   * most explicit of the sentences holding the code, quoted in `needQuote`.
   */
  need?: StatedNeed;
  needQuote?: string;
}

/** Codes whose sentences may state a need in numbers of people or seats. */
const NEED_CODES: ReadonlySet<ConversationCode> = new Set([
  'buying_intent',
  'plan_limit_question',
  'new_need',
  'growth_event',
]);

const NEED_MASK = conversationCodes.reduce(
  (mask, code, bit) => (NEED_CODES.has(code) ? mask | (1 << bit) : mask),
  0,
);

function withNeed(cue: ConversationCue, sentence: string, year: number | undefined): ConversationCue {
  if (!NEED_CODES.has(cue.code)) return cue;
  const reader = defaultIntentReader();
  // People already added ("last year we added 30 people") are growth done, not a need now.
  const need =
    reader.statedNeed(sentence, year) ??
    (cue.people !== undefined && !reader.growthDone(sentence, year)
      ? { count: cue.people, unit: 'people' as const, basis: 'additional' as const, approximate: false }
      : undefined);
  return need ? { ...cue, need, needQuote: quoteOf(sentence) } : cue;
}

/** A later sentence of the same code may state the need more explicitly ("…a quote for 20 more seats?"). */
function refineNeed(cue: ConversationCue, sentence: string, year: number | undefined): void {
  const need = defaultIntentReader().statedNeed(sentence, year);
  if (!need || (cue.need && needRank(cue.need) <= needRank(need))) return;
  cue.need = need;
  cue.needQuote = quoteOf(sentence);
}

export interface CueOptions {
  /** The current year: a year before it reads as the past. */
  year?: number;
  /** Our own product's names, folded (the price book's tiers and modules): never a competitor. */
  ownNames?: ReadonlySet<string>;
}

/** The signal code each intent feeds. */
export const codeOfIntent: Record<IntentCode, ConversationCode> = {
  team_onboarding: 'new_need',
  headcount_growth: 'growth_event',
  funding_raised: 'growth_event',
  hiring_plan: 'growth_event',
  evaluating_alternatives: 'churn_threat',
  restructuring: 'budget_cut',
};

const lexicons: readonly Lexicon[] = [englishLexicon, frenchLexicon];
const REGEXES = compileCueRegexes(lexicons);
const TRIGGERS = compileTriggers(triggerMasks(lexicons));
const MAX_QUOTE = 280;
const spans: number[] = [];
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let buffer = new Uint8Array(1 << 16);

function quoteOf(sentence: string): string {
  const quote = sentence.trim().replace(/\s+/g, ' ');
  return quote.length <= MAX_QUOTE ? quote : `${quote.slice(0, MAX_QUOTE - 1)}…`;
}

interface SentenceMatch {
  code: ConversationCode;
  start: number;
  end: number;
  phrase: string;
}

// Hedging over folded text, as the intent reader reads it (intents/scope.ts): a modal in the clause before the
// match ("we might need 20 more seats"; "could you…", "may we…" are requests), an "if", "unless", "whether" or
// "not sure" anywhere in the sentence, a "maybe" after it ("…10 more seats, maybe in Q2").
const HEDGE_MODAL =
  /(?:^|[^a-z'-])(?:might|may(?! (?:we|i|you)\b)|could(?! (?:you|we|i)\b)|possibly|perhaps|maybe|potentially|probably|pourrait|pourraient|pourrais|eventuellement|peut-etre|probablement)(?![a-z'-])/;
const HEDGE_ANYWHERE =
  /(?:^|[^a-z'-])(?:if|unless|whether|depending|not sure|unsure|not certain|not decided|not confirmed|too early|tbc|tbd|si|sauf si|selon|pas sur|pas encore decide|maybe|perhaps|possibly|peut-etre|eventuellement)(?![a-z'-])/;

/** Whether the match `[start, end)` of the folded sentence is only a possibility; `sentence` as written. */
function isHedged(folded: string, start: number, end: number, sentence: string): boolean {
  // "May" with a capital inside a sentence is the month
  const clause = afterClauseBreak(folded.slice(0, start));
  const modal = HEDGE_MODAL.exec(clause.text);
  if (modal) {
    const at = clause.from + modal.index + (modal[0].length - modal[0].trimStart().length);
    const word = folded.slice(at).match(/^[a-z'-]+/)?.[0] ?? '';
    const isMonth = word === 'may' && at > 0 && sentence.charCodeAt(at) === 77; // 'M'
    if (!isMonth) return true;
  }
  return HEDGE_ANYWHERE.test(folded.slice(0, start)) || HEDGE_ANYWHERE.test(folded.slice(end));
}

const CLAUSE_BREAK = /[,;:()]|\b(?:but|however|although|though|yet|mais|cependant|pourtant|toutefois)\b/g;

function afterClauseBreak(text: string): { text: string; from: number } {
  CLAUSE_BREAK.lastIndex = 0;
  let cut = 0;
  for (let found = CLAUSE_BREAK.exec(text); found; found = CLAUSE_BREAK.exec(text)) {
    cut = found.index + found[0].length;
  }
  return { text: text.slice(cut), from: cut };
}

/**
 * A reply or forward prefix ("Re:", "RE :", "Fwd:", "TR :", "AW:", "WG:", "Réf :"): the subject is the thread's
 * topic, set by whoever opened it (often us), not what this message's writer says.
 */
const REPLY_SUBJECT = /^\s*(?:re|fwd?|tr|aw|wg|sv|r[ée]f|r[ée]p)\s*(?:\[\d+\])?\s*:/i;

/** The subject as a statement of the message's writer, or '' when it only names a thread. */
function subjectRead(subject: string): string {
  return REPLY_SUBJECT.test(subject) ? '' : subject;
}

/** Bits of the codes a sentence of `text` mentions only negated ("we are not interested in upgrading to Business"). */
function negatedCodes(text: string): number {
  if (text.length === 0) return 0;
  const needed = text.length * 3 + 3;
  if (buffer.length < needed) buffer = new Uint8Array(needed);
  const length = encoder.encodeInto(text, buffer).written;
  const count = triggeredSentences(buffer, length, TRIGGERS, spans);
  let negated = 0;
  for (let s = 0; s < count; s++) {
    const folded = foldText(decoder.decode(buffer.subarray(spans[3 * s], spans[3 * s + 1])));
    const mask = spans[3 * s + 2] as number;
    for (let bit = 0; bit < conversationCodes.length; bit++) {
      if ((mask & (1 << bit)) === 0) continue;
      const regex = REGEXES[bit] as RegExp;
      regex.lastIndex = 0;
      for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
        if (isNegated(folded, match.index, match.index + match[0].length, 0, folded.length)) {
          negated |= 1 << bit;
          break;
        }
      }
    }
  }
  return negated;
}

/** Non-negated matches of the codes in `mask` within one folded sentence, overlaps resolved by priority. */
function sentenceMatches(folded: string, mask: number, skip: number): SentenceMatch[] {
  const matches: SentenceMatch[] = [];
  for (let bit = 0; bit < conversationCodes.length; bit++) {
    if ((mask & (1 << bit)) === 0 || (skip & (1 << bit)) !== 0) continue;
    const regex = REGEXES[bit] as RegExp;
    regex.lastIndex = 0;
    for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
      const start = match.index;
      const end = start + match[0].length;
      // Codes run by priority, so an overlap with an earlier match means a lower-priority reading.
      if (matches.some((kept) => start < kept.end && end > kept.start)) continue;
      // a decline carries its own negation ("nous ne sommes pas intéressés par…")
      if (conversationCodes[bit] !== 'expansion_declined' && isNegated(folded, start, end, 0, folded.length))
        continue;
      matches.push({ code: conversationCodes[bit] as ConversationCode, start, end, phrase: match[0] });
      break;
    }
  }
  return matches;
}

/**
 * The non-negated cues of `text` (and of its `subject`, read as a sentence of its own unless it only names a
 * replied or forwarded thread, and dropped for a code the body negates), at most one per
 * code (the first). English and French.
 *
 * `findConversationCues('We need 10 more seats. No budget cuts planned.')` → one `buying_intent` cue.
 */
export function findConversationCues(
  text: string,
  subject = '',
  options: CueOptions = {},
): ConversationCue[] {
  const cues: ConversationCue[] = [];
  // A reply's subject names the thread, not what its writer says ("Re: upgrade" over "we're not interested").
  const topic = subjectRead(subject);
  if (text.length === 0 && topic.length === 0) return cues;
  let phraseCues = findPhraseCues(text, topic, options.year);
  // The subject is only a topic: a code it raises that the body mentions negated is not said, and the
  // body's own sentences speak for that code instead.
  if (phraseCues.some((cue) => subjectCues.has(cue))) {
    const denied = negatedCodes(text);
    const isDenied = (cue: ConversationCue) =>
      subjectCues.has(cue) && (denied & (1 << conversationCodes.indexOf(cue.code))) !== 0;
    if (phraseCues.some(isDenied)) {
      const bodyCues = findPhraseCues(text, '', options.year);
      phraseCues = [
        ...phraseCues.filter(
          (cue) => subjectCues.has(cue) && !isDenied(cue) && !bodyCues.some((b) => b.code === cue.code),
        ),
        ...bodyCues,
      ];
    }
  }
  const seen = new Set(phraseCues.map((cue) => cue.code));
  cues.push(...phraseCues);
  // The quoted history of an email (a line starting with ">") is older text, already read.
  const quoted = text.search(/\n\s*>/);
  const body = quoted < 0 ? text : text.slice(0, quoted);
  const mentions = [
    ...defaultIntentReader().read(topic, options),
    ...defaultIntentReader().read(body, options),
  ];
  // Per code, the first asserted mention, else the first hedged one.
  const ordered = [
    ...mentions.filter((m) => m.modality === 'asserted'),
    ...mentions.filter((m) => m.modality === 'hedged'),
  ];
  for (const mention of ordered) {
    const code = codeOfIntent[mention.intent];
    if (seen.has(code)) continue;
    seen.add(code);
    cues.push(withNeed(cueOfMention(code, mention), mention.sentence, options.year));
  }
  return cues;
}

function cueOfMention(code: ConversationCode, mention: IntentMention): ConversationCue {
  return {
    code,
    phrase: mention.phrase,
    quote: quoteOf(mention.sentence),
    intent: mention.intent,
    ...(mention.modality === 'hedged' ? { hedged: true } : {}),
    ...(mention.slots.people !== undefined ? { people: mention.slots.people } : {}),
    ...(mention.slots.money !== undefined ? { money: mention.slots.money } : {}),
  };
}

/** Codes of expansion a short negative answer to their question denies ("Upgrade? Not this year."). */
const ANSWERABLE: ReadonlySet<ConversationCode> = new Set([...NEED_CODES, 'plan_limit_question']);
/** Codes whose question answered no is a decline of the offer. */
const DECLINABLE: ReadonlySet<ConversationCode> = new Set(['buying_intent', 'new_need']);
const TERMINATORS = new Set([33, 46, 63, 10, 13]);

/** The sentence of `buffer[0, length)` right after byte `end`, as written (to its . ! ? or line end). */
function sentenceAfter(end: number, length: number): string {
  let from = end;
  while (
    from < length &&
    (buffer[from] === 32 || buffer[from] === 9 || buffer[from] === 10 || buffer[from] === 13)
  )
    from++;
  let to = from;
  while (to < length && !TERMINATORS.has(buffer[to] as number)) to++;
  return decoder.decode(buffer.subarray(from, Math.min(length, to + 1)));
}

/** The phrase cues read in a subject line (the latest `findPhraseCues` call's). */
const subjectCues = new WeakSet<ConversationCue>();

/** The cues of the phrase lists (lexicon.ts), at most one per code. */
function findPhraseCues(text: string, subject: string, year: number | undefined): ConversationCue[] {
  const cues: ConversationCue[] = [];
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; +1 for the line break, +2 for the scan's sentinel.
  const needed = (subject.length + text.length) * 3 + 3;
  if (buffer.length < needed) buffer = new Uint8Array(needed);
  let length = 0;
  if (subject.length > 0) {
    length = encoder.encodeInto(subject, buffer).written;
    buffer[length++] = 10;
  }
  const subjectEnd = length;
  length += encoder.encodeInto(text, buffer.subarray(length)).written;
  const count = triggeredSentences(buffer, length, TRIGGERS, spans);
  let seen = 0;
  /** Codes whose cue is only hedged so far: a later asserted sentence takes its place. */
  let hedgedOnly = 0;
  for (let s = 0; s < count; s++) {
    const sentence = decoder.decode(buffer.subarray(spans[3 * s], spans[3 * s + 1]));
    // codes already quoted are read again only for a need stated in numbers, or when only hedged so far
    const folded = foldText(sentence);
    // A question about the offer answered by a short no: "Upgrade? Not this year."
    const answer = /\?\s*$/.test(sentence) ? sentenceAfter(spans[3 * s + 1] as number, length) : '';
    const answeredNo = answer.length > 0 && isNegativeAnswer(foldText(answer));
    for (const match of sentenceMatches(
      folded,
      spans[3 * s + 2] as number,
      seen & ~NEED_MASK & ~hedgedOnly,
    )) {
      if (answeredNo && ANSWERABLE.has(match.code)) {
        const declined = 1 << conversationCodes.indexOf('expansion_declined');
        if (DECLINABLE.has(match.code) && (seen & declined) === 0) {
          seen |= declined;
          cues.push({
            code: 'expansion_declined',
            phrase: match.phrase,
            quote: quoteOf(`${sentence.trim()} ${answer.trim()}`),
          });
        }
        continue;
      }
      const bit = 1 << conversationCodes.indexOf(match.code);
      // Folding keeps indices, so the sentence as written is the quote.
      const hedged = isHedged(folded, match.start, match.end, sentence);
      if ((seen & bit) !== 0) {
        const index = cues.findIndex((candidate) => candidate.code === match.code);
        const cue = cues[index];
        if (!cue) continue;
        if ((hedgedOnly & bit) !== 0 && !hedged) {
          hedgedOnly &= ~bit;
          cues[index] = withNeed(
            { code: match.code, phrase: match.phrase, quote: quoteOf(sentence) },
            sentence,
            year,
          );
          if ((spans[3 * s] as number) < subjectEnd) subjectCues.add(cues[index]);
        } else if (!hedged || cue.hedged) refineNeed(cue, sentence, year);
        continue;
      }
      seen |= bit;
      if (hedged) hedgedOnly |= bit;
      const cue = withNeed(
        { code: match.code, phrase: match.phrase, quote: quoteOf(sentence), ...(hedged ? { hedged } : {}) },
        sentence,
        year,
      );
      if ((spans[3 * s] as number) < subjectEnd) subjectCues.add(cue);
      cues.push(cue);
    }
  }
  return cues;
}
