// A cheap first pass before the regexes: one loop over the characters, folding case and accents
// through a lookup table, hashing each word (whole, and its first five letters) and looking the hashes
// up in a table of trigger words and stems. Only the sentences holding a trigger go to the (much
// slower) regexes, and only to the regexes of the codes their triggers introduce.

/** A stem (`word*`) is keyed by its first `STEM` letters. */
const STEM = 5;
const BITS = 18;
const MASK = (1 << BITS) - 1;
const FNV_OFFSET = 0x811c9dc5 | 0;

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
  return Math.imul(hash ^ letter, 16777619);
}

/** Whole words mix their length in, so `seats` and the stem `seats*` never share a slot. */
function wordSlot(hash: number, letters: number): number {
  const mixed = Math.imul(hash ^ (letters + 0x9e), 16777619);
  return (mixed ^ (mixed >>> 15)) & MASK;
}

function stemSlot(hash: number): number {
  return (hash ^ (hash >>> 15)) & MASK;
}

function hashOf(word: string, letters: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < letters; i++) hash = step(hash, word.charCodeAt(i));
  return hash;
}

/** Trigger words and stems by hash → bit mask of up to 8 codes (a collision only costs a regex run). */
export interface TriggerTable {
  readonly masks: Uint8Array;
}

export function compileTriggers(wordMasks: ReadonlyMap<string, number>): TriggerTable {
  const masks = new Uint8Array(1 << BITS);
  for (const [word, mask] of wordMasks) {
    let index: number;
    if (word.endsWith('*')) {
      if (word.length - 1 < STEM) throw new Error(`trigger stem "${word}" is shorter than ${STEM} letters`);
      index = stemSlot(hashOf(word, STEM));
    } else {
      index = wordSlot(hashOf(word, word.length), word.length);
    }
    masks[index] = (masks[index] as number) | mask;
  }
  return { masks };
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
  const masks = triggers.masks;
  const length = text.length;
  spans.length = 0;
  let from = 0;
  let mask = 0;
  let i = 0;
  while (i < length) {
    let letter = letterAt(text, i);
    if (letter === 0) {
      const code = text.charCodeAt(i);
      if (code < 64 && isSentenceBreak(text, i, code)) {
        if (mask !== 0) spans.push(from, code === 10 || code === 13 ? i : i + 1, mask);
        mask = 0;
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
    mask |= masks[wordSlot(hash, letters)] as number;
    if (letters >= STEM) mask |= masks[stemSlot(stem)] as number;
  }
  if (mask !== 0) spans.push(from, length, mask);
  return spans.length / 3;
}
