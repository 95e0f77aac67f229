// One CSV column turned into model inputs, its encoding decided on training rows only: numeric as it is,
// categorical one-hot (the most frequent levels, the rest in `(other)`), identifiers and empty columns out.
import type { ColumnReport } from './tabular.ts';

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);

export function isMissing(value: string | undefined): boolean {
  return value === undefined || MISSING.has(value.trim().toLowerCase());
}

export interface ColumnEncoder {
  names: string[];
  report: ColumnReport;
  /** Appends the cell's encoded values to `out` (NaN for missing; a level unseen in training is `(other)`). */
  encode(cell: string | undefined, out: number[]): void;
}

export interface EncoderOptions {
  /** Read numeric codes as categories. */
  categorical: boolean;
  maxLevels: number;
}

export function fitColumnEncoder(
  column: string,
  cells: ReadonlyArray<string | undefined>,
  options: EncoderOptions,
): ColumnEncoder {
  const present = cells.filter((cell) => !isMissing(cell)).map((cell) => cell!.trim());
  const missing = cells.length - present.length;
  const dropped = (note: string): ColumnEncoder => ({
    names: [],
    report: { column, type: 'dropped', encoded: 0, missing, note },
    encode: () => {},
  });
  if (present.length === 0) return dropped('always empty');
  if (!options.categorical && present.every((cell) => Number.isFinite(Number(cell)))) {
    return {
      names: [column],
      report: { column, type: 'numeric', encoded: 1, missing },
      encode(cell, out) {
        const value = isMissing(cell) ? Number.NaN : Number(cell);
        out.push(Number.isFinite(value) ? value : Number.NaN);
      },
    };
  }
  const frequency = new Map<string, number>();
  for (const cell of present) frequency.set(cell, (frequency.get(cell) ?? 0) + 1);
  // nearly one level per row: an identifier or free text, which would only be memorised
  if (frequency.size > 20 && frequency.size > 0.5 * present.length)
    return dropped(`${frequency.size} distinct values: looks like an identifier`);
  const levels = [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxLevels)
    .map(([level]) => level);
  const hasOther = frequency.size > levels.length;
  const names = [...levels.map((level) => `${column}=${level}`), ...(hasOther ? [`${column}=(other)`] : [])];
  const levelIndex = new Map(levels.map((level, k) => [level, k]));
  return {
    names,
    report: {
      column,
      type: 'categorical',
      encoded: names.length,
      missing,
      ...(hasOther ? { note: `${frequency.size} levels, top ${options.maxLevels} kept` } : {}),
    },
    encode(cell, out) {
      const start = out.length;
      if (isMissing(cell)) {
        for (let k = 0; k < names.length; k++) out.push(Number.NaN);
        return;
      }
      for (let k = 0; k < names.length; k++) out.push(0);
      const level = levelIndex.get(cell!.trim());
      // a level training never saw: `(other)` when there is one, else no level at all
      if (level !== undefined) out[start + level] = 1;
      else if (hasOther) out[start + levels.length] = 1;
    },
  };
}
