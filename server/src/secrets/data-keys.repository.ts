import { randomBytes } from 'node:crypto';
import { RipeError } from '@ripe/shared';
import type { OrgTransaction } from '../store/index.ts';
import { open, readSealedHeader, seal } from './envelope.crypto.ts';
import { activeMasterKey, masterKey, type MasterKeyring } from './master-keyring.ts';

/** One version of an org's data key, unwrapped: held only for the statement that needs it. */
export interface DataKey {
  version: number;
  key: Buffer;
}

interface DataKeyRow {
  key_version: number;
  master_key_id: string;
  wrapped_key: string;
}

const dataKeyBytes = 32;

/** The version new secrets are sealed with; the org's first data key is created on first use. */
export async function activeDataKey(tx: OrgTransaction, keyring: MasterKeyring): Promise<DataKey> {
  const row = (await latestDataKeyRow(tx)) ?? (await createFirstDataKey(tx, keyring));
  return unwrap(tx.orgId, keyring, row);
}

export async function dataKeyVersion(
  tx: OrgTransaction,
  keyring: MasterKeyring,
  version: number,
): Promise<DataKey> {
  const { rows } = await tx.query<DataKeyRow>(
    `select key_version, master_key_id, wrapped_key from org_data_keys
     where org_id = $1 and key_version = $2`,
    [tx.orgId, version],
  );
  if (!rows[0]) throw new RipeError('decryption_failed', `Data key version ${version} does not exist`);
  return unwrap(tx.orgId, keyring, rows[0]);
}

export async function latestDataKeyVersion(tx: OrgTransaction): Promise<number | undefined> {
  return (await latestDataKeyRow(tx))?.key_version;
}

/** Adds the next version, wrapped by the active master key; it becomes the active one. */
export async function addDataKeyVersion(tx: OrgTransaction, keyring: MasterKeyring): Promise<number> {
  const version = ((await latestDataKeyVersion(tx)) ?? 0) + 1;
  await insertDataKey(tx, keyring, version);
  return version;
}

/** Re-wraps this org's data keys that another master key wrapped; the data keys stay the same. */
export async function rewrapDataKeys(tx: OrgTransaction, keyring: MasterKeyring): Promise<number> {
  const active = activeMasterKey(keyring);
  const { rows } = await tx.query<DataKeyRow>(
    `select key_version, master_key_id, wrapped_key from org_data_keys
     where org_id = $1 and master_key_id <> $2
     order by key_version
     for update`,
    [tx.orgId, active.id],
  );
  for (const row of rows) {
    const { key } = unwrap(tx.orgId, keyring, row);
    await tx.query(
      `update org_data_keys set master_key_id = $3, wrapped_key = $4 where org_id = $1 and key_version = $2`,
      [tx.orgId, row.key_version, active.id, wrapKey(tx.orgId, row.key_version, active, key)],
    );
  }
  return rows.length;
}

/** Marks retired the versions older than `latest` that no secret uses any more. */
export async function retireUnusedDataKeys(tx: OrgTransaction, latest: number): Promise<number[]> {
  const { rows } = await tx.query<{ key_version: number }>(
    `update org_data_keys k set retired_at = now()
     where k.org_id = $1 and k.key_version < $2 and k.retired_at is null
       and not exists (
         select 1 from secrets s where s.org_id = k.org_id and s.data_key_version = k.key_version
       )
     returning k.key_version`,
    [tx.orgId, latest],
  );
  return rows.map((row) => row.key_version).sort((a, b) => a - b);
}

async function latestDataKeyRow(tx: OrgTransaction): Promise<DataKeyRow | undefined> {
  const { rows } = await tx.query<DataKeyRow>(
    `select key_version, master_key_id, wrapped_key from org_data_keys
     where org_id = $1 and retired_at is null
     order by key_version desc
     limit 1`,
    [tx.orgId],
  );
  return rows[0];
}

async function createFirstDataKey(tx: OrgTransaction, keyring: MasterKeyring): Promise<DataKeyRow> {
  // Two first writes of the same org may race on a server: the loser reads the winner's key.
  await insertDataKey(tx, keyring, 1);
  const row = await latestDataKeyRow(tx);
  if (!row) throw new Error(`No data key for org ${tx.orgId} after creating one`);
  return row;
}

async function insertDataKey(tx: OrgTransaction, keyring: MasterKeyring, version: number): Promise<void> {
  const active = activeMasterKey(keyring);
  const wrapped = wrapKey(tx.orgId, version, active, randomBytes(dataKeyBytes));
  await tx.query(
    `insert into org_data_keys (org_id, key_version, master_key_id, wrapped_key)
     values ($1, $2, $3, $4)
     on conflict (org_id, key_version) do nothing`,
    [tx.orgId, version, active.id, wrapped],
  );
}

function wrapKey(orgId: string, version: number, master: { id: string; key: Buffer }, key: Buffer): string {
  return seal(master.key, master.id, key, dataKeyContext(orgId, version));
}

function unwrap(orgId: string, keyring: MasterKeyring, row: DataKeyRow): DataKey {
  const { keyId } = readSealedHeader(row.wrapped_key);
  const key = open(masterKey(keyring, keyId), row.wrapped_key, dataKeyContext(orgId, row.key_version));
  return { version: row.key_version, key };
}

function dataKeyContext(orgId: string, version: number): string {
  return `data-key:${orgId}:${version}`;
}
