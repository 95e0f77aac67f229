// Every HubSpot call of a connector goes through here: the access token from the token store, the portal's
// limiter, the official client (base path pointed at the instance, its own retries off), counting, and the
// retry decision. A call answers a Result; nothing thrown by the client escapes. Beside the count, the read
// floor: the callers say what each read needed, so a night's reads can be compared with the fewest possible.
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from '@hubspot/api-client';
import { err, ok, type Result } from '../../../resilience/result.ts';
import type { ResponseHeaders } from '../../../resilience/server-wait.ts';
import { createCallCounter } from '../../call-counter.ts';
import type { TokenStore } from '../../connections/token-store.ts';
import type { ApiCallCount, ConnectorError } from '../../crm-connector.ts';
import { createReadFloor, type HubSpotReadFloor } from '../pull/read-floor.ts';
import { decideFailure, type HubSpotFailure } from './hubspot-failure.ts';
import { portalLimiter, type PortalLimits } from './portal-limiter.ts';

/** What a call is, for the counter (`search`, `batch_read`, `associations` …) and the retry decision. */
export interface CallSpec {
  kind: string;
  direction: 'read' | 'write';
  search?: boolean;
}

export interface TransportOptions {
  baseUrl: string;
  tokens: TokenStore;
  /** The portal id, when known: the limiter is shared per portal. */
  portalId?: string;
  limits?: PortalLimits;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface HubSpotTransport {
  call<T>(
    spec: CallSpec,
    run: (client: Client) => Promise<{ data: T; headers: Record<string, string> }>,
  ): Promise<Result<T, ConnectorError>>;
  calls(): ApiCallCount;
  /** What the reads needed, in full pages and batches (see read-floor.ts). */
  floor: HubSpotReadFloor;
  /** The headers of the last answer (rate-limit headers), null before any. */
  lastHeaders(): ResponseHeaders | null;
  /** Whether a call met the daily limit. */
  dailyLimitMet(): boolean;
}

function failureOf(thrown: unknown): HubSpotFailure {
  const error = thrown as { code?: unknown; body?: unknown; headers?: unknown; cause?: { code?: unknown } };
  if (typeof error.code === 'number') {
    return { status: error.code, body: error.body, headers: lowerCased(error.headers) };
  }
  const code = typeof error.code === 'string' ? error.code : error.cause?.code;
  return { errorCode: typeof code === 'string' ? code : 'no response' };
}

function lowerCased(headers: unknown): ResponseHeaders {
  if (typeof headers !== 'object' || headers === null) return {};
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
}

export function createHubSpotTransport(options: TransportOptions): HubSpotTransport {
  const counter = createCallCounter();
  const limiter = portalLimiter(`${options.baseUrl}|${options.portalId ?? ''}`, options.limits);
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let client: { token: string; client: Client } | undefined;
  let headers: ResponseHeaders | null = null;
  let dailyMet = false;

  const clientFor = (token: string): Client => {
    if (client?.token !== token) {
      client = {
        token,
        client: new Client({ accessToken: token, basePath: options.baseUrl, numberOfApiCallRetries: 0 }),
      };
    }
    return client.client;
  };

  return {
    async call(spec, run) {
      for (let attempt = 1; ; attempt += 1) {
        const token = await options.tokens.accessToken();
        if (!token.ok) return token;
        counter.count(spec.direction, spec.kind);
        try {
          const answer = await limiter.schedule(spec.search ?? false, () =>
            run(clientFor(token.value.reveal())),
          );
          headers = lowerCased(answer.headers);
          return ok(answer.data);
        } catch (thrown) {
          const failure = failureOf(thrown);
          if (failure.headers) headers = failure.headers;
          const decision = decideFailure(failure, attempt, spec.direction === 'read', now(), random());
          if (decision.retry) {
            await sleep(decision.waitMs);
            continue;
          }
          if (decision.error.code === 'daily_limit') dailyMet = true;
          // A 401 is answered as auth_expired: the caller renews the token once (`reauthenticate`), so a
          // burst of parallel 401s still makes one refresh.
          return err(decision.error);
        }
      }
    },
    calls: () => counter.calls(),
    floor: createReadFloor(),
    lastHeaders: () => headers,
    dailyLimitMet: () => dailyMet,
  };
}
