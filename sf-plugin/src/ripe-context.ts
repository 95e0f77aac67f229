// What every `sf ripe` command shares: where Ripe's backend is, which Ripe org, the API key (from the
// environment only, so it never lands in a shell history), and whether that org is connected to the target org.
import { Messages, SfError, type Org } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { RipeApi, type RipeConnection, type RipeOrg } from './ripe-api.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@ripe/plugin-ripe', 'ripe.shared');

export const apiKeyVariable = 'RIPE_API_KEY';

/** `--api-url` and `--ripe-org`, each also read from its environment variable. */
export const ripeFlags = {
  'api-url': Flags.string({
    summary: messages.getMessage('flags.api-url.summary'),
    env: 'RIPE_API_URL',
    required: true,
  }),
  'ripe-org': Flags.string({
    summary: messages.getMessage('flags.ripe-org.summary'),
    env: 'RIPE_ORG_ID',
    required: true,
  }),
};

export function ripeApi(
  flags: { 'api-url': string; 'ripe-org': string },
  env: NodeJS.ProcessEnv = process.env,
  fetchImpl?: typeof fetch,
): RipeApi {
  const apiKey = env[apiKeyVariable];
  if (!apiKey) {
    throw new SfError(messages.getMessage('error.no-api-key'), 'RipeNoApiKey', [
      messages.getMessage('error.no-api-key.action'),
    ]);
  }
  return new RipeApi({ url: flags['api-url'], orgId: flags['ripe-org'], apiKey, fetch: fetchImpl });
}

/** One thing `sf ripe setup` checked, and what to do when it is not right. */
export interface SetupCheck {
  area: 'connection' | 'package' | 'permissions' | 'field_mapping';
  name: string;
  ok: boolean;
  message: string;
  fix: string | null;
}

/** The org the sf CLI is logged into, as the checks compare it. */
export interface TargetOrg {
  orgId: string;
  instanceUrl: string;
  username: string;
}

export function targetOf(org: Org): TargetOrg {
  const connection = org.getConnection();
  return {
    orgId: org.getOrgId(),
    instanceUrl: connection.instanceUrl,
    username: org.getUsername() ?? '',
  };
}

const sameUrl = (a: string, b: string) =>
  a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
// An 18-character id is the 15-character one with a case-safe suffix.
const sameId = (a: string, b: string) => a.slice(0, 15) === b.slice(0, 15);

/** Whether the Ripe org is a Salesforce org connected to this very org: the nights read and write it. */
export function connectionChecks(
  ripeOrg: RipeOrg,
  connection: RipeConnection | null,
  target: TargetOrg,
): SetupCheck[] {
  const connect = messages.getMessage('fix.connect', [ripeOrg.id]);
  const checks: SetupCheck[] = [];
  const crmOk = ripeOrg.crm === 'salesforce';
  checks.push({
    area: 'connection',
    name: 'Ripe org',
    ok: crmOk,
    message: crmOk
      ? messages.getMessage('check.ripe-org.ok', [ripeOrg.name])
      : messages.getMessage('check.ripe-org.crm', [ripeOrg.name, ripeOrg.crm]),
    fix: crmOk ? null : messages.getMessage('fix.ripe-org'),
  });
  if (!connection) {
    checks.push({
      area: 'connection',
      name: 'Connection',
      ok: false,
      message: messages.getMessage('check.connection.none'),
      fix: connect,
    });
    return checks;
  }
  const connected = connection.status === 'connected';
  checks.push({
    area: 'connection',
    name: 'Connection',
    ok: connected,
    message: connected
      ? messages.getMessage('check.connection.ok')
      : messages.getMessage('check.connection.status', [connection.status, connection.statusReason ?? '']),
    fix: connected ? null : connect,
  });
  const sameOrg =
    connection.instance !== null &&
    sameUrl(connection.instance, target.instanceUrl) &&
    (ripeOrg.externalId === null || sameId(ripeOrg.externalId, target.orgId));
  checks.push({
    area: 'connection',
    name: 'Same org',
    ok: sameOrg,
    message: sameOrg
      ? messages.getMessage('check.same-org.ok', [target.instanceUrl])
      : messages.getMessage('check.same-org.other', [connection.instance ?? '?', target.instanceUrl]),
    fix: sameOrg ? null : connect,
  });
  return checks;
}

/** Refuses to go on when Ripe's nights would not run against the target org. */
export function requireConnected(checks: readonly SetupCheck[]): void {
  const failed = checks.filter((check) => !check.ok);
  if (failed.length === 0) return;
  throw new SfError(failed.map((check) => check.message).join(' '), 'RipeNotConnected', [
    ...new Set(failed.flatMap((check) => (check.fix ? [check.fix] : []))),
  ]);
}
