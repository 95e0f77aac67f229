import { Messages, SfError } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { RipeApi, RipeConnection } from '../../ripe-api.ts';
import { connectionChecks, ripeApi, ripeFlags, targetOf, type TargetOrg } from '../../ripe-context.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@ripe/plugin-ripe', 'ripe.connect');

export interface ConnectResult {
  org: TargetOrg;
  connection: RipeConnection;
}

export default class Connect extends SfCommand<ConnectResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    ...ripeFlags,
    wait: Flags.integer({ summary: messages.getMessage('flags.wait.summary'), min: 1, max: 10, default: 10 }),
  };

  /** Milliseconds between two reads of the connection, and in a minute of `--wait` (tests shorten both). */
  public static pollMs = 2_000;
  public static minuteMs = 60_000;

  public async run(): Promise<ConnectResult> {
    const { flags } = await this.parse(Connect);
    const api = ripeApi(flags);
    const target = targetOf(flags['target-org']);
    const [ripeOrg, before] = await Promise.all([api.org(), api.connection()]);
    if (connectionChecks(ripeOrg, before, target).every((check) => check.ok))
      this.info(messages.getMessage('info.already', [target.instanceUrl]));

    const consent = await api.authorize();
    this.log(messages.getMessage('info.open', [target.username, consent.expiresAt]));
    this.log(consent.url);
    this.spinner.start(messages.getMessage('spinner.wait'));
    const connection = await connectedSince(api, before, flags.wait * Connect.minuteMs, Connect.pollMs);
    this.spinner.stop();
    if (!connection) {
      throw new SfError(messages.getMessage('error.timeout', [flags.wait]), 'RipeConnectTimeout', [
        messages.getMessage('error.timeout.action'),
      ]);
    }
    const checks = connectionChecks(ripeOrg, connection, target);
    if (!checks.every((check) => check.ok)) {
      throw new SfError(
        messages.getMessage('error.other-org', [connection.instance ?? '?', target.instanceUrl]),
        'RipeConnectedElsewhere',
        [messages.getMessage('error.other-org.action', [target.username])],
      );
    }
    this.logSuccess(messages.getMessage('info.connected', [target.instanceUrl]));
    return { org: target, connection };
  }
}

/** The connection once the consent went through: connected, and changed since `before` when it was connected. */
async function connectedSince(
  api: RipeApi,
  before: RipeConnection | null,
  waitMs: number,
  pollMs: number,
): Promise<RipeConnection | null> {
  const deadline = Date.now() + waitMs;
  const beforeAt = before?.status === 'connected' ? before.updatedAt : null;
  for (;;) {
    const connection = await api.connection();
    if (connection?.status === 'connected' && connection.updatedAt !== beforeAt) return connection;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
