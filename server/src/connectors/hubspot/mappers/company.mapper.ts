import type { AccountSnapshotInput, PriceBook } from '@ripe/shared';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import { day, numberOrText, text, type HubSpotRecord } from './hubspot-record.ts';

type Snapshot = AccountSnapshotInput;

/** The company as the snapshot's account and contract (unvalidated: the night's zod check names bad fields). */
export function mapCompany(
  company: HubSpotRecord,
  settings: HubSpotConnectorSettings,
): Pick<Snapshot, 'account' | 'contract'> {
  const fields = settings.company;
  const country = text(company, 'country');
  const csm = text(company, settings.csmOwnerProperty);
  const modules = text(company, fields.modules);
  return {
    account: {
      id: company.id,
      name: text(company, 'name') as string,
      segment: text(company, fields.segment) as Snapshot['account']['segment'],
      industry: text(company, 'industry') ?? 'Unknown',
      ...(country && country.length === 2 ? { country } : {}),
      ...(csm ? { csmId: csm } : {}),
      createdAt: day(company, 'createdate') ?? company.createdAt.slice(0, 10),
    },
    contract: {
      tier: text(company, fields.tier) as string,
      seatsLicensed: numberOrText(company, fields.seatsLicensed) as number,
      committedVolume: (numberOrText(company, fields.committedVolume) ?? 0) as number,
      price: numberOrText(company, fields.arr) as number,
      startDate: day(company, fields.startDate) as string,
      renewalDate: day(company, fields.renewalDate) as string,
      modules: modules ? modules.split(';').filter(Boolean) : [],
    },
  };
}

/** Whether a feature is outside what the contract licenses (its tier's features and its modules'). */
export function isPremiumFeature(
  feature: string,
  contract: { tier: string; modules?: readonly string[] },
  priceBook: PriceBook | null,
): boolean | undefined {
  if (!priceBook) return undefined;
  const tier = priceBook.tiers.find((candidate) => candidate.id === contract.tier);
  const licensed = new Set([
    ...(tier?.features ?? []),
    ...priceBook.modules
      .filter((module) => contract.modules?.includes(module.id))
      .flatMap((module) => module.features),
  ]);
  return !licensed.has(feature);
}
