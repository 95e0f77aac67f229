import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './usage-csv.line.ts';

describe('splitCsvLine', () => {
  it.each([
    ['acc-1,seats_used,2026-03-01,40', ['acc-1', 'seats_used', '2026-03-01', '40']],
    [' acc-1 , seats_used ,2026-03-01, 40 ', ['acc-1', 'seats_used', '2026-03-01', '40']],
    ['"acc-1","a,b","say ""hi""",', ['acc-1', 'a,b', 'say "hi"', '']],
    ['  "acc-1"  ,x', ['acc-1', 'x']],
    ['a,,', ['a', '', '']],
    ['""', ['']],
  ])('splits %j', (line, cells) => {
    expect(splitCsvLine(line)).toStrictEqual({ ok: true, cells });
  });

  it.each([
    ['acc-2,se"ats,2026-01-01,41', 1, /stray quote/],
    ['acc-2,seats",2026-01-01,41', 1, /stray quote/],
    ['acc-2,seats,2026-01-01,4"1', 3, /stray quote/],
    ['acc-2,"seats,2026-01-01,41', 1, /not closed on its line/],
    ['"acc-2"x,seats', 0, /after the closing quote/],
  ])('names the cell at fault in %j', (line, cell, message) => {
    const split = splitCsvLine(line);
    expect(split).toMatchObject({ ok: false, cell });
    expect(!split.ok && split.message).toMatch(message);
  });
});
