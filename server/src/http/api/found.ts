import { RipeError } from '@ripe/shared';

/** The value, or a `not_found` error naming what was looked for. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new RipeError('not_found', `${what} not found`);
  return value;
}
