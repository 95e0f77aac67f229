import { isRipeError, type RipeErrorCode } from '@ripe/shared';
import { withOrg, type Database, type OrgTransaction } from '../store/index.ts';
import {
  addDataKeyVersion,
  dataKeyVersion,
  latestDataKeyVersion,
  retireUnusedDataKeys,
  rewrapDataKeys,
  type DataKey,
} from './data-keys.repository.ts';
import type { MasterKeyring } from './master-keyring.ts';
import { openSecret, sealSecret, type SealedSecretRow } from './secrets.repository.ts';

export interface DataKeyRotationReport {
  orgId: string;
  /** The version every secret is sealed with now. */
  dataKeyVersion: number;
  /** False when an interrupted rotation was finished instead of starting a new one. */
  newVersion: boolean;
  reEncrypted: number;
  retiredVersions: number[];
}

export interface DataKeyRotationOptions {
  /** Secrets re-encrypted per transaction: readers and writers wait for one batch at most. */
  batchSize?: number;
  /** Called after each committed batch (progress, tests). */
  onBatch?: (progress: { reEncrypted: number }) => Promise<void> | void;
}

/**
 * Rotates one org's data key without downtime: a new version becomes active for writes, then the
 * secrets are re-encrypted batch by batch, each in its own transaction, while readers open every
 * secret with the version its row names. Old versions are retired once no secret uses them. If a
 * rotation was interrupted, running it again finishes it.
 */
export async function rotateDataKey(
  db: Database,
  keyring: MasterKeyring,
  orgId: string,
  options: DataKeyRotationOptions = {},
): Promise<DataKeyRotationReport> {
  const batchSize = options.batchSize ?? 100;
  const { target, newVersion } = await withOrg(db, orgId, async (tx) => {
    // One rotation of an org at a time; a second one waits, then finishes toward the same version.
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`ripe.data_key:${orgId}`]);
    const latest = await latestDataKeyVersion(tx);
    if (latest !== undefined && (await hasSecretsOutside(tx, latest))) {
      return { target: latest, newVersion: false };
    }
    return { target: await addDataKeyVersion(tx, keyring), newVersion: true };
  });
  let reEncrypted = 0;
  for (;;) {
    const batch = await withOrg(db, orgId, (tx) => reEncryptBatch(tx, keyring, target, batchSize));
    if (batch === 0) break;
    reEncrypted += batch;
    await options.onBatch?.({ reEncrypted });
  }
  const retiredVersions = await withOrg(db, orgId, (tx) => retireUnusedDataKeys(tx, target));
  return { orgId, dataKeyVersion: target, newVersion, reEncrypted, retiredVersions };
}

export interface MasterKeyRotationReport {
  activeMasterKeyId: string;
  /** Orgs that had a data key wrapped by another master key. */
  orgs: number;
  rewrappedDataKeys: number;
  /** Orgs left as they were: one broken org does not stop the others' rotation. */
  failed: { orgId: string; code: RipeErrorCode }[];
}

/**
 * Re-wraps every org's data keys with the active master key, one org per transaction. The data keys
 * do not change, so no secret is re-encrypted; readers holding both master keys read throughout.
 */
export async function rotateMasterKey(
  db: Database,
  keyring: MasterKeyring,
  options: { onOrg?: (orgId: string, rewrapped: number) => Promise<void> | void } = {},
): Promise<MasterKeyRotationReport> {
  const orgIds = await orgsWithDataKeysNotWrappedBy(db, keyring.activeKeyId);
  let rewrappedDataKeys = 0;
  const failed: MasterKeyRotationReport['failed'] = [];
  for (const orgId of orgIds) {
    let rewrapped: number;
    try {
      rewrapped = await withOrg(db, orgId, (tx) => rewrapDataKeys(tx, keyring));
    } catch (error) {
      if (!isRipeError(error)) throw error;
      failed.push({ orgId, code: error.code });
      continue;
    }
    rewrappedDataKeys += rewrapped;
    await options.onOrg?.(orgId, rewrapped);
  }
  return { activeMasterKeyId: keyring.activeKeyId, orgs: orgIds.length, rewrappedDataKeys, failed };
}

/** Data keys per master key id: a master key no data key names can leave the keyring. */
export async function masterKeyUsage(db: Database): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('ripe.key_maintenance', 'on', true)`);
    const { rows } = await tx.query<{ master_key_id: string; data_keys: number }>(
      `select master_key_id, count(*)::int as data_keys from org_data_keys group by master_key_id order by 1`,
    );
    return Object.fromEntries(rows.map((row) => [row.master_key_id, row.data_keys]));
  });
}

async function orgsWithDataKeysNotWrappedBy(db: Database, masterKeyId: string): Promise<string[]> {
  // The owner connection, with the maintenance policy of migration 0003: the only cross-org read.
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('ripe.key_maintenance', 'on', true)`);
    const { rows } = await tx.query<{ org_id: string }>(
      `select distinct org_id from org_data_keys where master_key_id <> $1 order by org_id`,
      [masterKeyId],
    );
    return rows.map((row) => row.org_id);
  });
}

async function hasSecretsOutside(tx: OrgTransaction, version: number): Promise<boolean> {
  const { rows } = await tx.query(
    `select 1 from secrets where org_id = $1 and data_key_version <> $2 limit 1`,
    [tx.orgId, version],
  );
  return rows.length > 0;
}

async function reEncryptBatch(
  tx: OrgTransaction,
  keyring: MasterKeyring,
  target: number,
  batchSize: number,
): Promise<number> {
  const { rows } = await tx.query<SealedSecretRow>(
    `select name, ciphertext, data_key_version from secrets
     where org_id = $1 and data_key_version <> $2
     order by name
     limit $3
     for update`,
    [tx.orgId, target, batchSize],
  );
  if (rows.length === 0) return 0;
  const keys = new Map<number, DataKey>();
  const keyFor = async (version: number): Promise<DataKey> => {
    const cached = keys.get(version) ?? (await dataKeyVersion(tx, keyring, version));
    keys.set(version, cached);
    return cached;
  };
  const targetKey = await keyFor(target);
  for (const row of rows) {
    const plaintext = openSecret(tx.orgId, row, await keyFor(row.data_key_version));
    // The value did not change: updated_at stays the time it was last set.
    await tx.query(
      `update secrets set ciphertext = $3, data_key_version = $4 where org_id = $1 and name = $2`,
      [tx.orgId, row.name, sealSecret(tx.orgId, row.name, targetKey, plaintext), target],
    );
  }
  return rows.length;
}
