// Ripe's backend as the plugin calls it: the few /v1 routes the commands need (GET /v1/openapi.json documents
// them all), one typed error for every refusal, the API key only in the Authorization header.
import { SfError } from '@salesforce/core';
import type { Verdict } from '@ripe/shared';

/** The subset of the backend's schemas the plugin reads; the integration tests run it against the backend. */
export interface RipeOrg {
  id: string;
  name: string;
  crm: 'salesforce' | 'hubspot' | 'sandbox';
  externalId: string | null;
}

export interface RipeConnection {
  crm: 'salesforce' | 'hubspot' | 'sandbox';
  instance: string | null;
  status: 'connected' | 'expired' | 'revoked' | 'error';
  statusReason: string | null;
  updatedAt: string;
}

export interface RipeSettings {
  fieldMapping: Record<string, unknown>;
}

export interface RipeRun {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  counts: { accounts: number; scored: number; ready: number; errors: number };
  apiCalls: number;
  apiCallLimit: number | null;
  tokens: number;
  failureReason: string | null;
  apiUsage: {
    calls: { reads: number; writes: number; total: number };
    floor: { reads: number; writes: number; total: number };
    allowance: { max: number | null; remaining: number | null };
    stopped: string | null;
  } | null;
}

export interface RipeRunError {
  record: string;
  recordId: string;
  field: string;
  message: string;
}

export interface QueuedRun {
  runId: string;
  dryRun: boolean;
  asOf: string;
}

export interface RipeApiOptions {
  /** The backend's origin, e.g. `https://ripe.example.com`. */
  url: string;
  apiKey: string;
  orgId: string;
  fetch?: typeof fetch;
}

/** A refusal of the backend, with its stable code (`not_found`, `forbidden` …) and the HTTP status. */
export class RipeApiError extends SfError<{ code: string; status: number }> {
  public constructor(code: string, status: number, message: string, actions: string[] = []) {
    super(message, 'RipeApiError', actions, 1);
    this.setData({ code, status });
  }
}

export class RipeApi {
  private readonly options: RipeApiOptions;
  private readonly base: string;
  private readonly fetch: typeof fetch;

  // No parameter property: Node runs this file by stripping its types, which cannot rewrite one.
  public constructor(options: RipeApiOptions) {
    this.options = options;
    this.base = `${options.url.replace(/\/+$/, '')}/v1/orgs/${encodeURIComponent(options.orgId)}`;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  public org(): Promise<RipeOrg> {
    return this.call('GET', '');
  }

  /** The org's CRM connection; null when it has none. */
  public async connection(): Promise<RipeConnection | null> {
    try {
      return await this.call<RipeConnection>('GET', '/connection');
    } catch (error) {
      if (error instanceof RipeApiError && error.data?.code === 'not_found') return null;
      throw error;
    }
  }

  /** Starts connecting the org's Salesforce: the consent screen's URL, valid 10 minutes (an admin's key). */
  public authorize(): Promise<{ url: string; expiresAt: string }> {
    return this.call('POST', '/connections/salesforce/authorize');
  }

  public settings(): Promise<RipeSettings> {
    return this.call('GET', '/settings');
  }

  public startRun(body: { dryRun: boolean; asOf?: string }): Promise<QueuedRun> {
    return this.call('POST', '/runs', body);
  }

  public run(runId: string): Promise<RipeRun> {
    return this.call('GET', `/runs/${encodeURIComponent(runId)}`);
  }

  public runs(limit: number): Promise<RipeRun[]> {
    return this.call('GET', `/runs?limit=${limit}`);
  }

  public runErrors(runId: string, limit: number): Promise<RipeRunError[]> {
    return this.call('GET', `/runs/${encodeURIComponent(runId)}/errors?limit=${limit}`);
  }

  /** The run's shortlist: ready, then nurture, by expected value. */
  public runTop(runId: string, limit: number): Promise<Verdict[]> {
    return this.call('GET', `/runs/${encodeURIComponent(runId)}/top?limit=${limit}`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = `${this.base}${path}`;
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new RipeApiError(
        'unreachable',
        0,
        `Ripe's backend at ${this.options.url} cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
        ['Check --api-url (or RIPE_API_URL) and that the backend is running.'],
      );
    }
    const text = await response.text();
    const json = parseJson(text);
    if (response.ok) return json as T;
    const refusal = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    const code = refusal?.code ?? `http_${response.status}`;
    throw new RipeApiError(
      code,
      response.status,
      `Ripe refused ${method} ${path || '/'}: ${refusal?.message ?? response.statusText}`,
      actionsFor(response.status),
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function actionsFor(status: number): string[] {
  if (status === 401)
    return [
      'Set RIPE_API_KEY to an API key of the Ripe org (ripe keys create --org <id>, or POST /v1/orgs/{orgId}/api-keys).',
    ];
  if (status === 403) return ['Use an admin API key of the Ripe org: this one cannot do that.'];
  if (status === 404) return ['Check --ripe-org (or RIPE_ORG_ID): the id of the org in Ripe.'];
  return [];
}
