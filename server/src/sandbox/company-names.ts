// Company names unique within a portfolio, from (seed, account index, language) alone — account i is still
// generated without the accounts before it. The indices are cut into blocks as long as a language's list of
// plain names; within a block a keyed permutation gives each index its own plain name, and the block number
// adds a qualifier ("Northwind Logistics Holdings", then "… Solutions", …, "… Holdings 2"). Two accounts of
// one language therefore never share a name, and the two languages' words never meet.
import type { Language } from './people.data.ts';
import { companyForms, companyQualifiers, companyWords } from './places.data.ts';
import { mixSeed } from './prng.ts';

const NAME_SALT = 0x6e616d65;

function plainNamesOf(language: Language): string[] {
  const { heads, tails } = companyWords[language];
  const names = heads.flatMap((head) => tails.map((tail) => `${head} ${tail}`));
  if (language === 'fr')
    names.push(...tails.flatMap((tail) => companyForms.map((form) => `${tail} ${form}`)));
  return names;
}

const plainNames: Record<Language, readonly string[]> = { en: plainNamesOf('en'), fr: plainNamesOf('fr') };

/** A keyed bijection of [0, 2^bits): each step (xor, odd multiply, xor-shift) is invertible modulo 2^bits. */
function mix(value: number, key: number, bits: number): number {
  const mask = (1 << bits) - 1;
  const shift = Math.max(1, bits >> 1);
  let x = (value ^ key) & mask;
  x = Math.imul(x, (key >>> 8) | 1) & mask;
  x ^= x >>> shift;
  x = Math.imul(x, 0x2c1b3c6d) & mask;
  x ^= x >>> shift;
  return x;
}

/** A keyed permutation of [0, size), by walking `mix`'s cycle until it lands inside the range. */
function permute(value: number, size: number, key: number): number {
  const bits = Math.max(1, Math.ceil(Math.log2(size)));
  let x = value;
  do x = mix(x, key, bits);
  while (x >= size);
  return x;
}

function qualifierOf(block: number, language: Language): string {
  if (block === 0) return '';
  const qualifiers = companyQualifiers[language];
  const round = Math.floor((block - 1) / qualifiers.length);
  return ` ${qualifiers[(block - 1) % qualifiers.length]}${round > 0 ? ` ${round + 1}` : ''}`;
}

/** The name of account `index` of the portfolio `seed`: the same every time, never another account's. */
export function companyName(seed: number, index: number, language: Language): string {
  const names = plainNames[language];
  const block = Math.floor(index / names.length);
  const plain = names[permute(index % names.length, names.length, mixSeed(seed, block, NAME_SALT))];
  return `${plain}${qualifierOf(block, language)}`;
}

/** How many plain names a language has before qualifiers are needed (for tests and docs). */
export function plainNameCount(language: Language): number {
  return plainNames[language].length;
}
