/** How a provider's rate-limit header tells when the limit resets. */
export type ResetUnit = 'seconds' | 'milliseconds' | 'epoch_seconds' | 'epoch_milliseconds';

/** A provider fact: one response header that says when a rate limit resets. Header names in lower case. */
export interface RateLimitResetHeader {
  header: string;
  unit: ResetUnit;
}

/** Response headers by lower-case name. */
export type ResponseHeaders = Readonly<Record<string, string | undefined>>;

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). A date in the past means now (0); anything else is ignored.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only a date with letters in it: Date.parse would read a bare "1.5" or "-3" as a year.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The longest wait any of the provider's reset headers asks for, in milliseconds from `now`. */
export function parseRateLimitReset(
  headers: ResponseHeaders | undefined,
  resetHeaders: readonly RateLimitResetHeader[],
  now: number,
): number | undefined {
  if (!headers) return undefined;
  let longest: number | undefined;
  for (const { header, unit } of resetHeaders) {
    const raw = headers[header]?.trim();
    if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) continue;
    const waitMs = Math.max(0, Math.ceil(resetToWaitMs(Number(raw), unit, now)));
    longest = longest === undefined ? waitMs : Math.max(longest, waitMs);
  }
  return longest;
}

function resetToWaitMs(value: number, unit: ResetUnit, now: number): number {
  switch (unit) {
    case 'seconds':
      return value * 1000;
    case 'milliseconds':
      return value;
    case 'epoch_seconds':
      return value * 1000 - now;
    case 'epoch_milliseconds':
      return value - now;
  }
}

/** Lower-cases the names of a `Headers` object or a plain record, the shape the parsers read. */
export function normaliseHeaders(
  headers: Headers | Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
