import type { Command } from 'commander';
import { formatFieldIssue, type FieldIssue, type Verdict } from '@ripe/shared';
import { readSnapshotFile } from '../../night/file-source.ts';
import { runNight } from '../../night/run-night.ts';
import { createProgress } from '../progress.ts';

interface ScoreOptions {
  input: string;
  json?: boolean;
}

/** `ripe score --input FILE.json`: canonical snapshots in, verdicts out as JSON on stdout. */
export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score the accounts of a snapshot file (the import format) and print the verdicts as JSON')
    .requiredOption(
      '--input <file>',
      'snapshot file in the import format (see docs/import-format.schema.json)',
    )
    .option('--json', 'machine-readable output (the default for this command)')
    .action(async (options: ScoreOptions) => {
      const file = await readSnapshotFile(options.input);
      const verdicts: Verdict[] = [];
      const issues: FieldIssue[] = [...file.issues];
      const summary = await runNight({
        source: file.source,
        asOf: file.asOf,
        config: file.config,
        progress: createProgress({ quiet: true }),
        sink: {
          async saveBatch(batch, batchIssues) {
            verdicts.push(...batch);
            issues.push(...batchIssues);
          },
        },
      });
      // Invalid records are reported on stderr as one line each and in the JSON; the valid ones are scored.
      for (const issue of issues) console.error(`ripe: skipped ${formatFieldIssue(issue)}`);
      process.stdout.write(
        `${JSON.stringify({ orgId: summary.orgId, asOf: summary.asOf, scored: summary.scored, invalid: summary.invalid + file.rejected, issues, verdicts }, null, 2)}\n`,
      );
    });
}
