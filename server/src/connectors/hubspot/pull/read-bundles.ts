// Everything a page of companies needs for their snapshots: the companies with their usage and status history,
// then their contacts, deals and engagements — association reads, then batch reads of each object type.
import { ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import { usageProperty } from '../hubspot-settings.ts';
import { engagementProperties } from '../mappers/engagement.mapper.ts';
import type { HubSpotRecord } from '../mappers/hubspot-record.ts';
import { humanProperties } from '../mappers/human.mapper.ts';
import { engagementTypes, type EngagementObject } from '../mappers/people-deals.mapper.ts';
import type { CompanyBundle } from '../mappers/snapshot.mapper.ts';
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

/** Reads one object type associated with the companies: the association map, then the records. */
async function related(
  transport: HubSpotTransport,
  objectType: string,
  companyIds: readonly string[],
  properties: readonly string[],
  history: readonly string[] = [],
): Promise<
  Result<{ byCompany: Map<string, string[]>; records: Map<string, HubSpotRecord> }, ConnectorError>
> {
  const byCompany = await readAssociations(transport, objectType, companyIds);
  if (!byCompany.ok) return byCompany;
  const ids = [...new Set([...byCompany.value.values()].flat())];
  const records = await readObjects(transport, objectType, ids, properties, history);
  if (!records.ok) return records;
  return ok({
    byCompany: byCompany.value,
    records: new Map(records.value.map((record) => [record.id, record])),
  });
}

export async function readBundles(
  transport: HubSpotTransport,
  settings: HubSpotConnectorSettings,
  page: readonly { id: string; modifiedAt: string }[],
): Promise<Result<CompanyBundle[], ConnectorError>> {
  const ids = page.map((company) => company.id);
  const { plain, history } = companyProperties(settings);
  const engagementObjects = Object.keys(engagementTypes) as EngagementObject[];
  const [companies, contacts, deals, ...engagements] = await Promise.all([
    readObjects(transport, 'companies', ids, plain, history),
    related(transport, 'contacts', ids, contactProperties),
    related(transport, 'deals', ids, dealProperties, ['dealstage']),
    ...engagementObjects.map((type) => related(transport, type, ids, engagementProperties[type])),
  ]);
  for (const answer of [companies, contacts, deals, ...engagements]) if (!answer.ok) return answer;
  if (!companies.ok || !contacts.ok || !deals.ok) return ok([]);
  const byId = new Map(companies.value.map((company) => [company.id, company]));
  const pick = (found: Map<string, HubSpotRecord>, wanted: readonly string[] | undefined) =>
    (wanted ?? []).flatMap((id) => found.get(id) ?? []);
  return ok(
    page.flatMap(({ id, modifiedAt }) => {
      const company = byId.get(id);
      // Deleted between the search and the read: the next night does not see it either.
      if (!company) return [];
      return [
        {
          company,
          modifiedAt,
          contacts: pick(contacts.value.records, contacts.value.byCompany.get(id)),
          deals: pick(deals.value.records, deals.value.byCompany.get(id)),
          engagements: engagementObjects.flatMap((type, index) => {
            const answer = engagements[index];
            if (!answer?.ok) return [];
            return pick(answer.value.records, answer.value.byCompany.get(id)).map((record) => ({
              type,
              record,
            }));
          }),
        },
      ];
    }),
  );
}
