import type { OrgTransaction } from '../store/org-scope.ts';
import { firstRow } from '../store/rows.ts';
import { issueApiKey } from './api-key.ts';
import type { ApiKeyScope } from './roles.ts';

/** An API key as lists show it: never the secret, never the hash. */
export interface ApiKeyRecord {
  id: string;
  memberId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiKey {
  memberId: string;
  name: string;
  scopes: readonly ApiKeyScope[];
}

interface ApiKeyRow {
  id: string;
  member_id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

// ripe_app may not select `hash`: every statement lists the columns it returns.
const keyColumns = 'id::text, member_id::text, name, prefix, scopes, created_at, last_used_at, revoked_at';
// A key used all day is written at most once a minute.
const lastUsedResolution = '1 minute';

/** Creates a key for a member of the org; `token` is the only copy of the key there will ever be. */
export async function createApiKey(
  tx: OrgTransaction,
  key: NewApiKey,
): Promise<{ apiKey: ApiKeyRecord; token: string }> {
  const issued = issueApiKey();
  const { rows } = await tx.query<ApiKeyRow>(
    `insert into api_keys (org_id, id, member_id, name, prefix, hash, scopes)
     values ($1, $2::uuid, $3::uuid, $4, $5, $6, $7::text[])
     returning ${keyColumns}`,
    [tx.orgId, issued.keyId, key.memberId, key.name, issued.prefix, issued.hash, [...key.scopes]],
  );
  return { apiKey: toApiKey(firstRow(rows)), token: issued.token };
}

export async function listApiKeys(
  tx: OrgTransaction,
  options: { memberId?: string } = {},
): Promise<ApiKeyRecord[]> {
  const { rows } = await tx.query<ApiKeyRow>(
    `select ${keyColumns} from api_keys
     where org_id = $1 and ($2::uuid is null or member_id = $2::uuid)
     order by created_at, id`,
    [tx.orgId, options.memberId ?? null],
  );
  return rows.map(toApiKey);
}

export async function getApiKey(tx: OrgTransaction, keyId: string): Promise<ApiKeyRecord | undefined> {
  const { rows } = await tx.query<ApiKeyRow>(
    `select ${keyColumns} from api_keys where org_id = $1 and id = $2::uuid`,
    [tx.orgId, keyId],
  );
  return rows[0] ? toApiKey(rows[0]) : undefined;
}

/** Revokes a key (a second revocation keeps the first date); `undefined` when there is no such key. */
export async function revokeApiKey(tx: OrgTransaction, keyId: string): Promise<ApiKeyRecord | undefined> {
  const { rows } = await tx.query<ApiKeyRow>(
    `update api_keys set revoked_at = coalesce(revoked_at, now())
     where org_id = $1 and id = $2::uuid
     returning ${keyColumns}`,
    [tx.orgId, keyId],
  );
  return rows[0] ? toApiKey(rows[0]) : undefined;
}

/** Records that a key was just used, unless it already was within the last minute. */
export async function touchApiKey(tx: OrgTransaction, keyId: string): Promise<void> {
  await tx.query(
    `update api_keys set last_used_at = now()
     where org_id = $1 and id = $2::uuid
       and (last_used_at is null or last_used_at < now() - interval '${lastUsedResolution}')`,
    [tx.orgId, keyId],
  );
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    memberId: row.member_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
