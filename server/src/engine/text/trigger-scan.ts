// A cheap first pass before the regexes: one loop over the characters, folding case and accents
// through a lookup table, hashing each word (whole, its first five letters, and paired with the word
// before it) and looking the hashes up in a small open-addressing table of trigger words, stems and
// word pairs. Only the sentences holding a trigger go to the (much slower) regexes, and only to the
// regexes of the codes their triggers introduce.

/** A stem (`word*`) is keyed by its first `STEM` letters. */
const STEM = 5;
/**
 * Words are packed 5 bits a letter (no multiply in the loop): the first 6 letters in one int, the next 6
 * in another, then mixed with the length. Words sharing 12 letters and the length share an id: a rare
 * collision only costs a regex run.
 */
const PACKED = 6;
const TABLE_BITS = 13;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Flag of a table entry: the word opens a pair, so the next word's pair is worth looking up. */
const OPENS_PAIR = 0x8000;
/** The code bits of a table entry (up to 15 codes). */
const CODE_BITS = 0x7fff;
/** Stem ids are the exact 25-bit packed prefix, tagged apart from hashed word ids. */
const STEM_TAG = 0x40000000;

/** UTF-8 byte → its folded lower-case letter (97–122), `LEAD_LATIN1` for 0xC3, `LEAD_OE` for 0xC5, else 0. */
const BYTE_CLASS = new Uint8Array(256);
const LEAD_LATIN1 = 1;
const LEAD_OE = 2;
for (let code = 65; code <= 90; code++) BYTE_CLASS[code] = code + 32;
for (let code = 97; code <= 122; code++) BYTE_CLASS[code] = code;
BYTE_CLASS[0xc3] = LEAD_LATIN1;
BYTE_CLASS[0xc5] = LEAD_OE;
/** Second byte of a `0xC3` sequence (U+00C0–U+00FF) → folded letter, 0 for × and ÷. */
const LATIN1_LETTERS = new Uint8Array(256);
const LATIN1_FOLDS = 'aaaaaaaceeeeiiiidnooooo\0ouuuuyts' + 'aaaaaaaceeeeiiiidnooooo\0ouuuuyty';
for (let offset = 0; offset < 64; offset++) LATIN1_LETTERS[0x80 + offset] = LATIN1_FOLDS.charCodeAt(offset);

/** The letter a two-byte sequence starting at `i` folds to (Latin-1 accents, œ/Œ → o), or 0. */
function leadLetter(bytes: Uint8Array, i: number, lead: number): number {
  const second = bytes[i + 1] as number;
  if (lead === LEAD_LATIN1) return LATIN1_LETTERS[second] as number;
  return second === 0x92 || second === 0x93 ? 111 : 0;
}

function mix(value: number): number {
  const mixed = Math.imul(value ^ (value >>> 16), 0x45d9f3b);
  return mixed ^ (mixed >>> 16);
}
/** Ids are never 0: 0 marks an empty slot. */
function nonZero(id: number): number {
  return id === 0 ? 1 : id;
}
function wordId(head: number, tail: number, letters: number): number {
  return nonZero(mix(head ^ Math.imul(tail ^ letters, 0x27d4eb2d)));
}
function pairId(previous: number, word: number): number {
  return nonZero(mix(Math.imul(previous, 0x165667b1) ^ word));
}
/** Letters `from..to` of a folded word, 5 bits each. */
function packed(word: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < Math.min(to, word.length); i++) value = (value << 5) | (word.charCodeAt(i) - 96);
  return value;
}
function idOfWord(word: string): number {
  return wordId(packed(word, 0, PACKED), packed(word, PACKED, 2 * PACKED), word.length);
}
function stemIdOf(word: string): number {
  return STEM_TAG | packed(word, 0, STEM);
}

/** Trigger ids → code masks, in a table small enough to stay in the L1 cache. */
export interface TriggerTable {
  readonly keys: Int32Array;
  /** Bit mask of up to 15 codes, plus `OPENS_PAIR`. */
  readonly masks: Uint16Array;
  /** Two-letter beginnings of the stems (10 bits, packed): other words skip the stem lookup. */
  readonly stemStarts: Uint8Array;
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

function insert(table: TriggerTable, id: number, mask: number): void {
  let slot = slotOf(id);
  while (table.keys[slot] !== 0 && table.keys[slot] !== id) slot = (slot + 1) & TABLE_MASK;
  table.keys[slot] = id;
  table.masks[slot] = (table.masks[slot] as number) | mask;
}

/**
 * Triggers are folded words (`seats`), stems (`recrut*`: any word starting with its first five letters)
 * or pairs of consecutive words (`last_day`; `n't` splits into `…n` and `t`).
 */
export function compileTriggers(triggerMasks: ReadonlyMap<string, number>): TriggerTable {
  if (triggerMasks.size > (TABLE_MASK + 1) / 4) throw new Error('too many triggers for the table');
  const table: TriggerTable = {
    keys: new Int32Array(TABLE_MASK + 1),
    masks: new Uint16Array(TABLE_MASK + 1),
    stemStarts: new Uint8Array(1 << 10),
  };
  for (const [trigger, mask] of triggerMasks) {
    if (!/^[a-z]+(?:\*|_[a-z]+)?$/.test(trigger))
      throw new Error(`trigger "${trigger}" is not folded lower case`);
    if (trigger.endsWith('*')) {
      if (trigger.length - 1 < STEM)
        throw new Error(`trigger stem "${trigger}" is shorter than ${STEM} letters`);
      insert(table, stemIdOf(trigger), mask);
      table.stemStarts[packed(trigger, 0, 2)] = 1;
      continue;
    }
    const pair = trigger.indexOf('_');
    if (pair < 0) {
      insert(table, idOfWord(trigger), mask);
      continue;
    }
    const first = idOfWord(trigger.slice(0, pair));
    insert(table, first, OPENS_PAIR);
    insert(table, pairId(first, idOfWord(trigger.slice(pair + 1))), mask);
  }
  return table;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 48 && byte <= 57;
}

/**
 * Scans the UTF-8 `bytes[0, length)` (a Uint8Array keeps this loop monomorphic, whatever the string's
 * representation) and fills `spans` with `from, to, mask` triples: the byte ranges of the sentences
 * holding at least one trigger (`to` includes the final punctuation) and the codes their triggers
 * introduce, up to the quoted history of an email (a line starting with `>`). Returns the number of
 * sentences found. `bytes` needs two spare bytes after `length`.
 */
export function triggeredSentences(
  bytes: Uint8Array,
  length: number,
  triggers: TriggerTable,
  spans: number[],
): number {
  // Sentinel: the word loop stops on it without a bounds check.
  bytes[length] = 0;
  bytes[length + 1] = 0;
  spans.length = 0;
  let from = 0;
  let mask = 0;
  let previous = 0;
  let opensPair = false;
  let i = 0;
  while (i < length) {
    const byte = bytes[i] as number;
    let letter = BYTE_CLASS[byte] as number;
    let width = 1;
    if (letter < 97) {
      letter = letter === 0 ? 0 : leadLetter(bytes, i, letter);
      if (letter === 0) {
        // . ! ? and line breaks end a sentence; "2.5" is a number, not two sentences.
        if (
          byte === 33 ||
          byte === 63 ||
          byte === 10 ||
          byte === 13 ||
          (byte === 46 && !(isDigit(bytes[i - 1]) && isDigit(bytes[i + 1])))
        ) {
          if (mask !== 0) spans.push(from, byte === 10 || byte === 13 ? i : i + 1, mask);
          mask = 0;
          opensPair = false;
          from = i + 1;
          // A line starting with ">" opens the quoted history of an email: older text, already read.
          if (byte === 10 && bytes[i + 1] === 62) return spans.length / 3;
        }
        i++;
        continue;
      }
      width = 2;
    }
    let head = 0;
    let tail = 0;
    let letters = 0;
    for (;;) {
      if (letters < PACKED) head = (head << 5) | (letter - 96);
      else if (letters < 2 * PACKED) tail = (tail << 5) | (letter - 96);
      letters++;
      i += width;
      letter = BYTE_CLASS[bytes[i] as number] as number;
      if (letter >= 97) {
        width = 1;
        continue;
      }
      if (letter === 0) break;
      letter = leadLetter(bytes, i, letter);
      if (letter === 0) break;
      width = 2;
    }
    const word = wordId(head, tail, letters);
    const entry = lookup(triggers, word);
    mask |= entry & CODE_BITS;
    if (letters >= STEM) {
      const prefix = letters === STEM ? head : head >>> 5;
      if (triggers.stemStarts[prefix >>> 15] === 1) mask |= lookup(triggers, STEM_TAG | prefix);
    }
    if (opensPair) mask |= lookup(triggers, pairId(previous, word)) & CODE_BITS;
    opensPair = (entry & OPENS_PAIR) !== 0;
    previous = word;
  }
  if (mask !== 0) spans.push(from, length, mask);
  return spans.length / 3;
}
