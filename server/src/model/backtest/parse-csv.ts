// CSV text to a header and records. Reading the file is the caller's (the CLI's): model/ does no I/O.
import { RipeError } from '@ripe/shared';
import { parse } from 'csv-parse/sync';

export interface CsvContent {
  header: string[];
  records: string[][];
}

export function parseCsv(text: string, source = 'CSV'): CsvContent {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new RipeError('invalid_csv', `${source} is not valid CSV: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const [header, ...records] = rows;
  if (!header || records.length === 0)
    throw new RipeError('invalid_csv', `${source} has no data rows under a header row`);
  return { header, records };
}
