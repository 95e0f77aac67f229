/** A SOQL string literal: quotes and backslashes escaped as SOQL documents. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A SOQL datetime literal in UTC (`2026-06-01T00:00:00Z`); SOQL has no milliseconds in literals. */
export function soqlDateTime(instant: string): string {
  const ms = Date.parse(instant.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `'id1','id2'` for an IN list. */
export function idList(ids: readonly string[]): string {
  return ids.map(soqlString).join(',');
}

/**
 * Ids per IN list. A query travels in the GET URL, and Salesforce caps the URI and headers at 16,384 bytes
 * (414 URI Too Long beyond); a quoted 18-character id takes 27 bytes percent-encoded, so 500 ids take 13.5 KB and
 * leave room for the fields, the filters and the headers (a test checks the longest query the pull sends).
 */
export const idsPerQuery = 500;

/** Salesforce's cap on a request's URI and headers, in bytes. */
export const maxUriBytes = 16_384;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An instant as Salesforce writes it in JSON (`2013-05-20T20:49:32.000+0000`) to ISO 8601 with `Z`. */
export function isoInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
