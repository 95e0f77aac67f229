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
import { dailySeries } from './usage.mapper.ts';

export interface CompanyBundle {
  company: HubSpotRecord;
  /** `hs_lastmodifieddate` as the search answered it. */
  modifiedAt: string;
  contacts: HubSpotRecord[];
  deals: HubSpotRecord[];
  engagements: { type: EngagementObject; record: HubSpotRecord }[];
}

export interface MappingContext {
  settings: HubSpotConnectorSettings;
  asOf: string;
  priceBook: PriceBook | null;
}

function usageOf(bundle: CompanyBundle, context: MappingContext, contract: AccountSnapshotInput['contract']) {
  const { days, metrics } = context.settings.usage;
  return metrics.flatMap((mapping) => {
    const property = mapping.property ?? usageProperty(mapping.metric);
    const series = dailySeries(bundle.company.propertiesWithHistory?.[property], context.asOf, days);
    if (!series) return [];
    const premium = mapping.feature
      ? isPremiumFeature(mapping.feature, contract, context.priceBook)
      : undefined;
    return [
      {
        metric: mapping.metric,
        kind: mapping.kind,
        ...(mapping.feature ? { feature: mapping.feature } : {}),
        ...(premium === undefined ? {} : { premium }),
        ...series,
      },
    ];
  });
}

const byOccurrence = (a: { occurredAt: string }, b: { occurredAt: string }) =>
  a.occurredAt.localeCompare(b.occurredAt);

export function mapPulledAccount(bundle: CompanyBundle, context: MappingContext): PulledAccount {
  const { account, contract } = mapCompany(bundle.company, context.settings);
  const cutoff = `${context.asOf}T23:59:59.999Z`;
  const snapshot: AccountSnapshotInput = {
    account,
    contract,
    usage: usageOf(bundle, context, contract),
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
  };
}
