// Numbers written as digits or words, English and French, and the approximate ones ("a dozen",
// "une trentaine", "roughly 30").

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
};
// "un"/"une"/"a" are articles far more often than numbers: they count only before a group noun below.
const APPROXIMATE: Record<string, number> = {
  dozen: 12,
  dozens: 24,
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
};
const HEDGES = new Set([
  'roughly',
  'about',
  'around',
  'approximately',
  'some',
  'nearly',
  'almost',
  'environ',
  'pres',
  'quelque',
  '~',
  '≈',
  'approx',
  'circa',
  'presque',
  'quasiment',
]);

export interface ReadNumber {
  value: number;
  approximate: boolean;
}

/** The number a folded word or digit string stands for: `"4"` → 4, `"four"` → 4, `"1,200"` → 1200. */
export function numberOf(folded: string): number | undefined {
  if (/^\d/.test(folded)) {
    // "1,200" and "1.200" are thousands; "2.5" and "2,5" decimals.
    const plain = /^\d{1,3}(?:[.,]\d{3})+$/.test(folded)
      ? folded.replace(/[.,]/g, '')
      : folded.replace(',', '.');
    const value = Number(plain);
    return Number.isFinite(value) ? value : undefined;
  }
  return WORD_NUMBERS[folded];
}

export function approximateNumberOf(folded: string): number | undefined {
  return APPROXIMATE[folded];
}

export function isApproximationCue(folded: string): boolean {
  return HEDGES.has(folded);
}
