import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Command } from 'commander';
import { loadConfig } from '../../config/env.ts';
import { assertDeletionConfirmed, deleteOrg, exportOrg } from '../../data-rights/index.ts';
import { renderTable } from '../format.ts';
import { checkOutputFile } from '../output-file.ts';
import { withCliDatabase } from './cli-database.ts';

/**
 * `ripe org export --org ID --out FILE` and `ripe org delete --org ID --confirm ID`, added to the
 * `org` command (created here when it does not exist yet).
 */
export function registerOrgDataRights(program: Command): void {
  const org =
    program.commands.find((command) => command.name() === 'org') ??
    program.command('org').description('manage orgs');
  org
    .command('export')
    .description('write everything Ripe holds for an org to a .tar.gz (one JSON Lines file per table)')
    .requiredOption('--org <id>', 'the org')
    .option('--out <file>', 'the archive to write (default ripe-export-<org>.tar.gz)')
    .option('--json', 'machine-readable output')
    .action(async (options: { org: string; out?: string; json?: boolean }) => {
      const path = await checkOutputFile(
        options.out ?? `ripe-export-${options.org.replaceAll(/[^A-Za-z0-9_-]/g, '_')}.tar.gz`,
        '--out',
      );
      // Written aside and renamed: a failed export leaves no file that looks complete.
      const partial = `${path}.partial`;
      const manifest = await withCliDatabase(loadConfig(), (db) =>
        exportOrg(db, options.org, createWriteStream(partial), { actor: 'cli' }),
      ).catch(async (error: unknown) => {
        await rm(partial, { force: true });
        throw error;
      });
      await rename(partial, path);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ path, ...manifest }, null, 2)}\n`);
        return;
      }
      console.log(
        renderTable(
          ['table', 'rows'],
          manifest.tables.map((table) => [table.table, String(table.rows)]),
        ),
      );
      console.log(`Wrote the export of org ${options.org} to ${path}`);
    });
  org
    .command('delete')
    .description('delete an org and every row of its data, in one transaction (irreversible)')
    .requiredOption('--org <id>', 'the org')
    .requiredOption('--confirm <id>', 'the org id again')
    .option('--json', 'machine-readable output')
    .action(async (options: { org: string; confirm: string; json?: boolean }) => {
      assertDeletionConfirmed(options.org, options.confirm);
      const deletion = await withCliDatabase(loadConfig(), (db) => deleteOrg(db, options.org));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(deletion, null, 2)}\n`);
        return;
      }
      const total = Object.values(deletion.deletedRows).reduce((sum, count) => sum + count, 0);
      console.log(`Deleted org ${deletion.orgId}: ${total} row(s).`);
    });
}
