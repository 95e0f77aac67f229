import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { RipeError } from '@ripe/shared';
import { getOrg, withOrg, type Database } from '../store/index.ts';
import { checkUsagePoint, type UsagePoint } from './usage-point.schema.ts';
import { upsertUsagePoints } from './usage-points.repository.ts';
import {
  usageCsvColumnOf,
  usageCsvLayout,
  usageCsvRowToPoint,
  type UsageCsvLayout,
} from './usage-csv.row.ts';
import { splitCsvLine } from './usage-csv.line.ts';

/** One rejected row: its line in the file (the header is line 1) and the column at fault. */
export interface CsvRowIssue {
  row: number;
  column: string;
  message: string;
}

export interface UsageCsvImport {
  db: Database;
  orgId: string;
  path: string;
  /** The last day a value may be for (see `latestUsageDay`). */
  latestDay: string;
  /** Rows upserted per statement and transaction. */
  batchSize?: number;
  /** Issues kept in the report; the rest are only counted. */
  maxIssues?: number;
  progress?: { start(total: number, label: string): void; update(done: number): void; stop(): void };
}

export interface UsageCsvReport {
  rows: number;
  accepted: number;
  /** Rows inserted or changed: 0 when the same file is imported again. */
  changed: number;
  rejected: number;
  issues: CsvRowIssue[];
  durationMs: number;
}

/**
 * Streams a usage CSV (`account_id,metric,day,value[,kind,feature,premium]`) into the org's usage:
 * each row validated like a posted point, valid rows upserted in batches (one transaction each, so
 * an interrupted import keeps what it wrote and a re-run completes it), bad rows reported by line
 * and column. One row per line: a quote left open or a stray quote costs its own row, never the
 * rows after it. Memory is bounded by the batch.
 */
export async function importUsageCsv(options: UsageCsvImport): Promise<UsageCsvReport> {
  const { db, orgId, path, latestDay, batchSize = 5_000, maxIssues = 1_000, progress } = options;
  const started = performance.now();
  if (!(await withOrg(db, orgId, (tx) => getOrg(tx)))) {
    throw new RipeError('not_found', `org ${orgId} does not exist`);
  }
  const total = await countDataLines(path);
  const report: UsageCsvReport = { rows: 0, accepted: 0, changed: 0, rejected: 0, issues: [], durationMs: 0 };
  let batch: UsagePoint[] = [];
  // One batch is written while the next is parsed; never two at once, so batches commit in file
  // order and a later row still wins over an earlier one.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    if (batch.length === 0) return;
    const points = batch;
    batch = [];
    writing = withOrg(db, orgId, (tx) => upsertUsagePoints(tx, points)).then(({ changed }) => {
      report.changed += changed;
    });
  };

  let layout: UsageCsvLayout | undefined;
  let columnNames: string[] = [];
  const reject = (line: number, column: string, message: string) => {
    if (report.issues.length < maxIssues) report.issues.push({ row: line, column, message });
  };
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber += 1;
      const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      const split = splitCsvLine(text);
      if (!layout) {
        if (!split.ok) {
          throw new RipeError('invalid_csv', `${path} line ${lineNumber}, the header: ${split.message}`);
        }
        layout = headerLayout(split.cells, path);
        columnNames = columnNamesOf(layout);
        progress?.start(total, 'usage rows');
        continue;
      }
      report.rows += 1;
      if (!split.ok) {
        report.rejected += 1;
        reject(lineNumber, columnNames[split.cell] ?? `column ${split.cell + 1}`, split.message);
        continue;
      }
      const check = checkUsagePoint(usageCsvRowToPoint(split.cells, layout), latestDay);
      if (check.ok) {
        batch.push(check.point);
        report.accepted += 1;
        if (batch.length >= batchSize) {
          await flush();
          progress?.update(report.rows);
        }
      } else {
        report.rejected += 1;
        for (const issue of check.issues) reject(lineNumber, usageCsvColumnOf(issue), issue.message);
      }
    }
  } catch (error) {
    // The batch in flight settles first: its failure must not go unhandled.
    await writing.catch(() => {});
    throw error;
  } finally {
    lines.close();
  }
  if (!layout) throw new RipeError('invalid_csv', `${path} has no header row`);
  await flush();
  await writing;
  progress?.update(report.rows);
  progress?.stop();
  report.durationMs = performance.now() - started;
  return report;
}

/** The header's name of each cell position (the known columns only). */
function columnNamesOf(layout: UsageCsvLayout): string[] {
  const names: string[] = [];
  for (const [column, index] of Object.entries(layout)) if (index !== undefined) names[index] = column;
  return names;
}

function headerLayout(header: readonly string[], path: string): UsageCsvLayout {
  const { layout, missing } = usageCsvLayout(header);
  if (missing.length > 0) {
    throw new RipeError(
      'invalid_csv',
      `${path} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected account_id,metric,day,value[,kind,feature,premium])`,
    );
  }
  return layout;
}

/** Lines after the header, for the progress bar: a fast byte scan, exact unless cells hold newlines. */
async function countDataLines(path: string): Promise<number> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new RipeError('invalid_input_file', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (size === 0) return 0;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    last = chunk[chunk.length - 1] ?? last;
  }
  if (last !== 10) lines += 1;
  return Math.max(0, lines - 1);
}
