import type { Command } from 'commander';
import { databaseOptions } from '../../config/database-options.ts';
import { loadConfig } from '../../config/env.ts';
import { migrate, openDatabase } from '../../store/index.ts';
import { importUsageCsv } from '../../usage/usage-csv.import.ts';
import { latestUsageDay } from '../../usage/usage-point.schema.ts';
import { positiveInt } from '../cli-error.ts';
import { createProgress } from '../progress.ts';

interface ImportUsageOptions {
  csv: string;
  org: string;
  dataDir?: string;
  batch: number;
  json?: boolean;
}

// Rejected rows printed on stderr; the JSON report holds up to a thousand.
const printedIssues = 20;

/** `ripe import usage --csv FILE --org ID`: daily usage from a CSV into the org's store. */
export function registerImport(program: Command): void {
  const command = program.command('import').description('import data into an org');
  command
    .command('usage')
    .description(
      'import daily usage from a CSV (account_id,metric,day,value[,kind,feature,premium]); ' +
        're-importing is idempotent, bad rows are reported by line and column and the others kept ' +
        '(exit code 1 when any row was rejected)',
    )
    .requiredOption('--csv <file>', 'the CSV file')
    .requiredOption('--org <id>', 'the org to import into')
    .option(
      '--data-dir <dir>',
      'embedded database folder (default: RIPE_DATA_DIR or .ripe/data; ignored when DATABASE_URL is set)',
    )
    .option('--batch <n>', 'rows per upsert', positiveInt('batch', 1, 50_000), 5_000)
    .option('--json', 'machine-readable output')
    .action(async (options: ImportUsageOptions) => {
      // The same database every other command uses: DATABASE_URL, else RIPE_DATA_DIR unless --data-dir says.
      const config = loadConfig(options.dataDir === undefined ? {} : { RIPE_DATA_DIR: options.dataDir });
      const db = await openDatabase(databaseOptions(config));
      try {
        await migrate(db);
        const report = await importUsageCsv({
          db,
          orgId: options.org,
          path: options.csv,
          latestDay: latestUsageDay(new Date()),
          batchSize: options.batch,
          progress: createProgress({ quiet: options.json }),
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          for (const issue of report.issues.slice(0, printedIssues)) {
            console.error(`ripe: row ${issue.row}, column ${issue.column}: ${issue.message}`);
          }
          if (report.rejected > printedIssues) {
            console.error(`ripe: … ${report.rejected - printedIssues} more rejected rows (see --json)`);
          }
          const seconds = report.durationMs / 1000;
          console.log(
            `Imported ${report.accepted.toLocaleString('en-US')} of ${report.rows.toLocaleString('en-US')} rows ` +
              `into ${options.org} (${report.changed.toLocaleString('en-US')} new or changed, ` +
              `${report.rejected.toLocaleString('en-US')} rejected) in ${seconds.toFixed(1)} s, ` +
              `${Math.round(report.rows / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s.`,
          );
        }
        if (report.rejected > 0) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}
