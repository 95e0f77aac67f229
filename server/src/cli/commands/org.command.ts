import type { Command } from 'commander';
import { RipeError } from '@ripe/shared';
import { listOrgs } from '../../access/org-directory.ts';
import { provisionOrg } from '../../access/provision-org.ts';
import { databaseOptions } from '../../config/database-options.ts';
import { loadConfig } from '../../config/env.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { migrate } from '../../store/migrator.ts';
import type { CrmKind } from '../../store/orgs.repository.ts';
import { setSandboxSettings } from '../../night/org-sandbox.repository.ts';
import { withOrg } from '../../store/org-scope.ts';
import { positiveInt } from '../cli-error.ts';
import { renderTable } from '../format.ts';

const crmKinds: readonly CrmKind[] = ['sandbox', 'salesforce', 'hubspot'];

interface CreateOptions {
  name: string;
  crm: CrmKind;
  externalId?: string;
  adminEmail: string;
  adminName: string;
  accounts?: number;
  seed?: number;
  json?: boolean;
}

function crmKind(raw: string): CrmKind {
  const kind = crmKinds.find((candidate) => candidate === raw);
  if (!kind)
    throw new RipeError('invalid_argument', `--crm must be one of ${crmKinds.join(', ')}, got "${raw}"`);
  return kind;
}

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseOptions(loadConfig()));
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `ripe org create|list`: provisions orgs (an admin and their API key, shown once) and lists them. */
export function registerOrg(program: Command): void {
  const org = program.command('org').description('create and list orgs (one per connected CRM instance)');
  org
    .command('create')
    .description('create an org with an admin member; prints the org id and the admin API key, once')
    .requiredOption('--name <name>', 'display name of the org')
    .requiredOption('--crm <crm>', `the CRM: ${crmKinds.join(', ')}`, crmKind)
    .option('--external-id <id>', 'Salesforce org id or HubSpot portal id')
    .option('--admin-email <email>', 'email of the first admin', 'admin@localhost')
    .option('--admin-name <name>', 'name of the first admin', 'Admin')
    .option(
      '--accounts <n>',
      'with --crm sandbox: accounts the sandbox generates',
      positiveInt('accounts', 1, 100_000),
    )
    .option('--seed <s>', 'with --crm sandbox: seed of the sandbox', positiveInt('seed', 0))
    .option('--json', 'machine-readable output')
    .action(async (options: CreateOptions) => {
      const sandbox = {
        ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
      };
      if (Object.keys(sandbox).length > 0 && options.crm !== 'sandbox') {
        throw new RipeError('invalid_argument', '--accounts and --seed are for --crm sandbox only');
      }
      const created = await withDatabase(async (db) => {
        const provisioned = await provisionOrg(db, {
          name: options.name,
          crm: options.crm,
          ...(options.externalId ? { externalId: options.externalId } : {}),
          admin: { email: options.adminEmail, name: options.adminName },
        });
        if (Object.keys(sandbox).length > 0)
          await withOrg(db, provisioned.org.id, (tx) => setSandboxSettings(tx, sandbox));
        return provisioned;
      });
      if (options.json) {
        const { org: o, admin, token } = created;
        process.stdout.write(
          `${JSON.stringify({ orgId: o.id, name: o.name, crm: o.crm, externalId: o.externalId, adminMemberId: admin.id, apiKey: token }, null, 2)}\n`,
        );
        return;
      }
      console.log(`Org ${created.org.id} (${created.org.name}, ${created.org.crm}) created.`);
      console.log(`Admin API key (shown once, store it now):\n${created.token}`);
    });
  org
    .command('list')
    .description('list every org')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const orgs = await withDatabase(listOrgs);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(orgs, null, 2)}\n`);
        return;
      }
      console.log(
        renderTable(
          ['id', 'name', 'crm', 'external id', 'created'],
          orgs.map((o) => [o.id, o.name, o.crm, o.externalId ?? '—', o.createdAt.toISOString().slice(0, 10)]),
        ),
      );
    });
}
