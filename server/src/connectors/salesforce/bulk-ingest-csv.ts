import { stringify } from 'csv-stringify/sync';
import type { WriteOutcome } from '../write-operation.ts';
import { retryableCodes } from './salesforce-writes.ts';

/** A Bulk API 2.0 results row: the uploaded columns, with `sf__Id`, `sf__Created` or `sf__Error` beside them. */
export type IngestResultRow = Record<string, string>;

// Bulk API 2.0 ignores an empty cell on update; `#N/A` is how a CSV row sets a field to null.
const nullCell = '#N/A';

/**
 * Records as one CSV upload: a column per field any record carries (`attributes` left out), a field the record
 * does not write left empty (Salesforce leaves it unchanged), a null written as `#N/A`.
 */
export function ingestCsv(records: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))].filter(
    (name) => name !== 'attributes',
  );
  const cell = (record: Record<string, unknown>, name: string): string => {
    if (!(name in record)) return '';
    const value = record[name];
    if (value === null || value === undefined || value === '') return nullCell;
    return String(value);
  };
  return stringify(
    records.map((record) => columns.map((name) => cell(record, name))),
    { header: true, columns, record_delimiter: '\n' },
  );
}

/**
 * Salesforce's `sf__Error` as a write outcome: `STATUS_CODE:message:fields` (fields comma-separated, sometimes
 * followed by ` --`). A message may itself hold colons, so only a trailing list of field names is split off.
 */
export function failedOutcome(sfError: string): Extract<WriteOutcome, { ok: false }> {
  const [, code = 'UNKNOWN_EXCEPTION', rest = ''] = /^([A-Z_]+):?(.*)$/s.exec(sfError.trim()) ?? [];
  const tail = /^(.*):([\w, ]*?)(?:\s*--)?$/s.exec(rest);
  const message = (tail ? tail[1] : rest) ?? '';
  const fields = (tail?.[2] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return {
    ok: false,
    code,
    message: message.trim() || code,
    fields,
    retryable: retryableCodes.has(code),
  };
}

/**
 * One outcome per uploaded record, by its key column (`Id` for an update, the external id for an upsert): a row
 * of the failed results carries Salesforce's error; a row of the successful results its id; a record the job
 * processed without failing succeeded; any other (unprocessed) is retryable.
 */
export function ingestOutcomes(
  keys: readonly string[],
  keyColumn: string,
  results: { failed: readonly IngestResultRow[]; successful: readonly IngestResultRow[] | null },
): WriteOutcome[] {
  const failed = new Map(results.failed.map((row) => [row[keyColumn] ?? '', row]));
  const successful = new Map((results.successful ?? []).map((row) => [row[keyColumn] ?? '', row]));
  return keys.map((key): WriteOutcome => {
    const failure = failed.get(key);
    if (failure) return failedOutcome(failure.sf__Error ?? '');
    const success = successful.get(key);
    if (success) return { ok: true, crmId: success.sf__Id || null };
    if (results.successful === null) return { ok: true, crmId: keyColumn === 'Id' ? key : null };
    return {
      ok: false,
      code: 'UNPROCESSED',
      message: 'Salesforce did not process this record in its bulk job',
      fields: [],
      retryable: true,
    };
  });
}
