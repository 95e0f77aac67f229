// A pulled company's version (`PulledAccount.version`, kept with Ripe's next write to it): a fingerprint of the
// company properties the pull reads (`companyVersion`, which the search answers too), and, with usage from a
// custom object, the instant of the newest usage record the pull read. The next night passes over a company at
// the instant of Ripe's write only while the search answers the same fingerprint, and reads it again for a usage
// record newer than the one it read.
import type { HubSpotRecord } from '../mappers/hubspot-record.ts';
import { companyVersion } from './hubspot-reads.ts';
import type { CompanyBundle } from '../mappers/snapshot.mapper.ts';

export interface CompanyVersion {
  /** The fingerprint of the company's read properties. */
  values: string;
  /** Epoch ms of the newest usage record read with the company. */
  usageSeenAt?: number;
}

export function versionText(version: CompanyVersion): string {
  return version.usageSeenAt === undefined ? version.values : `${version.values}@${version.usageSeenAt}`;
}

export function parseVersion(text: string): CompanyVersion {
  const [values = '', seen] = text.split('@');
  const usageSeenAt = seen === undefined ? Number.NaN : Number(seen);
  return Number.isFinite(usageSeenAt) ? { values, usageSeenAt } : { values };
}

/** A record's current values: its properties, and the newest version of those read with their history. */
function currentValues(record: HubSpotRecord): Record<string, string | null | undefined> {
  const newest = Object.entries(record.propertiesWithHistory ?? {}).map(
    ([name, versions]) => [name, versions[0]?.value ?? null] as const,
  );
  return { ...Object.fromEntries(newest), ...record.properties };
}

/** The version of a company as read: `versioned` are the properties the search fingerprints. */
export function bundleVersion(bundle: CompanyBundle, versioned: readonly string[]): string {
  const instants = (bundle.usageRecords?.records ?? [])
    .map((record) => Date.parse(record.properties.hs_lastmodifieddate ?? ''))
    .filter(Number.isFinite);
  const values = companyVersion(currentValues(bundle.company), versioned);
  return versionText(instants.length > 0 ? { values, usageSeenAt: Math.max(...instants) } : { values });
}
