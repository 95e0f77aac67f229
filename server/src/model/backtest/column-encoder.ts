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
  /** The same for row `row` of a parsed column, without reading its text again. */
  encodeParsed(parsed: ParsedColumn, row: number, out: number[]): void;
}

/** A column's cells read once: which are missing, their trimmed text and their value as a number. */
export interface ParsedColumn {
  missing: Uint8Array;
  trimmed: string[];
  /** `Number(cell)` (NaN when missing or not a finite number). */
  numbers: Float64Array;
}

export function parseColumn(cells: ReadonlyArray<string | undefined>): ParsedColumn {
  const missing = new Uint8Array(cells.length);
  const trimmed: string[] = [];
  const numbers = new Float64Array(cells.length);
  cells.forEach((cell, i) => {
    const absent = isMissing(cell);
    missing[i] = absent ? 1 : 0;
    trimmed.push(absent ? '' : cell!.trim());
    const value = absent ? Number.NaN : Number(cell);
    numbers[i] = Number.isFinite(value) ? value : Number.NaN;
  });
  return { missing, trimmed, numbers };
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
  return fitParsedColumnEncoder(
    column,
    parseColumn(cells),
    Int32Array.from(cells, (_, i) => i),
    options,
  );
}

/** The encoder of a parsed column fitted on its rows `rows` (a fold's training rows). */
export function fitParsedColumnEncoder(
  column: string,
  parsed: ParsedColumn,
  rows: ArrayLike<number>,
  options: EncoderOptions,
): ColumnEncoder {
  const present: string[] = [];
  let numeric = !options.categorical;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (parsed.missing[row] === 1) continue;
    present.push(parsed.trimmed[row]!);
    if (Number.isNaN(parsed.numbers[row]!)) numeric = false;
  }
  const missing = rows.length - present.length;
  const dropped = (note: string): ColumnEncoder => ({
    names: [],
    report: { column, type: 'dropped', encoded: 0, missing, note },
    encode: () => {},
    encodeParsed: () => {},
  });
  if (present.length === 0) return dropped('always empty');
  if (numeric) {
    return {
      names: [column],
      report: { column, type: 'numeric', encoded: 1, missing },
      encode(cell, out) {
        const value = isMissing(cell) ? Number.NaN : Number(cell);
        out.push(Number.isFinite(value) ? value : Number.NaN);
      },
      encodeParsed(parsed, row, out) {
        out.push(parsed.numbers[row]!);
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
      oneHot(isMissing(cell) ? null : cell!.trim(), out);
    },
    encodeParsed(parsed, row, out) {
      oneHot(parsed.missing[row] === 1 ? null : parsed.trimmed[row]!, out);
    },
  };

  function oneHot(level: string | null, out: number[]): void {
    const start = out.length;
    if (level === null) {
      for (let k = 0; k < names.length; k++) out.push(Number.NaN);
      return;
    }
    for (let k = 0; k < names.length; k++) out.push(0);
    const index = levelIndex.get(level);
    // a level training never saw: `(other)` when there is one, else no level at all
    if (index !== undefined) out[start + index] = 1;
    else if (hasOther) out[start + levels.length] = 1;
  }
}
