// One physical line of a usage CSV split into cells (RFC 4180 quoting: a quoted cell may hold commas and doubled
// quotes). Each line stands alone — no cell of a usage CSV can hold a line break — so a quote left open or a
// stray quote costs its own row only, never the rows after it.

export type CsvLine = { ok: true; cells: string[] } | { ok: false; cell: number; message: string };

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** The cells of `line`, spaces around them trimmed, or the first cell at fault (0-based) and why. */
export function splitCsvLine(line: string): CsvLine {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    let start = at;
    while (isBlank(line[start])) start++;
    if (line[start] === '"') {
      let value = '';
      let from = start + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) {
          return { ok: false, cell: cells.length, message: 'a quoted cell is not closed on its line' };
        }
        value += line.slice(from, quote);
        if (line[quote + 1] !== '"') {
          from = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      let end = from;
      while (isBlank(line[end])) end++;
      if (end < line.length && line[end] !== ',') {
        return { ok: false, cell: cells.length, message: 'text after the closing quote of a quoted cell' };
      }
      cells.push(value);
      if (end >= line.length) return { ok: true, cells };
      at = end + 1;
      continue;
    }
    const comma = line.indexOf(',', at);
    const raw = comma === -1 ? line.slice(at) : line.slice(at, comma);
    if (raw.includes('"')) {
      return {
        ok: false,
        cell: cells.length,
        message: 'a stray quote in an unquoted cell (quote the whole cell and double the quotes inside it)',
      };
    }
    cells.push(raw.trim());
    if (comma === -1) return { ok: true, cells };
    at = comma + 1;
  }
}
