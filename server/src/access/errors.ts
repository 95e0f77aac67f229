/** SQLSTATE of a unique constraint violation (both PostgreSQL and PGlite report it). */
const uniqueViolation = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === uniqueViolation;
}
