import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { RipeError } from '@ripe/shared';
import { pack as tarPack } from 'tar-stream';
import { recordAudit, type AuditActor } from '../audit/index.ts';
import { withOrg, type Database, type Queryable } from '../store/index.ts';
import {
  assertAllScoped,
  discoverOrgTables,
  quoteIdentifier,
  withheldColumns,
  type OrgTable,
  type WithheldReason,
} from './org-tables.ts';

export interface ExportManifest {
  format: 'ripe-org-export';
  formatVersion: 1;
  orgId: string;
  exportedAt: string;
  /** One JSON Lines file per table, in the order they were read. */
  tables: ExportedTable[];
}

export interface ExportedTable {
  table: string;
  file: string;
  rows: number;
  columns: string[];
  /** Columns left out, and why: sealed secret values, or hashes the application cannot read. */
  withheld: Record<string, WithheldReason>;
}

export interface ExportOptions {
  /** Who asked: recorded as `org.exported` in the audit log. */
  actor: AuditActor;
  /** Where the tables are spooled while the archive is assembled; the system's temp folder by default. */
  tmpDir?: string;
  /** Rows read per statement. */
  batchSize?: number;
}

/** An export read from the database and spooled to disk, ready to be written as a `.tar.gz`. */
export interface AssembledExport {
  manifest: ExportManifest;
  write(destination: Writable): Promise<void>;
  /** Removes the spooled files; call it whether or not `write` ran. */
  dispose(): Promise<void>;
}

export const manifestFile = 'manifest.json';

/**
 * Everything Ripe holds for the org, as a `.tar.gz` of `manifest.json` and `tables/<table>.jsonl`,
 * written to `destination`. Secrets appear by name only. `org.exported` is recorded once the archive
 * is assembled, so it appears in the next export, not this one.
 */
export async function exportOrg(
  db: Database,
  orgId: string,
  destination: Writable,
  options: ExportOptions,
): Promise<ExportManifest> {
  const assembled = await assembleOrgExport(db, orgId, options);
  try {
    await assembled.write(destination);
    return assembled.manifest;
  } finally {
    await assembled.dispose();
  }
}

/** Reads the org's rows in one consistent snapshot into spool files (memory stays one batch). */
export async function assembleOrgExport(
  db: Database,
  orgId: string,
  options: ExportOptions,
): Promise<AssembledExport> {
  const folder = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'ripe-export-'));
  const dispose = () => rm(folder, { recursive: true, force: true });
  try {
    const exportedAt = new Date();
    const tables = await db.transaction(async (tx) => {
      // One snapshot for every table: a night writing meanwhile cannot make the files disagree.
      await tx.query('set transaction isolation level repeatable read, read only');
      await tx.query(`select set_config('ripe.org_id', $1, true)`, [orgId]);
      const { tables: orgTables, unscoped } = await discoverOrgTables(tx);
      assertAllScoped(unscoped);
      const found = await tx.query('select 1 from orgs where id = $1', [orgId]);
      if (found.rows.length === 0) throw new RipeError('not_found', `Org ${orgId} not found`);
      const exported: ExportedTable[] = [];
      for (const table of orgTables) {
        const file = join(folder, `${table.name}.jsonl`);
        const rows = await spoolTable(tx, table, orgId, file, options.batchSize ?? 1000);
        exported.push({
          table: table.name,
          file: `tables/${table.name}.jsonl`,
          rows,
          columns: table.exportedColumns,
          withheld: withheldColumns(table),
        });
      }
      return exported;
    });
    const manifest: ExportManifest = {
      format: 'ripe-org-export',
      formatVersion: 1,
      orgId,
      exportedAt: exportedAt.toISOString(),
      tables,
    };
    await withOrg(db, orgId, (tx) =>
      recordAudit(tx, {
        actor: options.actor,
        action: 'org.exported',
        details: { tables: Object.fromEntries(tables.map((table) => [table.table, table.rows])) },
      }),
    );
    return {
      manifest,
      write: (destination) => writeArchive(manifest, folder, exportedAt, destination),
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function spoolTable(
  tx: Queryable,
  table: OrgTable,
  orgId: string,
  file: string,
  batchSize: number,
): Promise<number> {
  const select = table.exportedColumns.map((column) => `t.${quoteIdentifier(column)}`).join(', ');
  // Keyset on the physical row id: works for any table, primary key or not, within the snapshot.
  const sql = `select t.ctid::text as ctid, (select to_jsonb(r) from (select ${select}) r)::text as line
     from ${quoteIdentifier(table.name)} t
     where t.${quoteIdentifier(table.orgColumn)} = $1 and t.ctid > $2::tid
     order by t.ctid
     limit $3`;
  const handle = await open(file, 'w');
  let rows = 0;
  try {
    let after = '(0,0)';
    for (;;) {
      const batch = await tx.query<{ ctid: string; line: string }>(sql, [orgId, after, batchSize]);
      if (batch.rows.length === 0) break;
      await handle.write(batch.rows.map((row) => `${row.line}\n`).join(''));
      rows += batch.rows.length;
      after = batch.rows.at(-1)?.ctid ?? after;
      if (batch.rows.length < batchSize) break;
    }
  } finally {
    await handle.close();
  }
  return rows;
}

async function writeArchive(
  manifest: ExportManifest,
  folder: string,
  mtime: Date,
  destination: Writable,
): Promise<void> {
  const archive = tarPack();
  const written = pipeline(archive, createGzip(), destination);
  // Observed at the end; without this an early failure would be an unhandled rejection.
  written.catch(() => {});
  try {
    archive.entry({ name: manifestFile, mtime }, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const table of manifest.tables) {
      const path = join(folder, `${table.table}.jsonl`);
      const { size } = await stat(path);
      await pipeline(createReadStream(path), archive.entry({ name: table.file, size, mtime }));
    }
    archive.finalize();
  } catch (error) {
    archive.destroy(error instanceof Error ? error : new Error(String(error)));
  }
  await written;
}
