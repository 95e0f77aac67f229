import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { RipeConnection, RipeRun, RipeRunError } from '../../ripe-api.ts';
import { ripeApi, ripeFlags } from '../../ripe-context.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@ripe/plugin-ripe', 'ripe.status');

export interface StatusResult {
  connection: RipeConnection | null;
  runs: RipeRun[];
  /** The per-record errors of the latest run. */
  errors: RipeRunError[];
}

export default class Status extends SfCommand<StatusResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...ripeFlags,
    limit: Flags.integer({
      summary: messages.getMessage('flags.limit.summary'),
      min: 1,
      max: 200,
      default: 5,
    }),
    errors: Flags.integer({
      summary: messages.getMessage('flags.errors.summary'),
      min: 0,
      max: 10_000,
      default: 20,
    }),
  };

  public async run(): Promise<StatusResult> {
    const { flags } = await this.parse(Status);
    const api = ripeApi(flags);
    const [connection, runs] = await Promise.all([api.connection(), api.runs(flags.limit)]);
    const latest = runs[0];
    const errors = latest && flags.errors > 0 ? await api.runErrors(latest.id, flags.errors) : [];

    this.log(
      connection
        ? messages.getMessage('info.connection', [
            connection.crm,
            connection.instance ?? '',
            connection.status,
          ])
        : messages.getMessage('info.no-connection'),
    );
    if (!latest) {
      this.log(messages.getMessage('info.no-runs'));
      return { connection, runs, errors };
    }
    this.table({ data: runs.map(runRow) });
    if (errors.length > 0) {
      this.styledHeader(messages.getMessage('info.errors', [latest.id, errors.length]));
      this.table({ data: errors.map((error) => ({ ...error })) });
    }
    return { connection, runs, errors };
  }
}

function runRow(run: RipeRun): Record<string, string | number> {
  const usage = run.apiUsage;
  return {
    started: run.startedAt,
    kind: run.dryRun ? 'dry run' : 'night',
    status: run.status,
    scored: `${run.counts.scored}/${run.counts.accounts}`,
    ready: run.counts.ready,
    errors: run.counts.errors,
    'api calls': usage ? `${usage.calls.total} (floor ${usage.floor.total})` : run.apiCalls,
    'allowance left': usage?.allowance.remaining ?? '',
    note: run.failureReason ?? (usage?.stopped ? `stopped: ${usage.stopped}` : ''),
  };
}
