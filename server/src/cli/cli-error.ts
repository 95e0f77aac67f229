import { dayProblem, RipeError, isRipeError } from '@ripe/shared';

/** Parses a positive integer option, or fails with a typed error naming the option. */
export function positiveInt(name: string, min = 1, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RipeError(
        'invalid_argument',
        `--${name} must be an integer between ${min} and ${max}, got "${raw}"`,
      );
    }
    return value;
  };
}

export function isoDay(name: string) {
  return (raw: string): string => {
    // Strict: 2026-02-30 is an error, not March 2; and bounded like every day Ripe takes in.
    const problem = dayProblem(raw);
    if (problem) throw new RipeError('invalid_argument', `--${name} ${problem}, got "${raw}"`);
    return raw;
  };
}

/** User mistakes print one clear line and exit non-zero; only programmer errors show a stack. */
export function reportCliError(error: unknown): number {
  if (isRipeError(error)) {
    // The message already names each field at fault: one line, whatever the number of issues.
    console.error(`ripe: ${error.message}`);
    return error.code === 'invalid_argument' ? 2 : 1;
  }
  console.error(error);
  return 70;
}
