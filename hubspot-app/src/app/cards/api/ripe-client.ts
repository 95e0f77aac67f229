// One call to Ripe's backend through hubspot.fetch, answered as a Result: the HTTP status, Ripe's error code and
// each field at fault are kept, so the UI branches on them instead of on a message.
//
// HubSpot builds each component folder (cards/, settings/) on its own, with its own package.json, so this file
// is copied in both folders' api/; a test fails when the copies differ.
import type { z } from 'zod';

/** The part of `hubspot.fetch` the app uses; tests pass a fake. */
export type HubSpotFetch = (
  url: string,
  options?: { method?: 'GET' | 'POST' | 'PATCH'; timeout?: number; body?: Record<string, unknown> },
) => Promise<Response>;

/** One field at fault, as Ripe's error body names it (`field` is a dotted path). */
export interface FieldIssue {
  field: string | null;
  message: string;
}

export type ApiError =
  | { kind: 'not_configured' }
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; code: string; message: string; issues: FieldIssue[] }
  | { kind: 'unexpected_answer'; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface RipeClient {
  request<T>(
    schema: z.ZodType<T>,
    path: string,
    options?: { method?: 'GET' | 'POST' | 'PATCH'; body?: Record<string, unknown> },
  ): Promise<ApiResult<T>>;
}

// hubspot.fetch allows 15 s by default; a card that waits longer than this is better shown as an error.
const timeoutMs = 10_000;

/** A client of the backend at `baseUrl` (the profile variable RIPE_PUBLIC_URL); undefined when none is set. */
export function createRipeClient(fetcher: HubSpotFetch, baseUrl: string | undefined): RipeClient {
  return {
    async request(schema, path, options = {}) {
      if (!baseUrl) return { ok: false, error: { kind: 'not_configured' } };
      let response: Response;
      try {
        response = await fetcher(`${baseUrl.replace(/\/+$/, '')}${path}`, {
          method: options.method ?? 'GET',
          timeout: timeoutMs,
          ...(options.body ? { body: options.body } : {}),
        });
      } catch (cause) {
        return { ok: false, error: { kind: 'network', message: messageOf(cause) } };
      }
      const body = await readJson(response);
      if (!response.ok) return { ok: false, error: httpError(response.status, body) };
      const parsed = schema.safeParse(body);
      if (parsed.success) return { ok: true, value: parsed.data };
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'no detail';
      return { ok: false, error: { kind: 'unexpected_answer', message: where } };
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function httpError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const issues = Array.isArray(error.issues) ? error.issues.filter(isRecord) : [];
  return {
    kind: 'http',
    status,
    code: typeof error.code === 'string' ? error.code : `http_${status}`,
    message: typeof error.message === 'string' ? error.message : '',
    issues: issues.map((issue) => ({
      field: typeof issue.field === 'string' ? issue.field : null,
      message: typeof issue.message === 'string' ? issue.message : '',
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
