import { startEmulatorPortal, type EmulatorPortal } from '../connectors/hubspot/emulator/emulator-portal.ts';
import { recordInstance, upsertConnection } from '../connectors/connections/connections.repository.ts';
import type { ConnectorResolver } from '../night/connector-resolver.ts';
import { runOrgNight } from '../night/org-night.ts';
import type { Database } from '../store/database.ts';
import { withOrg } from '../store/org-scope.ts';
import { createOrg, getOrg } from '../store/orgs.repository.ts';

export interface HubSpotDemoOrg {
  orgId: string;
  /** The emulator's portal id: the org's external id, what the HubSpot app's signed calls name. */
  portalId: string;
  portal: EmulatorPortal;
  /** The connectors of the server, with this org's served by the emulator's portal. */
  resolverOver(base: ConnectorResolver | undefined): ConnectorResolver;
  /** Runs one night of the org as of `asOf` against the portal. */
  runNight(asOf: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A HubSpot org in a server's own database, connected to the HubSpot emulator on loopback (Ripe installed,
 * its properties created), so the HubSpot app's card and settings endpoints answer about a real portal:
 * `ripe serve --demo`, and the tests of those endpoints. The portal's tokens stay in the emulator session.
 */
export async function startHubSpotDemoOrg(
  db: Database,
  options: { accounts: number; seed: number; asOf: string; portalId?: number },
): Promise<HubSpotDemoOrg> {
  const portal = await startEmulatorPortal({
    port: 0,
    accounts: options.accounts,
    seed: options.seed,
    asOf: options.asOf,
    ...(options.portalId !== undefined ? { hubId: options.portalId } : {}),
  });
  try {
    const portalId = portal.session.granted.instance;
    const orgId = `hubspot-demo-${portalId}`;
    await withOrg(db, orgId, async (tx) => {
      if (await getOrg(tx)) return;
      await createOrg(tx, { name: `HubSpot demo portal ${portalId}`, crm: 'hubspot', externalId: portalId });
      await upsertConnection(tx, { crm: 'hubspot' });
      await recordInstance(tx, { instance: portalId, scopes: portal.session.granted.scopes });
    });
    const resolve: ConnectorResolver = () => portal.connector();
    return {
      orgId,
      portalId,
      portal,
      resolverOver: (base) => (org, asOf) =>
        org.id === orgId ? resolve(org, asOf) : (base ?? resolve)(org, asOf),
      runNight: async (asOf) => {
        await runOrgNight({ db, owner: 'ripe-demo', resolveConnector: resolve }, orgId, { asOf });
      },
      close: () => portal.close(),
    };
  } catch (error) {
    await portal.close();
    throw error;
  }
}
