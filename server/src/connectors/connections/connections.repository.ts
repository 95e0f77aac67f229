import { RipeError, toFieldIssues } from '@ripe/shared';
import { z } from 'zod';
import { secret, type Secret } from '../../config/secret.ts';
import type { SecretsRepository } from '../../secrets/secrets.repository.ts';
import type { OrgTransaction } from '../../store/org-scope.ts';
import type { CrmKind } from '../../store/orgs.repository.ts';
import type { TokenSet } from '../connector-auth.ts';
import type { SyncCursor } from '../crm-connector.ts';
import {
  connectionSettingsSchema,
  type ConnectionSettings,
  type ConnectionSettingsInput,
} from './connection-settings.schema.ts';

export type ConnectionStatus = 'connected' | 'expired' | 'revoked' | 'error';

/** The org's connection to its CRM: never a token (those are sealed secrets, see `readTokens`). */
export type Connection = ConnectionSettings & {
  orgId: string;
  /** Salesforce instance URL, HubSpot portal id; null until authorised. */
  instance: string | null;
  scopes: string[];
  status: ConnectionStatus;
  /** Why it does not work and what to do, for an admin; null when connected. */
  statusReason: string | null;
  tokenExpiresAt: Date | null;
  connectedAt: Date | null;
  updatedAt: Date;
};

/** A status other than `connected` always says why. */
export type StatusChange =
  { status: 'connected' } | { status: Exclude<ConnectionStatus, 'connected'>; reason: string };

/** How messages for admins name each CRM. */
export const crmLabels: Record<CrmKind, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  sandbox: 'the sandbox',
};

/** The sealed secrets that hold the connection's tokens. */
export const tokenSecretNames = { access: 'crm.access_token', refresh: 'crm.refresh_token' } as const;

export interface StoredTokens {
  accessToken: Secret<string>;
  refreshToken: Secret<string> | null;
  expiresAt: Date | null;
}

interface ConnectionRow {
  org_id: string;
  crm: CrmKind;
  instance: string | null;
  settings: unknown;
  scopes: string[];
  status: ConnectionStatus;
  status_reason: string | null;
  token_expires_at: Date | null;
  connected_at: Date | null;
  updated_at: Date;
}

const columns =
  'org_id, crm, instance, settings, scopes, status, status_reason, token_expires_at, connected_at, updated_at';
const cursorSchema = z.object({ modifiedAt: z.string(), id: z.string() }).nullable();

export async function getConnection(tx: OrgTransaction): Promise<Connection | undefined> {
  const { rows } = await tx.query<ConnectionRow>(`select ${columns} from connections where org_id = $1`, [
    tx.orgId,
  ]);
  return rows[0] ? toConnection(rows[0]) : undefined;
}

/**
 * Creates the org's connection (a sandbox is connected at once; a CRM waits for an admin to authorise
 * it) or replaces its settings when given. The CRM kind is the org's: another one is a `conflict`.
 */
export async function upsertConnection(
  tx: OrgTransaction,
  input: ConnectionSettingsInput,
): Promise<Connection> {
  const parsed = connectionSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new RipeError('invalid_config', `The ${input.crm} connection settings are invalid`, {
      issues: toFieldIssues('connection', tx.orgId, parsed.error),
    });
  }
  const { crm, settings } = parsed.data;
  const waiting =
    crm === 'sandbox' ? null : `Not connected yet: an admin authorises Ripe in ${crmLabels[crm]}`;
  const { rows } = await tx.query<ConnectionRow>(
    `insert into connections (org_id, crm, settings, status, status_reason)
     values ($1, $2, $3::jsonb, $4, $5)
     on conflict (org_id) do update set
       settings = case when $6::boolean then excluded.settings else connections.settings end,
       updated_at = now()
     where connections.crm = excluded.crm
     returning ${columns}`,
    [
      tx.orgId,
      crm,
      JSON.stringify(settings),
      waiting ? 'error' : 'connected',
      waiting,
      input.settings !== undefined,
    ],
  );
  if (!rows[0]) throw new RipeError('conflict', `Org ${tx.orgId} is connected to another CRM than ${crm}`);
  return toConnection(rows[0]);
}

export async function setConnectionStatus(tx: OrgTransaction, change: StatusChange): Promise<Connection> {
  return updateConnection(tx, 'status = $2, status_reason = $3', [
    change.status,
    change.status === 'connected' ? null : change.reason,
  ]);
}

/**
 * Marks the connection connected to an instance whose tokens another holder keeps (an emulator's session in
 * `ripe serve --demo`): the instance and scopes are recorded, no token is stored.
 */
export async function recordInstance(
  tx: OrgTransaction,
  granted: { instance: string; scopes: readonly string[] },
): Promise<Connection> {
  return updateConnection(
    tx,
    `instance = $2, scopes = $3::text[], status = 'connected', status_reason = null,
     connected_at = coalesce(connected_at, now())`,
    [granted.instance, [...granted.scopes]],
  );
}

/** Seals the tokens a CRM granted and marks the connection connected; a refresh may omit its refresh token. */
export async function recordTokens(
  tx: OrgTransaction,
  secrets: SecretsRepository,
  tokens: TokenSet,
): Promise<Connection> {
  const connection = await updateConnection(
    tx,
    `instance = $2, scopes = case when cardinality($3::text[]) > 0 then $3::text[] else scopes end,
     token_expires_at = $4, status = 'connected', status_reason = null,
     connected_at = case when status = 'connected' then coalesce(connected_at, now()) else now() end,
     settings = case when $5::text is null then settings
                     else jsonb_set(settings, '{integrationUserId}', to_jsonb($5::text)) end`,
    [tokens.instance, tokens.scopes, tokens.expiresAt, tokens.userId ?? null],
  );
  await secrets.putSecret(tx, tokenSecretNames.access, tokens.accessToken.reveal());
  if (tokens.refreshToken)
    await secrets.putSecret(tx, tokenSecretNames.refresh, tokens.refreshToken.reveal());
  return connection;
}

/** The stored tokens, or undefined when the org never authorised (or revoked) its CRM. */
export async function readTokens(
  tx: OrgTransaction,
  secrets: SecretsRepository,
): Promise<StoredTokens | undefined> {
  const accessToken = await secrets.getSecret(tx, tokenSecretNames.access);
  if (accessToken === undefined) return undefined;
  const refreshToken = await secrets.getSecret(tx, tokenSecretNames.refresh);
  const { rows } = await tx.query<{ token_expires_at: Date | null }>(
    'select token_expires_at from connections where org_id = $1',
    [tx.orgId],
  );
  return {
    accessToken: secret(accessToken),
    refreshToken: refreshToken === undefined ? null : secret(refreshToken),
    expiresAt: rows[0]?.token_expires_at ?? null,
  };
}

/** Forgets the tokens and marks the connection revoked: the CRM is no longer called for this org. */
export async function revokeConnection(
  tx: OrgTransaction,
  secrets: SecretsRepository,
  reason: string,
): Promise<Connection> {
  const connection = await updateConnection(
    tx,
    `status = 'revoked', status_reason = $2, token_expires_at = null`,
    [reason],
  );
  await secrets.deleteSecret(tx, tokenSecretNames.access);
  await secrets.deleteSecret(tx, tokenSecretNames.refresh);
  return connection;
}

/** Where the sync of one CRM object stopped; null: from the beginning. */
export async function getSyncCursor(tx: OrgTransaction, object: string): Promise<SyncCursor> {
  const { rows } = await tx.query<{ cursor: unknown }>(
    'select cursor from sync_cursors where org_id = $1 and object = $2',
    [tx.orgId, object],
  );
  return rows[0] ? cursorSchema.parse(rows[0].cursor) : null;
}

export async function setSyncCursor(tx: OrgTransaction, object: string, cursor: SyncCursor): Promise<void> {
  await tx.query(
    `insert into sync_cursors (org_id, object, cursor) values ($1, $2, $3::jsonb)
     on conflict (org_id, object) do update set cursor = excluded.cursor, updated_at = now()`,
    [tx.orgId, object, cursor === null ? null : JSON.stringify(cursorSchema.parse(cursor))],
  );
}

async function updateConnection(tx: OrgTransaction, set: string, params: unknown[]): Promise<Connection> {
  const { rows } = await tx.query<ConnectionRow>(
    `update connections set ${set}, updated_at = now() where org_id = $1 returning ${columns}`,
    [tx.orgId, ...params],
  );
  if (!rows[0]) throw new RipeError('not_found', `Org ${tx.orgId} has no connection`);
  return toConnection(rows[0]);
}

function toConnection(row: ConnectionRow): Connection {
  const parsed = connectionSettingsSchema.safeParse({ crm: row.crm, settings: row.settings });
  if (!parsed.success) {
    throw new RipeError('invalid_config', `The org's ${row.crm} connection settings are invalid`, {
      issues: toFieldIssues('connection', row.org_id, parsed.error),
    });
  }
  return {
    ...parsed.data,
    orgId: row.org_id,
    instance: row.instance,
    scopes: row.scopes,
    status: row.status,
    statusReason: row.status_reason,
    tokenExpiresAt: row.token_expires_at,
    connectedAt: row.connected_at,
    updatedAt: row.updated_at,
  };
}
