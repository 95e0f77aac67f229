import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RipeError } from '@ripe/shared';
import { CsvError, parse } from 'csv-parse';
import { getOrg, withOrg, type Database } from '../store/index.ts';
import { checkUsagePoint, type UsagePoint } from './usage-point.schema.ts';
import { upsertUsagePoints } from './usage-points.repository.ts';
import {
  usageCsvColumnOf,
  usageCsvLayout,
  usageCsvRowToPoint,
  type UsageCsvLayout,
} from './usage-csv.row.ts';

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
 * and column. Memory is bounded by the batch.
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
  const parser = createReadStream(path).pipe(
    parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!layout) {
        layout = headerLayout(record, path);
        progress?.start(total, 'usage rows');
        continue;
      }
      report.rows += 1;
      const check = checkUsagePoint(usageCsvRowToPoint(record, layout), latestDay);
      if (check.ok) {
        batch.push(check.point);
        report.accepted += 1;
        if (batch.length >= batchSize) {
          await flush();
          progress?.update(report.rows);
        }
      } else {
        report.rejected += 1;
        for (const issue of check.issues) {
          if (report.issues.length < maxIssues) {
            report.issues.push({ row: info.lines, column: usageCsvColumnOf(issue), message: issue.message });
          }
        }
      }
    }
  } catch (error) {
    // The batch in flight settles first: its failure must not go unhandled.
    await writing.catch(() => {});
    if (error instanceof CsvError) {
      throw new RipeError('invalid_csv', `${path} cannot be read as CSV: ${error.message}`, { cause: error });
    }
    throw error;
  }
  if (!layout) throw new RipeError('invalid_csv', `${path} has no header row`);
  await flush();
  await writing;
  progress?.update(report.rows);
  progress?.stop();
  report.durationMs = performance.now() - started;
  return report;
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
