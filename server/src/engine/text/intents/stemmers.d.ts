// The two Snowball stemmers of nlp.js, imported alone (without the packages' sentiment data and container).
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  export default class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-fr/src/stemmer-fr.js' {
  export default class StemmerFr {
    stemWord(word: string): string;
  }
}
