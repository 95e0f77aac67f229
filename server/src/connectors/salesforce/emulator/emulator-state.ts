import { salesforceLimits } from '../provider.ts';
import type { QueryRow } from './soql/run-query.ts';
import { salesforceId, type KeyPrefixOwner } from './salesforce-id.ts';
import { sObjectNames, type SObjectName } from './sobject-schema.ts';

/** A field value as the REST API carries it in JSON. */
export type FieldValue = string | number | boolean | null;
/** A record keyed by the fields' API names, `Id` included. */
export type SalesforceRecord = Record<string, FieldValue>;

/** An access token and when it stops working (epoch ms). */
export interface IssuedToken {
  expiresAt: number;
}

/** The org the emulator holds: records, sessions, the daily allowance. Tests read and adjust it. */
export interface EmulatorState {
  readonly tables: Readonly<Record<SObjectName, Map<string, SalesforceRecord>>>;
  readonly accessTokens: Map<string, IssuedToken>;
  readonly refreshTokens: Set<string>;
  readonly authorizationCodes: Set<string>;
  /** Query results waiting for `queryMore`, by locator id (`01g...`). */
  readonly queryCursors: Map<string, { type: string; rows: readonly QueryRow[] }>;
  apiUsage: { used: number; max: number };
  /** Requests in flight right now, and the most seen at once. */
  concurrency: { inFlight: number; peak: number };
  /** Fields the integration user has written on each record (field history of Ripe's writes). */
  readonly apiWrittenFields: Map<string, Set<string>>;
  /** REST API calls served, by `METHOD path` (query strings dropped): what a bench compares to the floor. */
  readonly callsByRoute: Map<string, number>;
  /** The user the API's tokens act as (the integration user): `LastModifiedById` of what the API writes. */
  apiUserId: string;
  /** The user the seeded records were last changed by (an admin of the org). */
  readonly adminUserId: string;
  /** The org's clock, epoch ms. */
  now(): number;
  /** A fresh id for a new record of `owner`. */
  newId(owner: KeyPrefixOwner): string;
}

export interface StateOptions {
  dailyApiRequests?: number;
  clock?: () => number;
}

export function createEmulatorState(options: StateOptions = {}): EmulatorState {
  // User 1 is the integration user the API's tokens act as: seeded users come after it.
  const counters = new Map<KeyPrefixOwner, number>([['User', 1]]);
  const tables = Object.fromEntries(sObjectNames.map((name) => [name, new Map<string, SalesforceRecord>()]));
  return {
    tables: tables as Record<SObjectName, Map<string, SalesforceRecord>>,
    accessTokens: new Map(),
    refreshTokens: new Set(),
    authorizationCodes: new Set(),
    queryCursors: new Map(),
    apiUsage: { used: 0, max: options.dailyApiRequests ?? salesforceLimits.dailyApiRequests },
    concurrency: { inFlight: 0, peak: 0 },
    callsByRoute: new Map(),
    apiWrittenFields: new Map(),
    apiUserId: salesforceId('User', 1),
    adminUserId: salesforceId('User', 999_999),
    now: options.clock ?? Date.now,
    newId(owner) {
      const next = (counters.get(owner) ?? 0) + 1;
      counters.set(owner, next);
      return salesforceId(owner, next);
    },
  };
}

/** Salesforce's datetime format in JSON: `2013-05-20T20:49:32.000+0000`. */
export function salesforceDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/**
 * A clock for an org seeded as of `asOf`: it starts the next day at 01:00 UTC (after everything seeded) and
 * moves one millisecond each time it is read, so every write gets its own stamp in order.
 */
export function orgClockAfter(asOf: string): () => number {
  let now = Date.parse(`${asOf}T00:00:00Z`) + 25 * 3_600_000;
  return () => (now += 1);
}
