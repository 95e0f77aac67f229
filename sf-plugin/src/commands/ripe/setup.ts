import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { describeObjects, needsOf, packageChecks } from '../../package-checks.ts';
import {
  connectionChecks,
  ripeApi,
  ripeFlags,
  targetOf,
  type SetupCheck,
  type TargetOrg,
} from '../../ripe-context.ts';
import { salesforceApiVersion } from '../../ripe-server.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@ripe/plugin-ripe', 'ripe.setup');

export interface SetupResult {
  ready: boolean;
  org: TargetOrg;
  ripeOrgId: string;
  checks: SetupCheck[];
}

export default class Setup extends SfCommand<SetupResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    ...ripeFlags,
  };

  public async run(): Promise<SetupResult> {
    const { flags } = await this.parse(Setup);
    const api = ripeApi(flags);
    const target = targetOf(flags['target-org']);
    const connection = flags['target-org'].getConnection(salesforceApiVersion);
    const [ripeOrg, ripeConnection, settings] = await Promise.all([
      api.org(),
      api.connection(),
      api.settings(),
    ]);
    const needs = needsOf(settings.fieldMapping);
    const described = await describeObjects(connection, Object.keys(needs));
    const checks = [...connectionChecks(ripeOrg, ripeConnection, target), ...packageChecks(needs, described)];

    this.table({
      data: checks.map((check) => ({
        check: check.name,
        state: check.ok ? 'ok' : 'fix',
        finding: check.message,
        fix: check.fix ?? '',
      })),
    });
    const toFix = checks.filter((check) => !check.ok).length;
    if (toFix === 0) this.logSuccess(messages.getMessage('info.ready', [target.username]));
    else {
      this.warn(messages.getMessage('info.not-ready', [toFix, target.username]));
      process.exitCode = 1;
    }
    return { ready: toFix === 0, org: target, ripeOrgId: ripeOrg.id, checks };
  }
}
