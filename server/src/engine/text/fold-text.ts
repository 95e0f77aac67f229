// Lower-cases and strips accents while keeping every index in place (one code unit in, one out), so a
// match found in the folded text points at the same sentence in the original one.

const FOLDS: Record<string, string> = {
  à: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  ä: 'a',
  å: 'a',
  æ: 'a',
  ç: 'c',
  è: 'e',
  é: 'e',
  ê: 'e',
  ë: 'e',
  ì: 'i',
  í: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ò: 'o',
  ó: 'o',
  ô: 'o',
  õ: 'o',
  ö: 'o',
  ø: 'o',
  œ: 'o',
  ù: 'u',
  ú: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00a0': ' ',
  '\u202f': ' ',
};
const FOLDABLE = /[\u00e0-\u00ff\u0153\u2018\u2019\u02bc\u00a0\u202f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** `"Nous n’avons PAS besoin"` → `"nous n'avons pas besoin"`, same length as the input. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.replace(FOLDABLE, (char) => FOLDS[char] ?? char);
}
