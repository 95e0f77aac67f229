import { RipeError } from '@ripe/shared';
import type { OrgTransaction } from '../store/index.ts';
import { activeDataKey, dataKeyVersion, type DataKey } from './data-keys.repository.ts';
import { open, readSealedHeader, seal } from './envelope.crypto.ts';
import type { MasterKeyring } from './master-keyring.ts';

/** The org's secrets (OAuth tokens, API and webhook secrets), sealed by the org's data key. */
export interface SecretsRepository {
  /** Creates or replaces the secret, sealed with the org's active data key. */
  putSecret(tx: OrgTransaction, name: string, plaintext: string): Promise<void>;
  getSecret(tx: OrgTransaction, name: string): Promise<string | undefined>;
  /** True when there was a secret to delete. */
  deleteSecret(tx: OrgTransaction, name: string): Promise<boolean>;
  listSecretNames(tx: OrgTransaction): Promise<string[]>;
}

export interface SealedSecretRow {
  name: string;
  ciphertext: string;
  data_key_version: number;
}

export const secretNamePattern = /^[a-z0-9][a-z0-9_.:-]{0,199}$/;

export function createSecretsRepository(keyring: MasterKeyring): SecretsRepository {
  return {
    putSecret: async (tx, name, plaintext) => {
      checkSecretName(name);
      const dataKey = await activeDataKey(tx, keyring);
      await tx.query(
        `insert into secrets (org_id, name, ciphertext, data_key_version) values ($1, $2, $3, $4)
         on conflict (org_id, name) do update set
           ciphertext = excluded.ciphertext,
           data_key_version = excluded.data_key_version,
           updated_at = now()`,
        [tx.orgId, name, sealSecret(tx.orgId, name, dataKey, plaintext), dataKey.version],
      );
    },
    getSecret: async (tx, name) => {
      checkSecretName(name);
      const { rows } = await tx.query<SealedSecretRow>(
        `select name, ciphertext, data_key_version from secrets where org_id = $1 and name = $2`,
        [tx.orgId, name],
      );
      const row = rows[0];
      if (!row) return undefined;
      return openSecret(tx.orgId, row, await dataKeyVersion(tx, keyring, row.data_key_version));
    },
    deleteSecret: async (tx, name) => {
      checkSecretName(name);
      const { rowCount } = await tx.query(`delete from secrets where org_id = $1 and name = $2`, [
        tx.orgId,
        name,
      ]);
      return rowCount > 0;
    },
    listSecretNames: async (tx) => {
      const { rows } = await tx.query<{ name: string }>(
        `select name from secrets where org_id = $1 order by name`,
        [tx.orgId],
      );
      return rows.map((row) => row.name);
    },
  };
}

export interface SecretEntry {
  name: string;
  /** The data key version it is sealed with: older ones show a rotation in progress. */
  dataKeyVersion: number;
  updatedAt: Date;
}

/** The org's secrets without their values: what an admin may see. */
export async function listSecretEntries(tx: OrgTransaction): Promise<SecretEntry[]> {
  const { rows } = await tx.query<{ name: string; data_key_version: number; updated_at: Date }>(
    `select name, data_key_version, updated_at from secrets where org_id = $1 order by name`,
    [tx.orgId],
  );
  return rows.map((row) => ({
    name: row.name,
    dataKeyVersion: row.data_key_version,
    updatedAt: row.updated_at,
  }));
}

export function sealSecret(orgId: string, name: string, dataKey: DataKey, plaintext: string): string {
  return seal(
    dataKey.key,
    String(dataKey.version),
    Buffer.from(plaintext, 'utf8'),
    secretContext(orgId, name),
  );
}

export function openSecret(orgId: string, row: SealedSecretRow, dataKey: DataKey): string {
  // The header is authenticated too: a row whose version column disagrees with it was tampered with.
  if (readSealedHeader(row.ciphertext).keyId !== String(row.data_key_version)) {
    throw new RipeError('decryption_failed', `Secret ${row.name} names another data key version`);
  }
  return open(dataKey.key, row.ciphertext, secretContext(orgId, row.name)).toString('utf8');
}

function secretContext(orgId: string, name: string): string {
  return `secret:${orgId}:${name}`;
}

// Names come from code (`salesforce.refresh_token`), never from a user: a bad one is a programmer error.
function checkSecretName(name: string): void {
  if (!secretNamePattern.test(name)) {
    throw new Error(
      'A secret name has 1 to 200 characters a-z 0-9 _ . : - and starts with a letter or digit',
    );
  }
}
