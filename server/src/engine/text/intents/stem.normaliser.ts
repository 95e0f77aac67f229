// The engine's normaliser: the Snowball stemmers of nlp.js, English and French (chosen by measurement
// against wink-nlp's lemmas and compromise's roots: server/bench/intent-normalisers.compare.ts). French
// stems keep their accents, so they are folded after stemming.
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr.js';
import { foldText } from '../fold-text.ts';
import type { Normaliser } from './normaliser.ts';

// Snowball leaves some present forms unreduced ("ouvrent", "regardons"): their infinitive's stem is a
// second key.
const PRESENT_ENDING = /^(.{3,})(?:ons|ez|ent)$/;

export function stemNormaliser(): Normaliser {
  const english = new StemmerEn();
  const french = new StemmerFr();
  const frenchStem = (word: string) => foldText(french.stemWord(word));
  return {
    name: 'nlp.js stemmers',
    keys: (folded, language) => {
      if (language === 'en') return [english.stemWord(folded)];
      const stem = frenchStem(folded);
      const present = PRESENT_ENDING.exec(folded);
      if (!present) return [stem];
      const infinitive = frenchStem(`${present[1]}er`);
      return infinitive === stem ? [stem] : [stem, infinitive];
    },
  };
}
