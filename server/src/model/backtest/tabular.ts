import { RipeError } from '@ripe/shared';
import type { TrainingRow } from '../scoring-model.ts';
import {
  fitParsedColumnEncoder,
  isMissing,
  parseColumn,
  type ColumnEncoder,
  type ParsedColumn,
} from './column-encoder.ts';

export interface TableSpec {
  label: string;
  id?: string;
  time?: string;
  /** Rows of one entity (an account) stay in one fold; default: the id column when ids repeat. */
  group?: string;
  /** Columns of numeric codes to read as categories (a region code, a plan number). */
  categorical?: readonly string[];
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

/** The readable rows of a CSV, before any encoding: encoding is decided on training rows only. */
export interface RawTable {
  /** Names and cells of the candidate feature columns (label, id, time and group left out). */
  columns: string[];
  /** Per kept row, its cells in `columns` order. */
  cells: Array<Array<string | undefined>>;
  labels: Array<0 | 1>;
  /** Epoch ms for dates, the number itself otherwise; absent without a time column. */
  times?: number[];
  /** Group index per row (rows of one entity share it); absent when rows are independent. */
  groups?: Int32Array;
  groupColumn?: string;
  groupCount: number;
  /** Whether the time column held dates (then a horizon in days is 86,400,000 ms a day). */
  timeIsDate: boolean;
  skipped: SkippedRow[];
  categorical: ReadonlySet<string>;
  maxLevels: number;
}

export interface Table {
  featureNames: string[];
  rows: TrainingRow[];
  skipped: SkippedRow[];
  columns: ColumnReport[];
}

const POSITIVE = new Set(['yes', 'y', 'true', 't', '1', '1.0']);
const NEGATIVE = new Set(['no', 'n', 'false', 'f', '0', '0.0']);
export { isMissing };

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
 * Reads CSV records into labelled rows: the label, the time and the group parsed, the other columns kept
 * as text for an encoding fitted later on training rows. Rows with an unreadable label or time are
 * reported in `skipped`, never fatal.
 */
export function readTable(
  header: readonly string[],
  records: readonly string[][],
  spec: TableSpec,
): RawTable {
  const labelAt = columnIndex(header, spec.label, 'label');
  const idAt = spec.id === undefined ? -1 : columnIndex(header, spec.id, 'id');
  const timeAt = spec.time === undefined ? -1 : columnIndex(header, spec.time, 'time');
  const groupAt = spec.group === undefined ? idAt : columnIndex(header, spec.group, 'group');
  for (const column of spec.categorical ?? []) columnIndex(header, column, 'categorical');
  const skipped: SkippedRow[] = [];
  const kept: Array<{ record: string[]; label: 0 | 1; time?: number }> = [];
  let timeIsDate = false;
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
    if (timeAt < 0) return void kept.push({ record, label });
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
    if (!Number.isFinite(Number(record[timeAt]))) timeIsDate = true;
    kept.push({ record, label, time });
  });

  const positives = kept.filter((row) => row.label === 1).length;
  if (positives === 0 || positives === kept.length) {
    const only = positives === 0 ? 'negative' : 'positive';
    throw new RipeError(
      'invalid_csv',
      `label column "${spec.label}" has only one class (${kept.length} readable rows, all ${only}): a backtest needs both`,
    );
  }
  const featureAt = header.flatMap((_, c) =>
    c === labelAt || c === idAt || c === timeAt || c === groupAt ? [] : [c],
  );
  if (featureAt.length === 0) {
    throw new RipeError(
      'invalid_csv',
      `no feature column besides "${spec.label}" and the id, time and group`,
    );
  }

  // groups: one index per distinct value; used only when some value repeats (else rows are independent)
  let groups: Int32Array | undefined;
  let groupCount = kept.length;
  if (groupAt >= 0) {
    const index = new Map<string, number>();
    const assigned = Int32Array.from(kept, (row) => {
      const key = (row.record[groupAt] ?? '').trim();
      let g = index.get(key);
      if (g === undefined) index.set(key, (g = index.size));
      return g;
    });
    if (index.size < kept.length || spec.group !== undefined) {
      groups = assigned;
      groupCount = index.size;
    }
  }
  return {
    columns: featureAt.map((c) => header[c]!),
    cells: kept.map((row) => featureAt.map((c) => row.record[c])),
    labels: kept.map((row) => row.label),
    ...(timeAt >= 0 ? { times: kept.map((row) => row.time!) } : {}),
    ...(groups ? { groups, groupColumn: header[groupAt]! } : {}),
    groupCount,
    timeIsDate,
    skipped,
    categorical: new Set(spec.categorical ?? []),
    maxLevels: spec.maxLevels ?? 20,
  };
}

// Each table's columns are parsed once, however many folds encode them.
const parsedTables = new WeakMap<RawTable, ParsedColumn[]>();

function parsedColumns(raw: RawTable): ParsedColumn[] {
  let parsed = parsedTables.get(raw);
  if (parsed === undefined) {
    parsed = raw.columns.map((_, c) => parseColumn(raw.cells.map((cells) => cells[c])));
    parsedTables.set(raw, parsed);
  }
  return parsed;
}

/** The column encoders fitted on `trainRows` only: type, levels and dropped columns come from them. */
export function fitEncoders(raw: RawTable, trainRows: ArrayLike<number>): ColumnEncoder[] {
  const parsed = parsedColumns(raw);
  return raw.columns.map((column, c) =>
    fitParsedColumnEncoder(column, parsed[c]!, trainRows, {
      categorical: raw.categorical.has(column),
      maxLevels: raw.maxLevels,
    }),
  );
}

/** Training rows for `rows` of the table, encoded by `encoders`. */
export function encodeRows(raw: RawTable, encoders: readonly ColumnEncoder[], rows: ArrayLike<number>) {
  const parsed = parsedColumns(raw);
  const result: TrainingRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const features: number[] = [];
    for (let c = 0; c < encoders.length; c++) encoders[c]!.encodeParsed(parsed[c]!, row, features);
    result.push({
      features,
      label: raw.labels[row]!,
      ...(raw.times ? { time: raw.times[row]! } : {}),
      ...(raw.groups ? { group: raw.groups[row]! } : {}),
    });
  }
  return result;
}

function allRowsOf(raw: RawTable): Int32Array {
  return Int32Array.from({ length: raw.labels.length }, (_, i) => i);
}

/** Every row encoded with encoders fitted on every row (for a model trained on the whole file). */
export function buildTable(header: readonly string[], records: readonly string[][], spec: TableSpec): Table {
  const raw = readTable(header, records, spec);
  const all = allRowsOf(raw);
  const encoders = fitEncoders(raw, all);
  const featureNames = encoders.flatMap((encoder) => encoder.names);
  if (featureNames.length === 0) {
    throw new RipeError(
      'invalid_csv',
      `no usable feature column besides "${spec.label}"${spec.id ? `, "${spec.id}"` : ''}${spec.time ? `, "${spec.time}"` : ''}`,
    );
  }
  return {
    featureNames,
    rows: encodeRows(raw, encoders, all),
    skipped: raw.skipped,
    columns: encoders.map((encoder) => encoder.report),
  };
}
