import type { HttpMethod } from './http-method.ts';
import { redactUrl } from './redact-url.ts';
import {
  normaliseHeaders,
  parseRateLimitReset,
  parseRetryAfter,
  type RateLimitResetHeader,
} from './server-wait.ts';

export interface CrmTransportErrorFields {
  method: HttpMethod;
  /** The request URL; redacted on the way in. */
  url: string;
  /** HTTP status; absent when no response came back. */
  status?: number;
  /** The provider's own error code (`REQUEST_LIMIT_EXCEEDED`, `RATE_LIMIT`) or the transport code (`ECONNRESET`). */
  providerCode?: string;
  /** The wait the server asked for, in milliseconds. */
  retryAfterMs?: number;
}

/**
 * A failed CRM call, keeping what the retry decision and the run record need — status, provider
 * code, retry-after, method and URL — and nothing else: no headers, no body, no cause, so that no
 * token can travel with it into a log line. The URL's credentials are redacted.
 */
export class CrmTransportError extends Error {
  readonly code = 'crm_transport' as const;
  readonly method: HttpMethod;
  readonly url: string;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(fields: CrmTransportErrorFields) {
    const url = redactUrl(fields.url);
    const outcome = fields.status === undefined ? 'no response' : `HTTP ${fields.status}`;
    const code = fields.providerCode ? ` (${fields.providerCode})` : '';
    super(`${fields.method} ${url} failed: ${outcome}${code}`);
    this.name = 'CrmTransportError';
    this.method = fields.method;
    this.url = url;
    this.status = fields.status;
    this.providerCode = fields.providerCode;
    this.retryAfterMs = fields.retryAfterMs;
  }

  /** Whether no response came back (the provider code is then the transport's error code). */
  get isNetworkError(): boolean {
    return this.status === undefined;
  }

  toJSON(): CrmTransportErrorFields & { name: string; message: string } {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      url: this.url,
      status: this.status,
      providerCode: this.providerCode,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

export interface ErrorResponse {
  method: HttpMethod;
  url: string;
  status: number;
  headers: Headers | Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed from the body by the provider's client. */
  providerCode?: string;
}

/** A CRM error response as a transport error; `Retry-After` wins over the provider's reset headers. */
export function transportErrorFromResponse(
  response: ErrorResponse,
  resetHeaders: readonly RateLimitResetHeader[],
  now: number,
): CrmTransportError {
  const headers = normaliseHeaders(response.headers);
  const retryAfterMs =
    parseRetryAfter(headers['retry-after'], now) ??
    (response.status === 429 || response.status === 503
      ? parseRateLimitReset(headers, resetHeaders, now)
      : undefined);
  return new CrmTransportError({
    method: response.method,
    url: response.url,
    status: response.status,
    providerCode: response.providerCode,
    retryAfterMs,
  });
}

/** A thrown network failure as a transport error: only its code survives, never the error itself. */
export function transportErrorFromNetwork(
  method: HttpMethod,
  url: string,
  error: unknown,
): CrmTransportError {
  return new CrmTransportError({ method, url, providerCode: networkErrorCode(error) ?? 'network_error' });
}

/** `ECONNRESET`, `ETIMEDOUT`, `socket hang up`… from a Node, undici or fetch error and its causes. */
export function networkErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
    if (current.name === 'TimeoutError') return 'ETIMEDOUT';
    if (/socket hang up/i.test(current.message)) return 'socket hang up';
    current = current.cause;
  }
  return undefined;
}
