import { RipeError } from '@ripe/shared';
import type { TrainingRow } from '../scoring-model.ts';

export interface TableSpec {
  label: string;
  id?: string;
  time?: string;
  /** Most frequent levels one-hot encoded per categorical column; the rest share an `(other)` column. */
  maxLevels?: number;
}

/** A data row left out of the backtest, with the reason (the run goes on). */
export interface SkippedRow {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface ColumnReport {
  column: string;
  type: 'numeric' | 'categorical' | 'dropped';
  /** Encoded columns it produced (one for numeric, one per level for categorical). */
  encoded: number;
  missing: number;
  note?: string;
}

export interface Table {
  featureNames: string[];
  rows: TrainingRow[];
  skipped: SkippedRow[];
  columns: ColumnReport[];
}

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);
const POSITIVE = new Set(['yes', 'y', 'true', 't', '1', '1.0']);
const NEGATIVE = new Set(['no', 'n', 'false', 'f', '0', '0.0']);

export function isMissing(value: string | undefined): boolean {
  return value === undefined || MISSING.has(value.trim().toLowerCase());
}

export function parseLabel(value: string | undefined): 0 | 1 | null {
  const token = (value ?? '').trim().toLowerCase();
  if (POSITIVE.has(token)) return 1;
  if (NEGATIVE.has(token)) return 0;
  return null;
}

/** A number, or an ISO date/date-time as epoch milliseconds; null when neither. */
export function parseTime(value: string | undefined): number | null {
  if (isMissing(value)) return null;
  const number = Number(value);
  if (Number.isFinite(number)) return number;
  const date = /^\d{4}-\d{2}-\d{2}/.test(value!.trim()) ? Date.parse(value!.trim()) : Number.NaN;
  return Number.isNaN(date) ? null : date;
}

function columnIndex(header: readonly string[], name: string, role: string): number {
  const index = header.indexOf(name);
  if (index >= 0) return index;
  throw new RipeError(
    'invalid_argument',
    `${role} column "${name}" is not in the CSV (columns: ${header.join(', ')})`,
  );
}

/**
 * Turns CSV records into training rows for any table: numeric columns as they are, categorical ones
 * one-hot (capped), missing values as NaN, the id column out, the time column for ordering only.
 * Rows with an unreadable label or time are reported in `skipped`, never fatal.
 */
export function buildTable(header: readonly string[], records: readonly string[][], spec: TableSpec): Table {
  const labelAt = columnIndex(header, spec.label, 'label');
  const idAt = spec.id === undefined ? -1 : columnIndex(header, spec.id, 'id');
  const timeAt = spec.time === undefined ? -1 : columnIndex(header, spec.time, 'time');
  const skipped: SkippedRow[] = [];
  const kept: Array<{ record: string[]; label: 0 | 1; time?: number }> = [];
  records.forEach((record, r) => {
    const line = r + 2;
    const label = parseLabel(record[labelAt]);
    if (label === null) {
      skipped.push({
        line,
        column: spec.label,
        value: record[labelAt] ?? '',
        reason: 'label is not yes/no, 1/0, true/false or y/n',
      });
      return;
    }
    if (timeAt >= 0) {
      const time = parseTime(record[timeAt]);
      if (time === null) {
        skipped.push({
          line,
          column: spec.time!,
          value: record[timeAt] ?? '',
          reason: 'time is neither a number nor an ISO date',
        });
        return;
      }
      kept.push({ record, label, time });
    } else kept.push({ record, label });
  });

  const positives = kept.filter((row) => row.label === 1).length;
  if (positives === 0 || positives === kept.length) {
    const only = positives === 0 ? 'negative' : 'positive';
    throw new RipeError(
      'invalid_csv',
      `label column "${spec.label}" has only one class (${kept.length} readable rows, all ${only}): a backtest needs both`,
    );
  }

  const encoders = header.flatMap((column, c) =>
    c === labelAt || c === idAt || c === timeAt
      ? []
      : [
          encodeColumn(
            column,
            kept.map((row) => row.record[c]),
            spec.maxLevels ?? 20,
          ),
        ],
  );
  const featureNames = encoders.flatMap((encoder) => encoder.names);
  if (featureNames.length === 0) {
    throw new RipeError(
      'invalid_csv',
      `no usable feature column besides "${spec.label}"${spec.id ? `, "${spec.id}"` : ''}${spec.time ? `, "${spec.time}"` : ''}`,
    );
  }
  const rows: TrainingRow[] = kept.map((row, r) => ({
    features: encoders.flatMap((encoder) => encoder.values[r]!),
    label: row.label,
    ...(row.time === undefined ? {} : { time: row.time }),
  }));
  return { featureNames, rows, skipped, columns: encoders.map((encoder) => encoder.report) };
}

interface EncodedColumn {
  names: string[];
  /** Per kept row, the encoded values. */
  values: number[][];
  report: ColumnReport;
}

function encodeColumn(column: string, cells: Array<string | undefined>, maxLevels: number): EncodedColumn {
  const present = cells.filter((cell) => !isMissing(cell)).map((cell) => cell!.trim());
  const missing = cells.length - present.length;
  if (present.length === 0) {
    return {
      names: [],
      values: cells.map(() => []),
      report: { column, type: 'dropped', encoded: 0, missing, note: 'always empty' },
    };
  }
  if (present.every((cell) => Number.isFinite(Number(cell)))) {
    return {
      names: [column],
      values: cells.map((cell) => [isMissing(cell) ? Number.NaN : Number(cell)]),
      report: { column, type: 'numeric', encoded: 1, missing },
    };
  }
  const frequency = new Map<string, number>();
  for (const cell of present) frequency.set(cell, (frequency.get(cell) ?? 0) + 1);
  // nearly one level per row: an identifier or free text, which would only be memorised
  if (frequency.size > 20 && frequency.size > 0.5 * present.length) {
    return {
      names: [],
      values: cells.map(() => []),
      report: {
        column,
        type: 'dropped',
        encoded: 0,
        missing,
        note: `${frequency.size} distinct values: looks like an identifier`,
      },
    };
  }
  const levels = [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxLevels)
    .map(([level]) => level);
  const hasOther = frequency.size > levels.length;
  const names = [...levels.map((level) => `${column}=${level}`), ...(hasOther ? [`${column}=(other)`] : [])];
  const levelIndex = new Map(levels.map((level, k) => [level, k]));
  const values = cells.map((cell) => {
    if (isMissing(cell)) return names.map(() => Number.NaN);
    const encoded = names.map(() => 0);
    encoded[levelIndex.get(cell!.trim()) ?? levels.length] = 1;
    return encoded;
  });
  return {
    names,
    values,
    report: {
      column,
      type: 'categorical',
      encoded: names.length,
      missing,
      ...(hasOther ? { note: `${frequency.size} levels, top ${maxLevels} kept` } : {}),
    },
  };
}
