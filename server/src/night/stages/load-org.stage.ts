import { RipeError } from '@ripe/shared';
import type { UsageSource } from '../../settings/field-mapping.schema.ts';
import type { SyncSettings } from '../../settings/sync-settings.schema.ts';
import { getOrgSettings } from '../../settings/settings.service.ts';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';
import { getOrg } from '../../store/orgs.repository.ts';
import type { OrgForNight } from '../connector-resolver.ts';
import { getSandboxSettings } from '../org-sandbox.repository.ts';
import { getConnection } from '../../connectors/connections/connections.repository.ts';

/** Load the org: its record, its sandbox settings, where its usage comes from, how it uses the CRM's API. */
export async function loadOrgStage(
  db: Database,
  orgId: string,
): Promise<{ org: OrgForNight; usage: UsageSource; sync: SyncSettings }> {
  const loaded = await withOrg(db, orgId, async (tx) => {
    const found = await getOrg(tx);
    const sandbox = found ? await getSandboxSettings(tx) : undefined;
    if (!found || !sandbox) return undefined;
    const connection = await getConnection(tx);
    const { fieldMapping, sync } = await getOrgSettings(tx);
    return { org: { ...found, sandbox, connection, fieldMapping }, usage: fieldMapping.usage, sync };
  });
  if (!loaded) throw new RipeError('not_found', `Org ${orgId} does not exist`);
  return loaded;
}
