import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { withOrg, type Database } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { assertDeletionConfirmed, deleteOrg } from './delete-org.ts';
import { exportOrg } from './export-org.ts';
import { discoverOrgTables, quoteIdentifier } from './org-tables.ts';
import { seededSecretValue, tableSeeders } from './testing/org-seeders.ts';
import { readArchive } from './testing/read-archive.ts';

describeOnEachBackend(process.env.DATABASE_URL, 'data rights', ({ db, newOrg }) => {
  /** An org with a row in every table that holds org data. */
  async function seededOrg(name: string): Promise<string> {
    const orgId = await newOrg(name);
    const { tables } = await discoverOrgTables(db());
    const present = new Set(tables.map((table) => table.name));
    await withOrg(db(), orgId, async (tx) => {
      const state = {};
      for (const seeder of tableSeeders) if (present.has(seeder.table)) await seeder.seed(tx, state);
    });
    return orgId;
  }

  it('finds org_id in every table but the global ones, and a seeder for each', async () => {
    const { tables, unscoped } = await discoverOrgTables(db());
    expect(unscoped).toStrictEqual([]);
    expect(tables.at(-1)?.name).toBe('orgs');
    const seeded = new Set(tableSeeders.map((seeder) => seeder.table));
    const withoutSeeder = tables
      .map((table) => table.name)
      .filter((name) => name !== 'orgs' && !seeded.has(name));
    // A new table needs a seeder in testing/org-seeders.ts, so the suite below proves it is exported and deleted.
    expect(withoutSeeder).toStrictEqual([]);
  });

  it("exports org A's rows and none of B's, then deletes A and leaves B intact", async () => {
    const [orgA, orgB] = [await seededOrg('A'), await seededOrg('B')];
    const countsA = await rowCounts(db(), orgA);
    const countsB = await rowCounts(db(), orgB);
    for (const [table, count] of Object.entries({ ...countsA, ...countsB })) {
      expect({ table, seeded: count > 0 }).toStrictEqual({ table, seeded: true });
    }

    const archive = await readArchive(await exportToBuffer(db(), orgA));
    expect(archive.manifest).toMatchObject({ format: 'ripe-org-export', orgId: orgA });
    expect(
      Object.fromEntries(archive.manifest.tables.map((table) => [table.table, table.rows])),
    ).toStrictEqual(countsA);
    for (const { table, rows } of archive.manifest.tables) {
      const lines = archive.rows(table);
      expect(lines).toHaveLength(rows);
      const orgColumn = table === 'orgs' ? 'id' : 'org_id';
      expect(lines.every((line) => line[orgColumn] === orgA)).toBe(true);
    }
    const everything = [...archive.files.values()].join('\n');
    expect(everything).not.toContain(orgB);
    // Secrets by name only; no sealed value, no key hash.
    expect(archive.rows('secrets')).toStrictEqual([
      expect.objectContaining({ name: 'salesforce.refresh_token' }),
    ]);
    expect(everything).not.toContain(seededSecretValue(orgA));
    for (const [table, column] of [
      ['secrets', 'ciphertext'],
      ['org_data_keys', 'wrapped_key'],
      ['api_keys', 'hash'],
    ] as const) {
      expect(archive.rows(table).every((row) => !(column in row))).toBe(true);
      expect(archive.manifest.tables.find((entry) => entry.table === table)?.withheld).toHaveProperty(column);
    }

    // The export is audited after the archive is assembled: it shows in the next export.
    const audited = (archive: Awaited<ReturnType<typeof readArchive>>) =>
      archive.rows('audit_log').filter((row) => row.action === 'org.exported');
    expect(audited(archive)).toStrictEqual([]);
    const next = await readArchive(await exportToBuffer(db(), orgA));
    expect(audited(next)).toStrictEqual([
      expect.objectContaining({
        actor: 'member-admin',
        details: expect.objectContaining({ tables: expect.any(Object) }),
      }),
    ]);

    const deletion = await deleteOrg(db(), orgA);
    expect(deletion.deletedRows.orgs).toBe(1);
    const left = await rowCounts(db(), orgA);
    expect(Object.values(left).every((count) => count === 0)).toBe(true);
    expect(await rowCounts(db(), orgB)).toStrictEqual(countsB);
    await expect(deleteOrg(db(), orgA)).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportToBuffer(db(), orgA)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs the org id typed again to delete', () => {
    expect(() => assertDeletionConfirmed('org-a', 'org-b')).toThrow(
      expect.objectContaining({ code: 'confirmation_mismatch' }),
    );
    expect(() => assertDeletionConfirmed('org-a', undefined)).toThrow(
      expect.objectContaining({ code: 'confirmation_mismatch' }),
    );
    expect(() => assertDeletionConfirmed('org-a', 'org-a')).not.toThrow();
  });

  it('refuses to export or delete while a table has no org_id', async () => {
    const orgId = await seededOrg('A');
    await db().exec('create table stray_notes (note text)');
    try {
      expect((await discoverOrgTables(db())).unscoped).toStrictEqual(['stray_notes']);
      await expect(exportToBuffer(db(), orgId)).rejects.toThrow(/stray_notes/);
      await expect(deleteOrg(db(), orgId)).rejects.toThrow(/stray_notes/);
    } finally {
      await db().exec('drop table stray_notes');
    }
    expect((await rowCounts(db(), orgId)).orgs).toBe(1);
  });
});

async function exportToBuffer(db: Database, orgId: string): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportOrg(db, orgId, sink, { actor: 'member-admin', batchSize: 2 });
  return Buffer.concat(chunks);
}

/** Rows of the org in every org table, read as the owner (every org visible). */
async function rowCounts(db: Database, orgId: string): Promise<Record<string, number>> {
  const { tables } = await discoverOrgTables(db);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await db.query<{ count: number }>(
      `select count(*)::int as count from ${quoteIdentifier(table.name)} where ${quoteIdentifier(table.orgColumn)} = $1`,
      [orgId],
    );
    counts[table.name] = rows[0]?.count ?? -1;
  }
  return counts;
}
