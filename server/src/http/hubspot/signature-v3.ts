import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed request may be: HubSpot's documented five minutes. */
export const signatureMaxAgeMs = 5 * 60 * 1000;
/** A timestamp this far ahead of our clock is refused too (clock skew allowance). */
const maxFutureSkewMs = 60 * 1000;

/**
 * The characters HubSpot's v3 documentation says to decode in the URI before hashing: the signature is
 * computed over the URI with these percent-encodings decoded, the rest left as sent.
 */
const decodedInUri: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URI as HubSpot hashes it: the listed percent-encodings decoded, case-insensitively. */
export function signedUri(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (match) => decodedInUri[match.toUpperCase()] ?? match,
  );
}

export interface SignedRequest {
  method: string;
  /** The full URL HubSpot called: protocol, host, path and query, as sent. */
  uri: string;
  /** The raw body as sent (empty for a GET). */
  body: string;
  /** `X-HubSpot-Request-Timestamp`: milliseconds since the epoch, as a string. */
  timestamp: string;
}

/**
 * The `X-HubSpot-Signature-v3` of a request: base64 of HMAC-SHA256, keyed with the app's client secret,
 * over method + URI + body + timestamp (UTF-8).
 */
export function signatureV3(request: SignedRequest, clientSecret: string): string {
  return createHmac('sha256', clientSecret)
    .update(
      `${request.method.toUpperCase()}${signedUri(request.uri)}${request.body}${request.timestamp}`,
      'utf8',
    )
    .digest('base64');
}

export type SignatureCheck =
  | { ok: true; timestampMs: number }
  | { ok: false; reason: 'missing' | 'malformed_timestamp' | 'stale' | 'future' | 'mismatch' };

/**
 * Checks a request's v3 signature: present, timestamp within the last five minutes (and not ahead of our
 * clock), and equal to ours in constant time — HubSpot's own client compares with `===`, which leaks timing.
 */
export function checkSignatureV3(
  request: Omit<SignedRequest, 'timestamp'> & {
    timestamp: string | undefined;
    signature: string | undefined;
  },
  clientSecret: string,
  now: number,
): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  const timestampMs = Number(timestamp);
  if (now - timestampMs > signatureMaxAgeMs) return { ok: false, reason: 'stale' };
  if (timestampMs - now > maxFutureSkewMs) return { ok: false, reason: 'future' };
  const expected = Buffer.from(signatureV3({ ...request, timestamp }, clientSecret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Equal lengths first (timingSafeEqual needs them); the length of a base64 SHA-256 is public anyway.
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  return same ? { ok: true, timestampMs } : { ok: false, reason: 'mismatch' };
}
