/** What replaces a value whose key names a secret. */
export const redacted = '[redacted]';

// Compared on the key lower-cased without `_`/`-`: `refresh_token`, `clientSecret`, `X-Api-Key`.
const secretKeyEndings = [
  'secret',
  'token',
  'password',
  'passphrase',
  'authorization',
  'apikey',
  'ciphertext',
  'privatekey',
  'credential',
  'credentials',
  'cookie',
];

/**
 * The details of an audit entry with every value under a secret-sounding key replaced: callers
 * describe what changed, and a careless `{ ...connection }` must not put a token in the log.
 */
export function redactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return redactObject(details, 0);
}

function redactValue(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return redactObject(value as Record<string, unknown>, depth + 1);
  }
  return value;
}

function redactObject(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  // Deep structures in an audit entry are a mistake; cut them rather than recurse without end.
  if (depth > 8) return { truncated: true };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    result[key] = isSecretKey(key) ? redacted : redactValue(value, depth);
  }
  return result;
}

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replaceAll(/[_-]/g, '');
  return secretKeyEndings.some((ending) => normalised.endsWith(ending));
}
