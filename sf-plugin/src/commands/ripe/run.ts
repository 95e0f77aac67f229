import type { Verdict } from '@ripe/shared';
import { Messages, SfError } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { RipeApi, RipeRun } from '../../ripe-api.ts';
import { connectionChecks, requireConnected, ripeApi, ripeFlags, targetOf } from '../../ripe-context.ts';
import { salesforceApiVersion } from '../../ripe-server.ts';
import { accountWrite, currentValues, type AccountWrite } from '../../would-write.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@ripe/plugin-ripe', 'ripe.run');

const POLL_MS = 1_000;

export interface RankedAccount extends AccountWrite {
  rank: number;
  accountId: string;
  accountName: string;
  readiness: Verdict['readiness'];
  motion: Verdict['motion'];
  currency: string;
  potential: number;
  expectedValue: number;
  probability: number;
  window: Verdict['window'];
}

export interface RunResult {
  run: RipeRun;
  accounts: RankedAccount[];
}

export default class Run extends SfCommand<RunResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    ...ripeFlags,
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary'), default: false }),
    'as-of': Flags.string({
      summary: messages.getMessage('flags.as-of.summary'),
      parse: async (input) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input) || Number.isNaN(Date.parse(input)))
          throw new SfError(`--as-of must be a day, YYYY-MM-DD; got "${input}"`, 'InvalidDay');
        return input;
      },
    }),
    limit: Flags.integer({
      summary: messages.getMessage('flags.limit.summary'),
      min: 1,
      max: 1_000,
      default: 10,
    }),
    wait: Flags.integer({ summary: messages.getMessage('flags.wait.summary'), min: 1, default: 30 }),
  };

  /** Milliseconds between two reads of a running run (tests shorten it). */
  public static pollMs = POLL_MS;

  public async run(): Promise<RunResult> {
    const { flags } = await this.parse(Run);
    const api = ripeApi(flags);
    const org = flags['target-org'];
    const target = targetOf(org);
    const [ripeOrg, ripeConnection] = await Promise.all([api.org(), api.connection()]);
    requireConnected(connectionChecks(ripeOrg, ripeConnection, target));

    const queued = await api.startRun({
      dryRun: flags['dry-run'],
      ...(flags['as-of'] ? { asOf: flags['as-of'] } : {}),
    });
    this.spinner.start(
      messages.getMessage(flags['dry-run'] ? 'spinner.dry-run' : 'spinner.run', [target.username]),
    );
    const run = await finished(api, queued.runId, flags.wait * 60_000, Run.pollMs);
    this.spinner.stop(run.status);
    if (run.status === 'running') {
      this.warn(messages.getMessage('info.still-running', [run.id, flags.wait]));
      return { run, accounts: [] };
    }
    if (run.status === 'failed') {
      throw new SfError(
        messages.getMessage('error.failed', [run.failureReason ?? 'no reason recorded']),
        'RipeRunFailed',
        [messages.getMessage('error.failed.action')],
      );
    }

    const top = await api.runTop(run.id, flags.limit);
    const now = await currentValues(
      org.getConnection(salesforceApiVersion),
      top.map((verdict) => verdict.accountId),
    );
    const accounts = top.map((verdict, index) =>
      ranked(verdict, index + 1, now.get(verdict.accountId.slice(0, 15))),
    );

    this.log(
      messages.getMessage('info.summary', [
        run.dryRun ? 'Dry run' : 'Night',
        run.id,
        run.counts.scored,
        run.counts.accounts,
        run.counts.ready,
        run.counts.errors,
        run.apiUsage?.calls.total ?? run.apiCalls,
        run.apiUsage?.floor.total ?? '?',
      ]),
    );
    if (accounts.length === 0) this.log(messages.getMessage('info.nothing'));
    else {
      this.table({ data: accounts.map(row) });
      const changing = accounts.filter((account) => Object.keys(account.changes).length > 0).length;
      this.log(messages.getMessage('info.changes', [changing, accounts.length - changing]));
    }
    return { run, accounts };
  }
}

async function finished(api: RipeApi, runId: string, waitMs: number, pollMs: number): Promise<RipeRun> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const run = await api.run(runId);
    if (run.status !== 'running' || Date.now() >= deadline) return run;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function ranked(verdict: Verdict, rank: number, now: Parameters<typeof accountWrite>[1]): RankedAccount {
  return {
    rank,
    accountId: verdict.accountId,
    accountName: verdict.accountName,
    readiness: verdict.readiness,
    motion: verdict.motion,
    currency: verdict.potential.currency,
    potential: verdict.potential.arr,
    expectedValue: verdict.expectedValue,
    probability: verdict.probability,
    window: verdict.window,
    ...accountWrite(verdict, now),
  };
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

function row(account: RankedAccount): Record<string, string | number> {
  return {
    '#': account.rank,
    account: account.accountName.slice(0, 32),
    readiness: account.readiness,
    motion: account.motion ?? '',
    potential: money(account.potential, account.currency),
    'exp. value': money(account.expectedValue, account.currency),
    probability: `${Math.round(account.probability * 100)} %`,
    window: account.window ? `${account.window.opensOn} – ${account.window.closesOn}` : '',
    'fields to write': Object.keys(account.changes).length,
  };
}
