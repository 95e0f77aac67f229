import fc from 'fast-check';

/**
 * One bad thing done to a valid request of a route (its example ids, query and body), for the route
 * fuzz test. Values are raw: what a clumsy script or an attacker would put on the wire.
 */
export interface BadRequest {
  /** Path parameters to replace; `fuzzMarker` stands for `rawSegment`, put in the path as is. */
  pathIds?: Record<string, string>;
  rawSegment?: string;
  /** The query string, `?…`, given the example ids for the parameters a route requires. */
  query?: (ids: Record<string, string>) => string;
  /** The API key to send instead of the admin's, or `null` for none. */
  token?: (adminToken: string) => string | null;
  /** The body as sent, and its media type (JSON unless told). */
  body?: string | Buffer;
  contentType?: string;
}

export const fuzzMarker = 'FUZZ-SEGMENT';

const nastyStrings = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '',
  ' ',
  'x'.repeat(300),
  'x'.repeat(20_000),
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-03-01T00:00:00Z',
  '-1',
  '1e309',
  'NaN',
  'null',
  '[]',
  "'; drop table orgs; --",
  '../../etc/passwd',
  '%zz',
  '\u202e',
  'ready,\u0000',
  '__proto__',
];

/** A string that is wrong somewhere: control characters, lone surrogates, huge, a date out of range… */
export const badString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  );

/** A nest of arrays or objects `depth` levels deep. */
function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = asObject ? { a: value } : [value];
  return value;
}

/** A JSON value of a type or size a field does not expect. */
export const badValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: badString() },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, [], {}),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 20, max: 400 }), fc.boolean())
        .map(([depth, asObject]) => nested(depth, asObject)),
    },
  );

/** Percent-encodes a string as a URL part; a lone surrogate becomes the bytes of an invalid UTF-8 sequence. */
export function encodeRaw(text: string): string {
  let out = '';
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      out += '%ED%A0%80';
    }
  }
  return out;
}

const malformedEncodings = ['%zz', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%00', '%FF%FE', 'a%2', '%%%'];

/** A path parameter replaced by a bad value, percent-encoded or malformed. */
export function badPathValue(names: readonly string[]): fc.Arbitrary<BadRequest> {
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.oneof(badString().map(encodeRaw), fc.constantFrom(...malformedEncodings)),
    )
    .map(([name, rawSegment]) => ({ pathIds: { [name]: fuzzMarker }, rawSegment }));
}

/** The route's own parameters (required ones at their example) plus one bad or unknown one. */
export function badQueryValue(
  names: readonly string[],
  required: readonly string[],
): fc.Arbitrary<BadRequest> {
  const name = fc.oneof(
    ...(names.length > 0 ? [fc.constantFrom(...names)] : []),
    fc.constantFrom('dry_run', 'limti', '__proto__', 'constructor', 'token'),
    badString().map(encodeRaw),
  );
  const value = fc.oneof(
    badString().map(encodeRaw),
    fc.constantFrom(...malformedEncodings),
    fc.constantFrom('1e400', '-5', '0', '99999999999999999999', '1.5', 'ready,nowhere'),
  );
  return fc.tuple(name, value, fc.boolean()).map(([badName, badRaw, repeated]) => ({
    query: (ids: Record<string, string>) => {
      const parts = required
        .filter((parameter) => parameter !== badName)
        .map((parameter) => `${parameter}=${encodeURIComponent(ids[parameter] ?? '')}`);
      parts.push(`${badName}=${badRaw}`);
      if (repeated) parts.push(`${badName}=${badRaw}`);
      return `?${parts.join('&')}`;
    },
  }));
}

/** No key, garbage, or the admin's key altered — every one must answer 401, never 5xx. */
export function badToken(): fc.Arbitrary<BadRequest> {
  return fc
    .constantFrom<(token: string) => string | null>(
      () => null,
      () => 'garbage',
      () => 'ripe_x_y',
      () => `ripe_${'a'.repeat(5_000)}`,
      (token) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      (token) => `${token}=`,
      (token) => token.toUpperCase(),
      (token) => token.replace(/_/g, '__'),
    )
    .map((token) => ({ token }));
}

/** Every path into a JSON value (objects and leaves), for a mutation to aim at. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const here = [prefix];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, String(index)]))];
  if (typeof value === 'object' && value !== null)
    return [...here, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
  return here;
}

function replaced(value: unknown, path: readonly string[], replacement: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replacement(value);
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return value.map((item, index) => (String(index) === head ? replaced(item, rest, replacement) : item));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    copy[head] = replaced(copy[head], rest, replacement);
    return copy;
  }
  return value;
}

const rawBodies = [
  '{"broken":',
  '',
  'null',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
  JSON.stringify({ blob: 'x'.repeat(2_000_000) }),
];

/** The route's example body with one bad value, an unknown key, or replaced whole; or a body that is not JSON. */
export function badBody(example: unknown): fc.Arbitrary<BadRequest> {
  const paths = pathsOf(example);
  const json = (value: unknown): BadRequest => ({ body: JSON.stringify(value) ?? 'null' });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), badValue())
        .map(([path, value]) => json(replaced(example, path, () => value))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...paths),
          fc.oneof(fc.constantFrom('dry_run', 'readyScor', '__proto__', 'constructor'), badString()),
          badValue(),
        )
        .map(([path, name, value]) =>
          json(
            replaced(example, path, (old) =>
              typeof old === 'object' && old !== null && !Array.isArray(old)
                ? { ...old, [name]: value }
                : old,
            ),
          ),
        ),
    },
    { weight: 1, arbitrary: badValue().map(json) },
    { weight: 1, arbitrary: fc.constantFrom(...rawBodies).map((body) => ({ body })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
        { body: JSON.stringify(example), contentType: 'text/plain' },
        { body: 'dryRun=true', contentType: 'application/x-www-form-urlencoded' },
        { body: JSON.stringify(example), contentType: 'application/json; charset=latin1' },
        { body: JSON.stringify(example), contentType: 'application/xml' },
        { body: JSON.stringify(example), contentType: 'multipart/form-data; boundary=x' },
      ),
    },
  );
}
