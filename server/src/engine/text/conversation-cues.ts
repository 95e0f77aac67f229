// Finds the conversation cues of a text: a cheap trigger scan picks the sentences worth reading and the
// codes worth trying; each code's precompiled regex (English and French) runs over those sentences only;
// negated cues are dropped, overlaps go to the higher-priority code, and each cue is quoted with its
// sentence.
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
import { isNegated } from './negation.ts';
import { compileTriggers, triggeredSentences } from './trigger-scan.ts';

export interface ConversationCue {
  code: ConversationCode;
  /** The phrase that matched, folded. */
  phrase: string;
  /** The sentence holding it, as written. */
  quote: string;
}

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
      if (isNegated(folded, start, end, 0, folded.length)) continue;
      matches.push({ code: conversationCodes[bit] as ConversationCode, start, end, phrase: match[0] });
      break;
    }
  }
  return matches;
}

/**
 * The non-negated cues of `text` (and of its `subject`, read as a sentence of its own), at most one per
 * code (the first). English and French.
 *
 * `findConversationCues('We need 10 more seats. No budget cuts planned.')` → one `buying_intent` cue.
 */
export function findConversationCues(text: string, subject = ''): ConversationCue[] {
  const cues: ConversationCue[] = [];
  if (text.length === 0 && subject.length === 0) return cues;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; +1 for the line break, +2 for the scan's sentinel.
  const needed = (subject.length + text.length) * 3 + 3;
  if (buffer.length < needed) buffer = new Uint8Array(needed);
  let length = 0;
  if (subject.length > 0) {
    length = encoder.encodeInto(subject, buffer).written;
    buffer[length++] = 10;
  }
  length += encoder.encodeInto(text, buffer.subarray(length)).written;
  const count = triggeredSentences(buffer, length, TRIGGERS, spans);
  let seen = 0;
  for (let s = 0; s < count; s++) {
    const sentence = decoder.decode(buffer.subarray(spans[3 * s], spans[3 * s + 1]));
    for (const match of sentenceMatches(foldText(sentence), spans[3 * s + 2] as number, seen)) {
      seen |= 1 << conversationCodes.indexOf(match.code);
      // Folding keeps indices, so the sentence as written is the quote.
      cues.push({ code: match.code, phrase: match.phrase, quote: quoteOf(sentence) });
    }
  }
  return cues;
}
