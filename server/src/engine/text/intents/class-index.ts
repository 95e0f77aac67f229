// Which word classes a token belongs to: every class word is reduced by the normaliser once, at compile
// time; a token's keys are looked up per folded word and cached as a bit set.
import type { Language, Normaliser } from './normaliser.ts';

const LANGUAGES: readonly Language[] = ['en', 'fr'];

export class ClassIndex {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  private readonly byKey = new Map<string, number[]>();
  private readonly words: number;
  private cache = new Map<string, Uint32Array>();

  constructor(
    private readonly normaliser: Normaliser,
    classes: Record<string, string>,
    literals: readonly string[],
  ) {
    for (const [name, list] of Object.entries(classes)) this.add(name, list.split(/\s+/));
    for (const literal of literals) if (!this.byName.has(`=${literal}`)) this.add(`=${literal}`, [literal]);
    this.words = Math.ceil(this.names.length / 32);
  }

  private add(name: string, words: readonly string[]): void {
    const id = this.names.length;
    this.names.push(name);
    this.byName.set(name, id);
    for (const word of words) {
      // "=word": that exact folded word only, where a stem would collide ("licencie" and "licences").
      if (word.startsWith('=')) {
        const ids = this.byKey.get(word) ?? [];
        if (!ids.includes(id)) ids.push(id);
        this.byKey.set(word, ids);
        continue;
      }
      // A class word is kept as written too: an inflection the normaliser does not reduce still matches.
      const keys = LANGUAGES.flatMap((language) =>
        this.normaliser.keys(word, language).map((key) => `${language}:${key}`),
      );
      for (const key of new Set([...keys, `=${word}`])) {
        const ids = this.byKey.get(key) ?? [];
        if (!ids.includes(id)) ids.push(id);
        this.byKey.set(key, ids);
      }
    }
  }

  id(name: string): number {
    const id = this.byName.get(name);
    if (id === undefined) throw new Error(`unknown word class ${name}`);
    return id;
  }

  get size(): number {
    return this.names.length;
  }

  /** The classes of a folded word; a hyphenated word also has those of its last part ("post-restructuring"). */
  bitsOf(folded: string, language: Language): Uint32Array {
    const cacheKey = `${language}|${folded}`;
    let bits = this.cache.get(cacheKey);
    if (bits) return bits;
    bits = new Uint32Array(this.words);
    const parts = folded.includes('-') ? [folded, folded.slice(folded.lastIndexOf('-') + 1)] : [folded];
    for (const part of parts) {
      const keys = this.normaliser.keys(part, language).map((key) => `${language}:${key}`);
      for (const key of [...keys, `=${part}`]) {
        for (const id of this.byKey.get(key) ?? []) bits[id >>> 5]! |= 1 << (id & 31);
      }
    }
    if (this.cache.size > 50_000) this.cache = new Map();
    this.cache.set(cacheKey, bits);
    return bits;
  }
}

export const EMPTY_BITS = new Uint32Array(8);

export function hasClass(bits: Uint32Array, id: number): boolean {
  return ((bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;
}
