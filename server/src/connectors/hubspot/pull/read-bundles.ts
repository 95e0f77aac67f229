// Everything a page of companies needs for their snapshots: the companies with their usage and status history,
// then their contacts, deals and engagements — association reads (read ahead for up to 1,000 companies at a
// time, see pull-pages.ts), then batch reads of each object type.
import { ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import { usageProperty } from '../hubspot-settings.ts';
import { engagementProperties } from '../mappers/engagement.mapper.ts';
import type { HubSpotRecord } from '../mappers/hubspot-record.ts';
import { humanProperties } from '../mappers/human.mapper.ts';
import { engagementTypes, type EngagementObject } from '../mappers/people-deals.mapper.ts';
import type { CompanyBundle } from '../mappers/snapshot.mapper.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { readAssociations, readObjects } from './hubspot-reads.ts';

const contactProperties = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'jobtitle',
  'hs_buying_role',
  'createdate',
];
const dealProperties = ['dealname', 'amount', 'dealstage', 'pipeline', 'dealtype', 'closedate', 'createdate'];

function companyProperties(settings: HubSpotConnectorSettings): { plain: string[]; history: string[] } {
  const usage = settings.usage.metrics.map((mapping) => mapping.property ?? usageProperty(mapping.metric));
  const plain = [
    'name',
    'industry',
    'country',
    'createdate',
    settings.csmOwnerProperty,
    ...Object.values(settings.company),
    ...humanProperties,
  ];
  const [status] = humanProperties;
  return { plain, history: [...usage, ...(status ? [status] : [])] };
}

/** The company properties whose values a pull reads: a person's edit to any of them is a change to pull. */
export function versionedProperties(settings: HubSpotConnectorSettings): string[] {
  const { plain, history } = companyProperties(settings);
  return [...new Set([...plain, ...history])];
}

const engagementObjects = Object.keys(engagementTypes) as EngagementObject[];

/** The object types read with each company, and their properties (history on the deal stage). */
const relatedReads: readonly { type: string; properties: readonly string[]; history: readonly string[] }[] = [
  { type: 'contacts', properties: contactProperties, history: [] },
  { type: 'deals', properties: dealProperties, history: ['dealstage'] },
  ...engagementObjects.map((type) => ({ type, properties: engagementProperties[type], history: [] })),
];

/** Related object type → company id → associated ids. */
export type CompanyAssociations = Map<string, Map<string, string[]>>;

/** With `usage.customObject`: the usage object's type id (`2-…`) and the properties read of its records. */
export interface UsageObjectRead {
  type: string;
  properties: readonly string[];
}

/** The related reads of a pull: the fixed ones, and the usage object's when mapped. */
const readsWith = (usageObject?: UsageObjectRead) =>
  usageObject ? [...relatedReads, { ...usageObject, history: [] as readonly string[] }] : relatedReads;

/** The associations of the companies with every related object type: one v4 batch read per type and 1,000. */
export async function readCompanyAssociations(
  transport: HubSpotTransport,
  companyIds: readonly string[],
  usageObject?: UsageObjectRead,
): Promise<Result<CompanyAssociations, ConnectorError>> {
  const answers = await Promise.all(
    readsWith(usageObject).map(async ({ type }) => ({
      type,
      answer: await readAssociations(transport, type, companyIds),
    })),
  );
  const associations: CompanyAssociations = new Map();
  for (const { type, answer } of answers) {
    if (!answer.ok) return answer;
    associations.set(type, answer.value);
  }
  return ok(associations);
}

/**
 * Related records read ahead: a batch read whose last call would not be full takes records of the next pages'
 * companies (`upcoming`), kept here until their page comes. At most a batch less one per type is held.
 */
export interface Prefetch {
  upcoming: Map<string, string[]>;
  records: Map<string, Map<string, HubSpotRecord>>;
}

/** The ids to read for a page: what it needs and was not read ahead, filled up to full batches from `upcoming`. */
function toRead(needed: readonly string[], held: Map<string, HubSpotRecord>, upcoming: readonly string[]) {
  const missing = needed.filter((id) => !held.has(id));
  const room =
    (hubspotLimits.batchSize - (missing.length % hubspotLimits.batchSize)) % hubspotLimits.batchSize;
  if (missing.length === 0 || room === 0) return missing;
  const taken = new Set(missing);
  const fill = [...new Set(upcoming)].filter((id) => !taken.has(id) && !held.has(id)).slice(0, room);
  return [...missing, ...fill];
}

export async function readBundles(
  transport: HubSpotTransport,
  settings: HubSpotConnectorSettings,
  page: readonly { id: string; modifiedAt: string }[],
  associations: CompanyAssociations,
  prefetch: Prefetch = { upcoming: new Map(), records: new Map() },
  usageObject?: UsageObjectRead,
): Promise<Result<CompanyBundle[], ConnectorError>> {
  const reads = readsWith(usageObject);
  const ids = page.map((company) => company.id);
  const { plain, history } = companyProperties(settings);
  const associatedOf = (type: string, companyId: string) => associations.get(type)?.get(companyId) ?? [];
  const needed = (type: string) => [...new Set(ids.flatMap((id) => associatedOf(type, id)))];
  const heldOf = (type: string) => {
    const held = prefetch.records.get(type) ?? new Map<string, HubSpotRecord>();
    prefetch.records.set(type, held);
    return held;
  };
  const [companies, ...related] = await Promise.all([
    readObjects(transport, 'companies', ids, plain, history),
    ...reads.map(({ type, properties, history: withHistory }) =>
      readObjects(
        transport,
        type,
        toRead(needed(type), heldOf(type), prefetch.upcoming.get(type) ?? []),
        properties,
        withHistory,
      ),
    ),
  ]);
  if (!companies.ok) return companies;
  const records = new Map<string, Map<string, HubSpotRecord>>();
  for (const [index, answer] of related.entries()) {
    if (!answer.ok) return answer;
    const type = reads[index]?.type ?? '';
    const held = heldOf(type);
    const wanted = new Set(needed(type));
    const own = new Map<string, HubSpotRecord>();
    for (const id of wanted) {
      const record = held.get(id);
      if (record) own.set(id, record);
      held.delete(id);
    }
    for (const record of answer.value) (wanted.has(record.id) ? own : held).set(record.id, record);
    records.set(type, own);
  }
  const pick = (type: string, companyId: string) =>
    associatedOf(type, companyId).flatMap((id) => records.get(type)?.get(id) ?? []);
  const byId = new Map(companies.value.map((company) => [company.id, company]));
  return ok(
    page.flatMap(({ id, modifiedAt }) => {
      const company = byId.get(id);
      // Deleted between the search and the read: the next night does not see it either.
      if (!company) return [];
      return [
        {
          company,
          modifiedAt,
          contacts: pick('contacts', id),
          deals: pick('deals', id),
          engagements: engagementObjects.flatMap((type) =>
            pick(type, id).map((record) => ({ type, record })),
          ),
          ...(usageObject
            ? { usageRecords: { objectType: usageObject.type, records: pick(usageObject.type, id) } }
            : {}),
        },
      ];
    }),
  );
}
