import { setTimeout as delay } from 'node:timers/promises';
import { Connection } from 'jsforce';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { createCallCounter } from '../call-counter.ts';
import type { TokenStore } from '../connections/token-store.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { salesforceApiVersion } from './provider.ts';

/** A record as the REST API returns it: fields by API name, `attributes` included. */
export type SfRecord = Record<string, unknown>;

export interface QueryPage {
  records: SfRecord[];
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
}

export interface TransportOptions {
  instanceUrl: string;
  tokens: TokenStore;
  counter: ReturnType<typeof createCallCounter>;
  /** Waits before the one repeat of a read the org answered 503 (default 1 s). */
  unavailableRetryMs?: number;
}

/** The last `Sforce-Limit-Info` the org sent: calls used and allowed in the rolling 24 hours. */
export interface ApiUsage {
  used: number;
  limit: number;
}

const noRetry = { retry: { maxRetries: 0 } } as const;
const base = `/services/data/v${salesforceApiVersion}`;

/**
 * jsforce 3 on the org's instance with the API version pinned. jsforce's own retries are off (its default
 * retries a GET five times with backoff) and it has no refresh function, so a 401 comes back to the night,
 * which refreshes once through the token store (single-flight) and repeats the call once; a 503 on a read is
 * repeated once here; `REQUEST_LIMIT_EXCEEDED` is never repeated.
 */
export function createSalesforceTransport(options: TransportOptions) {
  const { tokens, counter } = options;
  let connection: { token: string; conn: Connection } | undefined;
  let lastUsage: ApiUsage | null = null;

  async function connect(): Promise<Result<Connection, ConnectorError>> {
    const token = await tokens.accessToken();
    if (!token.ok) return token;
    const value = token.value.reveal();
    if (connection?.token !== value) {
      const conn = new Connection({
        instanceUrl: options.instanceUrl,
        accessToken: value,
        version: salesforceApiVersion,
      });
      connection = { token: value, conn };
    }
    return ok(connection.conn);
  }

  async function call<T>(
    direction: 'read' | 'write',
    kind: string,
    request: { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; body?: unknown; csv?: string },
  ): Promise<Result<T, ConnectorError>> {
    for (let attempt = 0; ; attempt += 1) {
      const conn = await connect();
      if (!conn.ok) return conn;
      counter.count(direction, kind);
      try {
        const body = await conn.value.request<T>(
          {
            method: request.method,
            url: request.url,
            ...(request.csv !== undefined
              ? { body: request.csv, headers: { 'content-type': 'text/csv' } }
              : request.body === undefined
                ? {}
                : { body: JSON.stringify(request.body), headers: { 'content-type': 'application/json' } }),
          },
          noRetry,
        );
        lastUsage = conn.value.limitInfo.apiUsage ?? lastUsage;
        return ok(body);
      } catch (error) {
        lastUsage = conn.value.limitInfo.apiUsage ?? lastUsage;
        const failure = connectorError(error);
        if (failure.code === 'auth_expired') tokens.invalidate();
        if (failure.code === 'unavailable' && direction === 'read' && attempt === 0) {
          await delay(options.unavailableRetryMs ?? 1_000);
          continue;
        }
        return err(failure);
      }
    }
  }

  return {
    /** One page of a query: the first (`soql`) or the next (`nextRecordsUrl`). */
    queryPage(kind: string, from: { soql: string } | { next: string }) {
      const url = 'soql' in from ? `${base}/query?q=${encodeURIComponent(from.soql)}` : from.next;
      return call<QueryPage>('read', kind, { method: 'GET', url });
    },
    get<T>(kind: string, path: string) {
      return call<T>('read', kind, { method: 'GET', url: `${base}${path}` });
    },
    post<T>(direction: 'read' | 'write', kind: string, path: string, body: unknown) {
      return call<T>(direction, kind, { method: 'POST', url: `${base}${path}`, body });
    },
    /**
     * One call of a write that takes several (a Bulk API 2.0 ingest job: create, upload CSV, close, status,
     * results), every one counted as a write. A CSV answer comes back parsed by jsforce, one object per row.
     */
    write<T>(
      kind: string,
      request: { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string; body?: unknown; csv?: string },
    ) {
      const { path, ...rest } = request;
      return call<T>('write', kind, { ...rest, url: `${base}${path}` });
    },
    /**
     * One page of a Bulk API 2.0 query job's results, CSV: jsforce's `request` keeps no response header, and the
     * next page's locator travels in `Sforce-Locator`, so this call is a plain `fetch` with the same token,
     * counting and error mapping.
     */
    async bulkResults(
      jobId: string,
      locator: string | null,
      maxRecords: number,
    ): Promise<Result<{ csv: string; locator: string | null }, ConnectorError>> {
      const token = await tokens.accessToken();
      if (!token.ok) return token;
      counter.count('read', 'bulk');
      const query = new URLSearchParams({ maxRecords: String(maxRecords), ...(locator ? { locator } : {}) });
      try {
        const response = await fetch(`${options.instanceUrl}${base}/jobs/query/${jobId}/results?${query}`, {
          headers: { authorization: `Bearer ${token.value.reveal()}`, accept: 'text/csv' },
        });
        const text = await response.text();
        if (!response.ok) {
          const [body] = (safeJson(text) as { errorCode?: string; message?: string }[] | undefined) ?? [];
          const failure = connectorError(
            Object.assign(new Error(body?.message ?? `HTTP ${response.status}`), {
              errorCode: body?.errorCode ?? `ERROR_HTTP_${response.status}`,
            }),
          );
          if (failure.code === 'auth_expired') tokens.invalidate();
          return err(failure);
        }
        const next = response.headers.get('sforce-locator');
        return ok({ csv: text, locator: next && next !== 'null' ? next : null });
      } catch (error) {
        return err(connectorError(error));
      }
    },
    apiUsage: () => lastUsage,
    base,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type SalesforceTransport = ReturnType<typeof createSalesforceTransport>;

/** A jsforce error as the night reads it; Salesforce's message kept, never a token. */
export function connectorError(error: unknown): ConnectorError {
  const code =
    typeof error === 'object' && error !== null ? (error as { errorCode?: unknown }).errorCode : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'INVALID_SESSION_ID':
      return { code: 'auth_expired', message: `Salesforce: ${message}` };
    case 'REQUEST_LIMIT_EXCEEDED':
      return message.includes('ConcurrentRequests')
        ? { code: 'rate_limited', message: `Salesforce: ${message}`, retryAfterMs: 20_000 }
        : { code: 'daily_limit', message: `Salesforce: ${message}` };
    case 'SERVER_UNAVAILABLE':
    case 'ERROR_HTTP_503':
    case 'ERROR_HTTP_502':
    case 'ERROR_HTTP_500':
      return { code: 'unavailable', message: `Salesforce is unavailable: ${message}` };
    case 'INVALID_FIELD':
    case 'INVALID_TYPE':
    case 'NOT_FOUND':
      return { code: 'not_installed', message: `Salesforce: ${message}` };
  }
  const network = typeof error === 'object' && error !== null && 'code' in error;
  if (network) return { code: 'unavailable', message: `Salesforce could not be reached: ${message}` };
  return { code: 'invalid_request', message: `Salesforce: ${message}` };
}
