import { z } from 'zod';

/**
 * The days Ripe accepts anywhere a date enters (a run's `asOf`, a snooze, a usage point, a CLI flag):
 * every real account history fits, and a year 0000 or 9999 — which PostgreSQL refuses, or a night
 * would try to simulate day by day — never reaches the engine or the database.
 */
export const earliestDay = '1970-01-01';
export const latestDay = '2099-12-31';

const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Why `text` is not a day Ripe accepts, or `undefined`: strict calendar (2026-02-30 is refused), bounded. */
export function dayProblem(
  text: string,
  bounds: { earliest?: string; latest?: string } = {},
): string | undefined {
  const earliest = bounds.earliest ?? earliestDay;
  const latest = bounds.latest ?? latestDay;
  if (!isoDayPattern.test(text)) return 'must be a date YYYY-MM-DD';
  const date = new Date(`${text}T00:00:00Z`);
  // `Date` rolls 2026-02-30 over to March 2: a real day reads back as itself.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text)
    return 'must be a real calendar day';
  if (text < earliest || text > latest) return `must be between ${earliest} and ${latest}`;
  return undefined;
}

/**
 * A day `YYYY-MM-DD` in the accepted range, as a zod schema.
 *
 * @example boundedDay().parse('2026-03-01') // '2026-03-01'; '2026-02-30' and '9999-12-31' fail
 */
export function boundedDay(bounds: { earliest?: string; latest?: string } = {}) {
  return z.string({ error: 'must be a date YYYY-MM-DD' }).superRefine((text, ctx) => {
    const problem = dayProblem(text, bounds);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
  });
}
