// One company and what is associated with it, as HubSpot answered them, into the pulled account: the
// canonical snapshot (unvalidated), the team's values, the cursor and the CSM. Pure.
import type { AccountSnapshotInput, PriceBook } from '@ripe/shared';
import type { PulledAccount } from '../../crm-connector.ts';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import { usageProperty } from '../hubspot-settings.ts';
import { isPremiumFeature, mapCompany } from './company.mapper.ts';
import { mapEngagement } from './engagement.mapper.ts';
import { text, type HubSpotRecord } from './hubspot-record.ts';
import { mapHuman } from './human.mapper.ts';
import { mapContact, mapDeal, type EngagementObject } from './people-deals.mapper.ts';
import { usageFromRecords, type RecordUsageSeries, type UsageRecordError } from './usage-object.mapper.ts';
import { dailySeries } from './usage.mapper.ts';

export interface CompanyBundle {
  company: HubSpotRecord;
  /** `hs_lastmodifieddate` as the search answered it. */
  modifiedAt: string;
  contacts: HubSpotRecord[];
  deals: HubSpotRecord[];
  engagements: { type: EngagementObject; record: HubSpotRecord }[];
  /** With `usage.customObject`: the company's usage records, of the custom object `objectType` (`2-…`). */
  usageRecords?: { objectType: string; records: HubSpotRecord[] };
}

export interface MappingContext {
  settings: HubSpotConnectorSettings;
  asOf: string;
  priceBook: PriceBook | null;
}

/** The company's usage: property history per mapped metric, and the usage records' series, which replace a metric's. */
function usageOf(
  bundle: CompanyBundle,
  context: MappingContext,
  contract: AccountSnapshotInput['contract'],
): { usage: AccountSnapshotInput['usage']; errors: UsageRecordError[] } {
  const { days, metrics, customObject } = context.settings.usage;
  const fromRecords =
    customObject && bundle.usageRecords
      ? usageFromRecords(bundle.usageRecords.records, customObject, {
          companyId: bundle.company.id,
          objectType: bundle.usageRecords.objectType,
          asOf: context.asOf,
          days,
        })
      : { series: [], errors: [] };
  const recorded = new Set(fromRecords.series.map((series) => series.metric));
  const fromHistory = metrics.flatMap((mapping): RecordUsageSeries[] => {
    if (recorded.has(mapping.metric)) return [];
    const property = mapping.property ?? usageProperty(mapping.metric);
    const series = dailySeries(bundle.company.propertiesWithHistory?.[property], context.asOf, days);
    if (!series) return [];
    return [
      {
        metric: mapping.metric,
        kind: mapping.kind,
        ...(mapping.feature ? { feature: mapping.feature } : {}),
        ...series,
      },
    ];
  });
  const usage = [...fromHistory, ...fromRecords.series].map(({ metric, kind, feature, start, values }) => {
    const premium = feature ? isPremiumFeature(feature, contract, context.priceBook) : undefined;
    return {
      metric,
      kind,
      ...(feature ? { feature } : {}),
      ...(premium === undefined ? {} : { premium }),
      start,
      values,
    };
  });
  return { usage, errors: fromRecords.errors };
}

const byOccurrence = (a: { occurredAt: string }, b: { occurredAt: string }) =>
  a.occurredAt.localeCompare(b.occurredAt);

/** The pulled account; a usage record whose values could not be read is one of its `issues`, the rest is kept. */
export function mapPulledAccount(bundle: CompanyBundle, context: MappingContext): PulledAccount {
  const { account, contract } = mapCompany(bundle.company, context.settings);
  const usage = usageOf(bundle, context, contract);
  const cutoff = `${context.asOf}T23:59:59.999Z`;
  const snapshot: AccountSnapshotInput = {
    account,
    contract,
    usage: usage.usage,
    contacts: bundle.contacts.map(mapContact),
    activities: bundle.engagements
      .map(({ type, record }) => mapEngagement(type, record))
      .filter((activity) => activity.occurredAt <= cutoff)
      .sort(byOccurrence),
    // Tickets are not read from HubSpot yet.
    tickets: [],
    opportunities: bundle.deals.flatMap((deal) => mapDeal(deal, context.settings) ?? []),
  };
  return {
    accountId: bundle.company.id,
    snapshot,
    human: mapHuman(bundle.company),
    cursor: { modifiedAt: bundle.modifiedAt, id: bundle.company.id },
    ownerId: text(bundle.company, context.settings.csmOwnerProperty) ?? null,
    ...(usage.errors.length > 0
      ? {
          issues: usage.errors.map((error) => ({
            record: `usage record (${error.objectType})`,
            recordId: error.recordId,
            field: error.property,
            message: error.message,
          })),
        }
      : {}),
  };
}
