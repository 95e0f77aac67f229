import type { FieldMapping, UsageSource } from '../../../settings/field-mapping.schema.ts';

/** Where the Account's contract facts live in the org: the admin's field mapping over these defaults. */
export interface SalesforceFieldMap {
  seatsLicensed: string;
  seatsUsed: string;
  tier: string;
  arr: string;
  renewalDate: string;
  csmOwner: string;
  contractStart: string;
  committedVolume: string;
  segment: string;
  modules: string;
  usage: UsageSource;
}

/** The custom fields a Ripe admin guide asks for; each one renamed by the org's field mapping. */
export const defaultSalesforceFields = {
  seatsLicensed: 'Seats_Licensed__c',
  seatsUsed: 'Seats_Used__c',
  tier: 'Tier__c',
  arr: 'ARR__c',
  renewalDate: 'Renewal_Date__c',
  csmOwner: 'CSM__c',
  contractStart: 'Contract_Start__c',
  committedVolume: 'Committed_Volume__c',
  segment: 'Segment__c',
  modules: 'Modules__c',
} as const;

export function salesforceFieldMap(mapping: Partial<FieldMapping> = {}): SalesforceFieldMap {
  const pick = (key: keyof typeof defaultSalesforceFields) => mapping[key] ?? defaultSalesforceFields[key];
  return {
    seatsLicensed: pick('seatsLicensed'),
    seatsUsed: pick('seatsUsed'),
    tier: pick('tier'),
    arr: pick('arr'),
    renewalDate: pick('renewalDate'),
    csmOwner: pick('csmOwner'),
    contractStart: pick('contractStart'),
    committedVolume: pick('committedVolume'),
    segment: pick('segment'),
    modules: pick('modules'),
    usage: mapping.usage ?? { source: 'ingest' },
  };
}

/** The Account fields a pull selects: standard ones, the mapped contract fields, the catalogue's human-owned. */
export function accountContractFields(map: SalesforceFieldMap): string[] {
  const fields = [
    map.seatsLicensed,
    map.tier,
    map.arr,
    map.renewalDate,
    map.csmOwner,
    map.contractStart,
    map.committedVolume,
    map.segment,
    map.modules,
  ];
  if (map.usage.source === 'crm_field') fields.push(...map.usage.fields.map((f) => f.field));
  return [...new Set(fields)];
}
