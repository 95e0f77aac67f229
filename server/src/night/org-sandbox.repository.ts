import { RipeError, toFieldIssues } from '@ripe/shared';
import type { OrgTransaction } from '../store/org-scope.ts';
import {
  sandboxSettingsSchema,
  type SandboxSettings,
  type SandboxSettingsInput,
} from '../settings/night-settings.schema.ts';

/** The sandbox generator settings of the org (`orgs.sandbox`), defaults filled in. */
export async function getSandboxSettings(tx: OrgTransaction): Promise<SandboxSettings | undefined> {
  const { rows } = await tx.query<{ sandbox: unknown }>('select sandbox from orgs where id = $1', [tx.orgId]);
  if (!rows[0]) return undefined;
  const parsed = sandboxSettingsSchema.safeParse(rows[0].sandbox);
  if (!parsed.success) {
    throw new RipeError('invalid_config', "The org's sandbox settings are invalid", {
      issues: toFieldIssues('sandbox', tx.orgId, parsed.error),
    });
  }
  return parsed.data;
}

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
  const { rowCount } = await tx.query(
    'update orgs set sandbox = $2::jsonb, updated_at = now() where id = $1',
    [tx.orgId, JSON.stringify(parsed.data)],
  );
  if (rowCount === 0) throw new RipeError('not_found', `Org ${tx.orgId} does not exist`);
  return parsed.data;
}
