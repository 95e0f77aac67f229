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

// Node's system errors (a file, a socket) and PostgreSQL's own (SQLSTATE) that a user can fix.
const databaseCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
]);
const fileCodes = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST']);
// Invalid password or authorization, unknown database, the server starting up or shutting down.
const sqlStates = new Set(['28P01', '28000', '3D000', '57P01', '57P03']);

/** The one line that tells a user what went wrong in their environment, or `undefined` for a bug. */
export function environmentProblem(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  if (databaseCodes.has(error.code) || sqlStates.has(error.code)) {
    return `cannot use the database: ${error.message} (check DATABASE_URL, or unset it to use the embedded database)`;
  }
  if (fileCodes.has(error.code)) return error.message;
  return undefined;
}

/** User mistakes print one clear line and exit non-zero; only programmer errors show a stack. */
export function reportCliError(error: unknown): number {
  if (isRipeError(error)) {
    // The message already names each field at fault: one line, whatever the number of issues.
    console.error(`ripe: ${error.message}`);
    return error.code === 'invalid_argument' ? 2 : 1;
  }
  const problem = environmentProblem(error);
  if (problem) {
    console.error(`ripe: ${problem}`);
    return 1;
  }
  console.error(error);
  return 70;
}
