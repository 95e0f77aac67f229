import { RipeError, toFieldIssues } from '@ripe/shared';
import { getConnection, upsertConnection } from '../connectors/connections/connections.repository.ts';
import {
  sandboxSettingsSchema,
  type SandboxSettings,
  type SandboxSettingsInput,
} from '../connectors/connections/connection-settings.schema.ts';
import type { OrgTransaction } from '../store/org-scope.ts';

/**
 * The sandbox generator settings of the org (its connection's, when its CRM is the sandbox), defaults
 * filled in. An org on another CRM gets the defaults: the night uses them only for sandbox orgs.
 */
export async function getSandboxSettings(tx: OrgTransaction): Promise<SandboxSettings | undefined> {
  const connection = await getConnection(tx);
  if (!connection) return undefined;
  return connection.crm === 'sandbox' ? connection.settings : sandboxSettingsSchema.parse({});
}

/**
 * Sets a sandbox org's generator settings. An org on another CRM has none to keep: its settings are
 * checked and answered, nothing is stored.
 */
export async function setSandboxSettings(
  tx: OrgTransaction,
  input: SandboxSettingsInput,
): Promise<SandboxSettings> {
  const parsed = sandboxSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new RipeError('invalid_config', 'The sandbox settings are invalid', {
      issues: toFieldIssues('sandbox', tx.orgId, parsed.error),
    });
  }
  const connection = await getConnection(tx);
  if (!connection) throw new RipeError('not_found', `Org ${tx.orgId} does not exist`);
  if (connection.crm !== 'sandbox') return parsed.data;
  const updated = await upsertConnection(tx, { crm: 'sandbox', settings: parsed.data });
  return updated.crm === 'sandbox' ? updated.settings : parsed.data;
}
