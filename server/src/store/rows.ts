/** A jsonb parameter: both drivers take JSON text and the statement casts it with `::jsonb`. */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** The row an INSERT … RETURNING or an UPDATE that must match always yields. */
export function firstRow<Row>(rows: Row[]): Row {
  const [row] = rows;
  if (!row) throw new Error('The statement returned no row');
  return row;
}
