// The one place in model/ that touches the file system: the backtest's CSV input.
import { readFile } from 'node:fs/promises';
import { RipeError } from '@ripe/shared';
import { parse } from 'csv-parse/sync';

export interface CsvContent {
  header: string[];
  records: string[][];
}

export async function readCsvFile(path: string): Promise<CsvContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RipeError('invalid_input_file', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseCsv(text, path);
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
