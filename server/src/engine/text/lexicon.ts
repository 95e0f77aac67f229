// Conversation lexicons: per signal code, regex sources over folded text (lower case, no accents,
// straight apostrophes) and the trigger words that let a sentence be skipped without running them.

export type ConversationCode =
  | 'budget_cut'
  | 'churn_threat'
  | 'champion_leaving_mentioned'
  | 'dissatisfaction'
  | 'expansion_declined'
  | 'plan_limit_question'
  | 'buying_intent'
  | 'new_need'
  | 'growth_event';

export interface CueSet {
  /**
   * Space-separated triggers of which every cue holds at least one: a sentence without any is never
   * handed to the cue regex. `word` is a whole folded word, `word*` a stem (any word starting with its
   * first five letters), `first_second` two consecutive words (`n't` splits into `…n` and `t`).
   */
  triggers: string;
  cues: readonly string[];
}

export type Lexicon = Record<ConversationCode, CueSet>;

/**
 * The codes, by priority: when cues of two codes overlap, the earlier code wins ("hiring freeze" is a
 * budget cut, not hiring; "gel des embauches" neither).
 */
export const conversationCodes: readonly ConversationCode[] = [
  'budget_cut',
  'churn_threat',
  'champion_leaving_mentioned',
  'dissatisfaction',
  // before the expansion codes: "no need for more licences" declines, it is no buying intent
  'expansion_declined',
  'plan_limit_question',
  'buying_intent',
  'new_need',
  'growth_event',
];

/** Every `first_second` pair: `wordPairs('more new', 'users')` → `'more_users new_users'`. */
export function wordPairs(firsts: string, seconds: string): string {
  return firsts
    .split(' ')
    .flatMap((first) => seconds.split(' ').map((second) => `${first}_${second}`))
    .join(' ');
}

/** One global regex per code over every lexicon, in `conversationCodes` order. */
export function compileCueRegexes(lexicons: readonly Lexicon[]): RegExp[] {
  return conversationCodes.map((code) => {
    const alternatives = lexicons.flatMap((lexicon) => lexicon[code].cues);
    // A match ends at a word end, or right after an elided article ("départ d'").
    return new RegExp(`\\b(?:${alternatives.join('|')})(?:(?<=')|(?![a-z]))`, 'g');
  });
}

/** Trigger word → bit mask of the codes (bit i = `conversationCodes[i]`) it may introduce. */
export function triggerMasks(lexicons: readonly Lexicon[]): Map<string, number> {
  const masks = new Map<string, number>();
  conversationCodes.forEach((code, bit) => {
    for (const lexicon of lexicons) {
      for (const word of lexicon[code].triggers.split(' '))
        masks.set(word, (masks.get(word) ?? 0) | (1 << bit));
    }
  });
  return masks;
}
