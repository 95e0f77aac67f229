import { startEmulatorPortal } from '../connectors/hubspot/emulator/emulator-portal.ts';
import { companyIds, showBuyingSignals } from '../connectors/hubspot/emulator/portal-edits.ts';
import { portalReport, writeCalls } from '../connectors/hubspot/emulator/portal-report.ts';
import { seededUsageObjectMapping } from '../connectors/hubspot/emulator/usage-object.seed.ts';
import { Rng } from '../sandbox/prng.ts';
import type { CrmDemoOptions, DemoTarget } from './crm-demo.ts';

/**
 * `ripe demo --crm hubspot`: the HubSpot emulator on loopback, with HubSpot's rate limits; Ripe installed as an
 * admin installs it (consent, code exchange, which creates Ripe's properties); @hubspot/api-client talks to it.
 * What the demo reports beside the night's figures is counted in the portal itself.
 */
export async function hubspotDemoTarget(options: CrmDemoOptions): Promise<DemoTarget> {
  const customObject = options.hubspotUsage === 'custom-object';
  const portal = await startEmulatorPortal({
    port: 0,
    accounts: options.accounts,
    seed: options.seed,
    asOf: options.asOf,
    ...(customObject ? { usage: 'custom_object' as const } : {}),
  });
  // Usage from the `product_usage` records alone, as docs/hubspot-usage-object.md maps it.
  const settings = customObject ? { usage: { metrics: [], customObject: seededUsageObjectMapping() } } : {};
  const { state } = portal.emulator;
  const ids = companyIds(state);
  const rng = new Rng(options.seed + 1);
  let properties = portalReport(state).ripeProperties;
  let writes = writeCalls(portal.emulator.requests());
  return {
    resolve: () => portal.connector({ settings }),
    change: (indexes) =>
      showBuyingSignals(
        state,
        indexes.flatMap((index) => ids[index] ?? []),
        rng,
        new Date().toISOString(),
        `${options.asOf}T12:00:00.000Z`,
      ).length,
    install: { propertiesCreated: portal.installed, ...prefixed(writes) },
    // Counted in the portal: what Ripe's properties, companies and tasks look like, and the write calls it
    // received since the last look, by route.
    view: () => {
      const { ripeProperties, ...report } = portalReport(state);
      const now = writeCalls(portal.emulator.requests());
      const since = Object.entries(now).flatMap(([route, count]): [string, number][] =>
        count > (writes[route] ?? 0) ? [[route, count - (writes[route] ?? 0)]] : [],
      );
      const created = ripeProperties - properties;
      [properties, writes] = [ripeProperties, now];
      return { propertiesCreated: created, ...report, ...prefixed(Object.fromEntries(since)) };
    },
    close: () => portal.close(),
  };
}

const prefixed = (calls: Record<string, number>) =>
  Object.fromEntries(Object.entries(calls).map(([route, count]) => [`write calls ${route}`, count]));
