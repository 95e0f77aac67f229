import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { withOrg, type Database } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { rotateDataKey, rotateMasterKey } from './key-rotation.ts';
import { createMasterKeyring, type MasterKeyring } from './master-keyring.ts';
import { createSecretsRepository } from './secrets.repository.ts';
import { scanColumnsFor, scannedColumns } from './testing/column-scan.ts';

// One set of master keys for the whole file: a master rotation re-wraps every org's data keys.
const masterKeys = { k1: randomBytes(32), k2: randomBytes(32) };
const keyringOn = (active: 'k1' | 'k2', only?: 'k1' | 'k2'): MasterKeyring =>
  createMasterKeyring(only ? { [only]: masterKeys[only] } : masterKeys, active);
const secrets = createSecretsRepository(keyringOn('k1'));
const token = () => `tok_${randomBytes(24).toString('base64url')}`;

describeOnEachBackend(process.env.DATABASE_URL, 'secrets at rest', ({ db, newOrg }) => {
  const readAll = (orgId: string, names: string[], keyring = keyringOn('k1')) =>
    withOrg(db(), orgId, async (tx) => {
      const repository = createSecretsRepository(keyring);
      return Promise.all(names.map((name) => repository.getSecret(tx, name)));
    });

  it('puts, gets, replaces, lists and deletes a secret', async () => {
    const orgId = await newOrg();
    const [first, second] = [token(), token()];
    await withOrg(db(), orgId, async (tx) => {
      await secrets.putSecret(tx, 'salesforce.refresh_token', first);
      await secrets.putSecret(tx, 'hubspot.access_token', second);
      expect(await secrets.getSecret(tx, 'salesforce.refresh_token')).toBe(first);
      await secrets.putSecret(tx, 'salesforce.refresh_token', second);
      expect(await secrets.getSecret(tx, 'salesforce.refresh_token')).toBe(second);
      expect(await secrets.listSecretNames(tx)).toStrictEqual([
        'hubspot.access_token',
        'salesforce.refresh_token',
      ]);
      expect(await secrets.deleteSecret(tx, 'hubspot.access_token')).toBe(true);
      expect(await secrets.deleteSecret(tx, 'hubspot.access_token')).toBe(false);
      expect(await secrets.getSecret(tx, 'hubspot.access_token')).toBeUndefined();
    });
    await expect(withOrg(db(), orgId, (tx) => secrets.putSecret(tx, 'Bad Name', 'x'))).rejects.toThrow(
      /secret name/,
    );
  });

  it('refuses a tampered ciphertext and a ciphertext moved to another name', async () => {
    const orgId = await newOrg();
    await withOrg(db(), orgId, async (tx) => {
      await secrets.putSecret(tx, 'webhooks.signing_secret', token());
      await secrets.putSecret(tx, 'slack.signing_secret', token());
    });
    const ciphertextOf = (name: string) =>
      withOrg(db(), orgId, async (tx) => {
        const { rows } = await tx.query<{ ciphertext: string }>(
          'select ciphertext from secrets where name = $1',
          [name],
        );
        return rows[0]?.ciphertext ?? '';
      });
    const setCiphertext = (name: string, ciphertext: string) =>
      withOrg(db(), orgId, (tx) =>
        tx.query('update secrets set ciphertext = $2 where name = $1', [name, ciphertext]),
      );
    const original = await ciphertextOf('webhooks.signing_secret');
    // One character of the ciphertext part changed.
    const last = original.at(-2) === 'A' ? 'B' : 'A';
    await setCiphertext('webhooks.signing_secret', `${original.slice(0, -2)}${last}${original.slice(-1)}`);
    await expect(
      withOrg(db(), orgId, (tx) => secrets.getSecret(tx, 'webhooks.signing_secret')),
    ).rejects.toMatchObject({ code: 'decryption_failed' });
    await setCiphertext('slack.signing_secret', original);
    await expect(
      withOrg(db(), orgId, (tx) => secrets.getSecret(tx, 'slack.signing_secret')),
    ).rejects.toMatchObject({ code: 'decryption_failed' });
  });

  it("refuses org A's data key and secret copied into org B", async () => {
    const [orgA, orgB] = [await newOrg('A'), await newOrg('B')];
    await withOrg(db(), orgA, (tx) => secrets.putSecret(tx, 'salesforce.refresh_token', token()));
    const rows = await withOrg(db(), orgA, async (tx) => ({
      key: (await tx.query('select key_version, master_key_id, wrapped_key from org_data_keys')).rows[0],
      secret: (await tx.query('select name, ciphertext, data_key_version from secrets')).rows[0],
    }));
    await withOrg(db(), orgB, async (tx) => {
      await tx.query(
        `insert into org_data_keys (org_id, key_version, master_key_id, wrapped_key)
         select $1, key_version, master_key_id, wrapped_key from jsonb_populate_record(null::org_data_keys, $2)`,
        [orgB, JSON.stringify(rows.key)],
      );
      await tx.query(
        `insert into secrets (org_id, name, ciphertext, data_key_version)
         select $1, name, ciphertext, data_key_version from jsonb_populate_record(null::secrets, $2)`,
        [orgB, JSON.stringify(rows.secret)],
      );
    });
    await expect(
      withOrg(db(), orgB, (tx) => secrets.getSecret(tx, 'salesforce.refresh_token')),
    ).rejects.toMatchObject({ code: 'decryption_failed' });
  });

  it('rotates a data key in batches while every secret stays readable', async () => {
    const orgId = await newOrg();
    const names = Array.from({ length: 7 }, (_, index) => `api.secret_${index}`);
    const values = names.map(() => token());
    await withOrg(db(), orgId, async (tx) => {
      for (const [index, name] of names.entries()) await secrets.putSecret(tx, name, values[index] ?? '');
    });
    const versionsSeen: Record<string, number>[] = [];
    const report = await rotateDataKey(db(), keyringOn('k1'), orgId, {
      batchSize: 3,
      onBatch: async () => {
        expect(await readAll(orgId, names)).toStrictEqual(values);
        versionsSeen.push(await versionCounts(db(), orgId));
        // A write during the rotation uses the new version.
        await withOrg(db(), orgId, (tx) => secrets.putSecret(tx, 'api.written_during', 'late'));
      },
    });
    expect(versionsSeen[0]).toStrictEqual({ 1: 4, 2: 3 });
    expect(report).toStrictEqual({
      orgId,
      dataKeyVersion: 2,
      newVersion: true,
      reEncrypted: 7,
      retiredVersions: [1],
    });
    expect(await versionCounts(db(), orgId)).toStrictEqual({ 2: 8 });
    expect(await readAll(orgId, names)).toStrictEqual(values);
  });

  it('rotates a data key while concurrent readers read', async () => {
    const orgId = await newOrg();
    const names = Array.from({ length: 12 }, (_, index) => `api.secret_${index}`);
    const values = names.map(() => token());
    await withOrg(db(), orgId, async (tx) => {
      for (const [index, name] of names.entries()) await secrets.putSecret(tx, name, values[index] ?? '');
    });
    const rotation = rotateDataKey(db(), keyringOn('k1'), orgId, { batchSize: 1 });
    const reads = Array.from({ length: 6 }, () => readAll(orgId, names));
    const [report, ...results] = await Promise.all([rotation, ...reads]);
    for (const result of results) expect(result).toStrictEqual(values);
    expect(report.reEncrypted).toBe(12);
    // Rotating again starts a third version: there is nothing left to finish.
    expect(await rotateDataKey(db(), keyringOn('k1'), orgId)).toMatchObject({
      dataKeyVersion: 3,
      newVersion: true,
      retiredVersions: [2],
    });
  });

  it('re-wraps every data key with the new master key, readable throughout', async () => {
    const [orgA, orgB] = [await newOrg('A'), await newOrg('B')];
    const [valueA, valueB] = [token(), token()];
    await withOrg(db(), orgA, (tx) => secrets.putSecret(tx, 'salesforce.refresh_token', valueA));
    await withOrg(db(), orgB, (tx) => secrets.putSecret(tx, 'salesforce.refresh_token', valueB));
    await rotateDataKey(db(), keyringOn('k1'), orgB);
    const readBoth = (keyring: MasterKeyring) =>
      Promise.all([orgA, orgB].map((org) => readAll(org, ['salesforce.refresh_token'], keyring)));
    // Without the old master key nothing can be read yet.
    await expect(readBoth(keyringOn('k2', 'k2'))).rejects.toMatchObject({ code: 'master_key_unknown' });
    const wrappedBy: string[][] = [];
    const report = await rotateMasterKey(db(), keyringOn('k2'), {
      onOrg: async (orgId) => {
        if (orgId !== orgA && orgId !== orgB) return;
        wrappedBy.push([...(await masterKeyIds(db(), orgA)), ...(await masterKeyIds(db(), orgB))].sort());
        expect(await readBoth(keyringOn('k1'))).toStrictEqual([[valueA], [valueB]]);
      },
    });
    // Midway one org's keys were wrapped by k1, the other's by k2, and both read.
    expect(wrappedBy).toStrictEqual([expect.arrayContaining(['k1', 'k2']), ['k2', 'k2', 'k2']]);
    expect(report.rewrappedDataKeys).toBeGreaterThanOrEqual(3);
    // An org whose data key cannot be unwrapped (the copy of the test above) is reported, not fatal.
    expect(report.failed.map((failure) => failure.orgId)).not.toContain(orgA);
    expect(report.failed.every((failure) => failure.code === 'decryption_failed')).toBe(true);
    // Only the new master key is needed now, and the data keys (hence the secrets) did not change.
    expect(await readBoth(keyringOn('k2', 'k2'))).toStrictEqual([[valueA], [valueB]]);
    expect(await rotateMasterKey(db(), keyringOn('k2'))).toMatchObject({ rewrappedDataKeys: 0 });
    // Back to k1 for the other tests of this file.
    await rotateMasterKey(db(), keyringOn('k1'));
  });

  it('leaves the plaintext, its base64 and its hex in no column of any table', async () => {
    const orgId = await newOrg();
    const value = token();
    await withOrg(db(), orgId, (tx) => secrets.putSecret(tx, 'salesforce.refresh_token', value));
    await rotateDataKey(db(), keyringOn('k1'), orgId);
    expect(await scanColumnsFor(db(), value)).toStrictEqual([]);
    expect(await scannedColumns(db())).toEqual(
      expect.arrayContaining(['secrets.ciphertext', 'org_data_keys.wrapped_key', 'orgs.name']),
    );
    // The scan does find a value where one was left in clear (here an org's name) and its encodings.
    const control = token();
    await withOrg(db(), await newOrg(), (tx) =>
      tx.query('update orgs set name = $1, config = $2::jsonb', [
        control,
        JSON.stringify({ b64: Buffer.from(control).toString('base64') }),
      ]),
    );
    expect(await scanColumnsFor(db(), control)).toStrictEqual([
      { table: 'orgs', column: 'config', rows: 1 },
      { table: 'orgs', column: 'name', rows: 1 },
    ]);
  });
});

async function versionCounts(db: Database, orgId: string): Promise<Record<string, number>> {
  return withOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<{ data_key_version: number; count: number }>(
      'select data_key_version, count(*)::int as count from secrets group by 1 order by 1',
    );
    return Object.fromEntries(rows.map((row) => [row.data_key_version, row.count]));
  });
}

async function masterKeyIds(db: Database, orgId: string): Promise<string[]> {
  return withOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<{ master_key_id: string }>('select master_key_id from org_data_keys');
    return rows.map((row) => row.master_key_id);
  });
}
