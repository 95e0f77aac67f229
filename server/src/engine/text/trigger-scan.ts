// A cheap first pass before the regexes: one loop over the characters, folding case and accents
// through a lookup table, hashing each word (whole, its first five letters, and paired with the word
// before it) and looking the hashes up in a small open-addressing table of trigger words, stems and
// word pairs. Only the sentences holding a trigger go to the (much slower) regexes, and only to the
// regexes of the codes their triggers introduce.

/** A stem (`word*`) is keyed by its first `STEM` letters. */
const STEM = 5;
const TABLE_BITS = 13;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Char code → folded lower-case ASCII letter code, 0 for anything else. */
const LETTERS = new Uint8Array(0x180);
for (let code = 65; code <= 90; code++) LETTERS[code] = code + 32;
for (let code = 97; code <= 122; code++) LETTERS[code] = code;
const ACCENTED: Record<string, string> = {
  a: 'àáâãäåæÀÁÂÃÄÅÆ',
  c: 'çÇ',
  e: 'èéêëÈÉÊË',
  i: 'ìíîïÌÍÎÏ',
  n: 'ñÑ',
  o: 'òóôõöøœÒÓÔÕÖØŒ',
  u: 'ùúûüÙÚÛÜ',
  y: 'ýÿÝŸ',
};
for (const [base, variants] of Object.entries(ACCENTED)) {
  for (const variant of variants) {
    const code = variant.charCodeAt(0);
    if (code < LETTERS.length) LETTERS[code] = base.charCodeAt(0);
  }
}

function step(hash: number, letter: number): number {
  return Math.imul(hash ^ letter, FNV_PRIME);
}
/** Ids are never 0: 0 marks an empty slot. */
function nonZero(id: number): number {
  return id === 0 ? 1 : id;
}
function wordId(hash: number, letters: number): number {
  return nonZero(Math.imul(hash ^ (letters + 0x9e), FNV_PRIME));
}
function stemId(hash: number): number {
  return nonZero(Math.imul(hash ^ 0x3c, FNV_PRIME));
}
function pairId(previous: number, word: number): number {
  return nonZero(Math.imul(previous ^ 0x27d4eb2d, FNV_PRIME) ^ word);
}

function hashOf(word: string, letters: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < letters; i++) hash = step(hash, word.charCodeAt(i));
  return hash;
}

/** Trigger ids → bit mask of up to 8 codes, in a table small enough to stay in the L1 cache. */
export interface TriggerTable {
  readonly keys: Int32Array;
  readonly masks: Uint8Array;
}

function slotOf(id: number): number {
  return (id ^ (id >>> 13)) & TABLE_MASK;
}

function lookup(table: TriggerTable, id: number): number {
  const { keys } = table;
  for (let slot = slotOf(id); ; slot = (slot + 1) & TABLE_MASK) {
    const key = keys[slot] as number;
    if (key === id) return table.masks[slot] as number;
    if (key === 0) return 0;
  }
}

function triggerIdOf(trigger: string): number {
  if (trigger.endsWith('*')) {
    if (trigger.length - 1 < STEM)
      throw new Error(`trigger stem "${trigger}" is shorter than ${STEM} letters`);
    return stemId(hashOf(trigger, STEM));
  }
  const pair = trigger.indexOf('_');
  if (pair > 0) {
    const first = trigger.slice(0, pair);
    const second = trigger.slice(pair + 1);
    return pairId(
      wordId(hashOf(first, first.length), first.length),
      wordId(hashOf(second, second.length), second.length),
    );
  }
  return wordId(hashOf(trigger, trigger.length), trigger.length);
}

/**
 * Triggers are folded words (`seats`), stems (`recrut*`: any word starting with its first five letters)
 * or pairs of consecutive words (`last_day`; `n't` splits into `…n` and `t`).
 */
export function compileTriggers(triggerMasks: ReadonlyMap<string, number>): TriggerTable {
  if (triggerMasks.size > (TABLE_MASK + 1) / 4) throw new Error('too many triggers for the table');
  const table: TriggerTable = { keys: new Int32Array(TABLE_MASK + 1), masks: new Uint8Array(TABLE_MASK + 1) };
  for (const [trigger, mask] of triggerMasks) {
    const id = triggerIdOf(trigger);
    let slot = slotOf(id);
    while (table.keys[slot] !== 0 && table.keys[slot] !== id) slot = (slot + 1) & TABLE_MASK;
    table.keys[slot] = id;
    table.masks[slot] = (table.masks[slot] as number) | mask;
  }
  return table;
}

function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  // NaN past the end compares false: not a letter.
  return code < 0x180 ? (LETTERS[code] as number) : 0;
}

function isSentenceBreak(text: string, i: number, code: number): boolean {
  if (code === 33 || code === 63 || code === 10 || code === 13) return true;
  if (code !== 46) return false;
  // "2.5" is a number, not two sentences
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  return !(before >= 48 && before <= 57 && after >= 48 && after <= 57);
}

/**
 * Fills `spans` with `from, to, mask` triples: the sentences `[from, to)` of `text` holding at least one
 * trigger (`to` includes the final punctuation) and the codes their triggers introduce. Returns the
 * number of sentences found.
 */
export function triggeredSentences(text: string, triggers: TriggerTable, spans: number[]): number {
  const length = text.length;
  spans.length = 0;
  let from = 0;
  let mask = 0;
  let previous = 0;
  let i = 0;
  while (i < length) {
    let letter = letterAt(text, i);
    if (letter === 0) {
      const code = text.charCodeAt(i);
      if (code < 64 && isSentenceBreak(text, i, code)) {
        if (mask !== 0) spans.push(from, code === 10 || code === 13 ? i : i + 1, mask);
        mask = 0;
        previous = 0;
        from = i + 1;
      }
      i++;
      continue;
    }
    let hash = FNV_OFFSET;
    let stem = 0;
    let letters = 0;
    do {
      hash = step(hash, letter);
      if (++letters === STEM) stem = hash;
      letter = letterAt(text, ++i);
    } while (letter !== 0);
    const word = wordId(hash, letters);
    mask |= lookup(triggers, word);
    if (letters >= STEM) mask |= lookup(triggers, stemId(stem));
    if (previous !== 0) mask |= lookup(triggers, pairId(previous, word));
    previous = word;
  }
  if (mask !== 0) spans.push(from, length, mask);
  return spans.length / 3;
}
