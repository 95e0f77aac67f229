// A normaliser reduces a folded word to the keys the grammar compares: a stem or lemma per language.
// Reading a token means looking its keys up, so every word is normalised once and cached.

export type Language = 'en' | 'fr';

export interface Normaliser {
  readonly name: string;
  /** The keys of a folded word in a language (its stem or lemma; several when ambiguous). */
  keys(folded: string, language: Language): readonly string[];
}

/** Caches a normaliser's keys per word; the cache is dropped when it grows past `limit` words. */
export function cachedNormaliser(inner: Normaliser, limit = 50_000): Normaliser {
  let cache = new Map<string, readonly string[]>();
  return {
    name: inner.name,
    keys(folded, language) {
      const key = `${language}|${folded}`;
      let keys = cache.get(key);
      if (keys === undefined) {
        if (cache.size >= limit) cache = new Map();
        keys = inner.keys(folded, language);
        cache.set(key, keys);
      }
      return keys;
    },
  };
}

/** No reduction at all: the folded word is its only key (the baseline of the comparison). */
export const identityNormaliser: Normaliser = { name: 'none', keys: (folded) => [folded] };
