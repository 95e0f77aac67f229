// With usage from a custom object (`usage.customObject`), the integration that adds a company's usage record does
// not touch the company: its last-modified instant stays where it was, and the company search would never find
// it again. So the records modified since the cursor's instant are searched too (200 a page in last-modified
// order; before paging past HubSpot's 10,000 results the search starts again from the last instant seen), and
// their companies read through the v4 associations (1,000 records a call). The cursor's instant is no later than
// the previous night's pull, so no record added since that pull is missed; the caller leaves out the companies
// whose newest record it read already (`CompanyVersion.usageSeenAt`).
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { err, ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';

/** Record id → last-modified epoch ms, of the records of `objectType` last modified at or after `since`. */
async function recordsSince(
  transport: HubSpotTransport,
  objectType: string,
  since: string,
  signal?: AbortSignal,
): Promise<Result<Map<string, number>, ConnectorError>> {
  const ids = new Map<string, number>();
  let from = String(Date.parse(since));
  let offset = 0;
  for (;;) {
    signal?.throwIfAborted();
    const answer = await transport.call({ kind: 'search', direction: 'read', search: true }, (client) =>
      client.crm.objects.searchApi.doSearchWithHttpInfo(objectType, {
        filterGroups: [
          {
            filters: [{ propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gte, value: from }],
          },
        ],
        sorts: ['hs_lastmodifieddate'],
        properties: ['hs_lastmodifieddate'],
        limit: hubspotLimits.searchPageSize,
        ...(offset > 0 ? { after: String(offset) } : {}),
      }),
    );
    if (!answer.ok) return answer;
    for (const record of answer.value.results)
      ids.set(record.id, Date.parse(record.properties.hs_lastmodifieddate ?? '') || Date.parse(since));
    const next = answer.value.paging?.next?.after;
    if (next === undefined) break;
    if (Number(next) + hubspotLimits.searchPageSize > hubspotLimits.searchResultCap) {
      // The records of the last instant come back in the new search; the map keeps each id once.
      const last = answer.value.results.at(-1)?.properties.hs_lastmodifieddate;
      const instant = last ? String(Date.parse(last)) : from;
      if (instant === from)
        return err({
          code: 'invalid_request',
          message: `More than ${hubspotLimits.searchResultCap} ${objectType} records were modified at one instant (${new Date(Number(from)).toISOString()}): HubSpot's search cannot page through them`,
        });
      from = instant;
      offset = 0;
    } else offset = Number(next);
  }
  transport.floor.needed(`search:${objectType}`, ids.keys(), hubspotLimits.searchPageSize, true);
  return ok(ids);
}

/** Company → the newest of its records, by the v4 batch read of ≤ 1,000 records a call. */
async function companiesOf(
  transport: HubSpotTransport,
  objectType: string,
  records: ReadonlyMap<string, number>,
): Promise<Result<Map<string, number>, ConnectorError>> {
  const companies = new Map<string, number>();
  const recordIds = [...records.keys()];
  transport.floor.needed(
    `associations:${objectType}->companies`,
    recordIds,
    hubspotLimits.associationsBatchReadSize,
  );
  for (let start = 0; start < recordIds.length; start += hubspotLimits.associationsBatchReadSize) {
    const slice = recordIds.slice(start, start + hubspotLimits.associationsBatchReadSize);
    const answer = await transport.call({ kind: 'associations', direction: 'read' }, (client) =>
      client.crm.associations.v4.batchApi.getPageWithHttpInfo(objectType, 'companies', {
        inputs: slice.map((id) => ({ id })),
      }),
    );
    if (!answer.ok) return answer;
    for (const result of answer.value.results) {
      const at = records.get(result._from.id) ?? 0;
      for (const to of result.to) {
        const company = String(to.toObjectId);
        companies.set(company, Math.max(at, companies.get(company) ?? 0));
      }
    }
  }
  return ok(companies);
}

/**
 * The companies whose usage records of `objectType` were modified at or after `since`, in id order, each with the
 * epoch ms of its newest such record.
 */
export async function companiesWithNewUsage(
  transport: HubSpotTransport,
  objectType: string,
  since: string,
  signal?: AbortSignal,
): Promise<Result<[string, number][], ConnectorError>> {
  const records = await recordsSince(transport, objectType, since, signal);
  if (!records.ok) return records;
  if (records.value.size === 0) return ok([]);
  const companies = await companiesOf(transport, objectType, records.value);
  if (!companies.ok) return companies;
  return ok([...companies.value].sort(([a], [b]) => Number(a) - Number(b)));
}
