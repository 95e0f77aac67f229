import type { Command } from 'commander';
import { RipeError } from '@ripe/shared';
import { createMemberKey } from '../../access/member-key.ts';
import { isMemberRole, memberRoles, type MemberRole } from '../../access/roles.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadConfig } from '../../config/env.ts';
import {
  keyringFromConfig,
  masterKeyUsage,
  requireKeyring,
  rotateDataKey,
  rotateMasterKey,
} from '../../secrets/index.ts';
import { withOrg } from '../../store/org-scope.ts';
import { positiveInt } from '../cli-error.ts';
import { withCliDatabase } from './cli-database.ts';

function memberRole(raw: string): MemberRole {
  if (!isMemberRole(raw)) {
    throw new RipeError('invalid_argument', `--role must be one of ${memberRoles.join(', ')}, got "${raw}"`);
  }
  return raw;
}

function keyName(raw: string): string {
  const name = raw.trim();
  // printable only: no control characters (NUL, line breaks) in a name shown in lists and logs
  if (name.length === 0 || name.length > 200 || [...name].some((c) => c.charCodeAt(0) < 32)) {
    throw new RipeError('invalid_argument', '--name must be 1 to 200 printable characters');
  }
  return name;
}

/**
 * `ripe keys create --org ID`: an API key printed once. `ripe keys rotate-master | rotate-data --org ID`: key
 * rotation without downtime. Master keys come from RIPE_MASTER_KEY / RIPE_MASTER_KEYS + RIPE_MASTER_KEY_ID; the
 * keys themselves are never printed.
 */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('create API keys; rotate the keys that encrypt secrets at rest');
  keys
    .command('create')
    .description(
      "create an API key for the org's first member of a role (its admin by default); prints it once",
    )
    .requiredOption('--org <id>', 'the org')
    .option('--role <role>', `the member the key acts as: ${memberRoles.join(', ')}`, memberRole, 'admin')
    .option('--name <name>', 'a name to tell the key apart', keyName, 'cli key')
    .option('--json', 'machine-readable output')
    .action(async (options: { org: string; role: MemberRole; name: string; json?: boolean }) => {
      const created = await withCliDatabase(loadConfig(), (db) =>
        createMemberKey(db, options.org, { role: options.role, name: options.name }),
      );
      if (options.json) {
        const { apiKey, token, ...member } = created;
        process.stdout.write(
          `${JSON.stringify({ ...member, keyId: apiKey.id, name: apiKey.name, scopes: apiKey.scopes, apiKey: token }, null, 2)}\n`,
        );
        return;
      }
      console.log(
        `API key "${created.apiKey.name}" for ${created.memberName} (${created.role}) of org ${created.orgId} (shown once, store it now):`,
      );
      console.log(created.token);
    });
  keys
    .command('rotate-master')
    .description(
      "re-wrap every org's data keys with the active master key (RIPE_MASTER_KEY_ID); keep the old key in RIPE_MASTER_KEYS until this has run",
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const keyring = requireKeyring(keyringFromConfig(config.secrets));
      const { report, usage } = await withCliDatabase(config, async (db) => {
        const report = await rotateMasterKey(db, keyring, {
          onOrg: (orgId, rewrapped) => {
            if (!options.json) console.error(`${orgId}: ${rewrapped} data key(s) re-wrapped`);
          },
        });
        return { report, usage: await masterKeyUsage(db) };
      });
      const retired = [...keyring.keys.keys()].filter((id) => id !== keyring.activeKeyId && !usage[id]);
      if (report.failed.length > 0) process.exitCode = 1;
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ ...report, dataKeysByMasterKey: usage, removable: retired }, null, 2)}\n`,
        );
        return;
      }
      console.log(
        `${report.rewrappedDataKeys} data key(s) of ${report.orgs} org(s) now wrapped by master key ${report.activeMasterKeyId}.`,
      );
      for (const failure of report.failed)
        console.log(`  ${failure.orgId}: not re-wrapped (${failure.code})`);
      if (retired.length > 0)
        console.log(`No data key uses ${retired.join(', ')} any more: it can leave RIPE_MASTER_KEYS.`);
    });
  keys
    .command('rotate-data')
    .description(
      'give one org a new data key and re-encrypt its secrets in batches (resumes an interrupted rotation)',
    )
    .requiredOption('--org <id>', 'the org')
    .option(
      '--batch-size <n>',
      'secrets re-encrypted per transaction',
      positiveInt('batch-size', 1, 10_000),
      100,
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { org: string; batchSize: number; json?: boolean }) => {
      const config = loadConfig();
      const keyring = requireKeyring(keyringFromConfig(config.secrets));
      const report = await withCliDatabase(config, async (db) => {
        const report = await rotateDataKey(db, keyring, options.org, { batchSize: options.batchSize });
        await withOrg(db, options.org, (tx) =>
          recordAudit(tx, {
            actor: 'cli',
            action: 'data_key.rotated',
            details: { dataKeyVersion: report.dataKeyVersion, reEncrypted: report.reEncrypted },
          }),
        );
        return report;
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      console.log(
        `Org ${report.orgId}: data key version ${report.dataKeyVersion}${report.newVersion ? ' (new)' : ' (rotation resumed)'}, ` +
          `${report.reEncrypted} secret(s) re-encrypted, retired version(s): ${report.retiredVersions.join(', ') || 'none'}.`,
      );
    });
}
