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
 * Ids per IN list: a query travels in the GET URL, which Salesforce caps at 16,384 bytes; 400 quoted
 * 18-character ids take about 11 KB once percent-encoded, leaving room for the rest of the query.
 */
export const idsPerQuery = 400;

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
