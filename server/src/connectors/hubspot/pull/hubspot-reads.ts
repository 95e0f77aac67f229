// The read calls a pull makes, each through the transport: company search pages, batch reads of ≤ 100 objects
// (with property history when asked), and v4 association batch reads of ≤ 1,000 companies.
import { createHash } from 'node:crypto';
import { FilterOperatorEnum, type FilterGroup } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { err, ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError, SyncCursor } from '../../crm-connector.ts';
import type { HubSpotRecord, HubSpotVersion } from '../mappers/hubspot-record.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';

interface ClientRecord {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, { value: string; timestamp: Date; updatedByUserId?: number }[]>;
  createdAt: Date;
}

/** The client's record (dates as `Date`) as the JSON shape the mappers read. */
export function plainRecord(record: ClientRecord): HubSpotRecord {
  const history = record.propertiesWithHistory;
  return {
    id: record.id,
    properties: record.properties,
    ...(history
      ? {
          propertiesWithHistory: Object.fromEntries(
            Object.entries(history).map(([name, versions]) => [
              name,
              versions.map((version): HubSpotVersion => ({
                value: version.value,
                timestamp: new Date(version.timestamp).toISOString(),
                ...(version.updatedByUserId === undefined
                  ? {}
                  : { updatedByUserId: version.updatedByUserId }),
              })),
            ]),
          ),
        }
      : {}),
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

/** Companies strictly after the cursor in (last modified, id) order: two ORed filter groups. */
export function afterCursor(after: SyncCursor): FilterGroup[] {
  if (after === null) return [];
  const at = String(Date.parse(after.modifiedAt));
  return [
    { filters: [{ propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gt, value: at }] },
    {
      filters: [
        { propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Eq, value: at },
        { propertyName: 'hs_object_id', operator: FilterOperatorEnum.Gt, value: after.id },
      ],
    },
  ];
}

export interface SearchPage {
  total: number;
  /** `version`: a fingerprint of the `versioned` properties asked for, when any were (`PulledAccount.version`). */
  companies: { id: string; modifiedAt: string; version?: string }[];
  next: number | null;
}

/** A fingerprint of a company's values of `names`: equal values, equal versions. */
export function companyVersion(
  properties: Readonly<Record<string, string | null | undefined>>,
  names: readonly string[],
): string {
  const values = [...new Set(names)].sort().map((name) => [name, properties[name] ?? null]);
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}

/** Companies after the cursor in last-modified order, `limit` from `offset` of the query's results. */
export function searchCompanies(
  transport: HubSpotTransport,
  after: SyncCursor,
  offset: number,
  limit: number = hubspotLimits.searchPageSize,
  versioned: readonly string[] = [],
): Promise<Result<SearchPage, ConnectorError>> {
  // HubSpot sorts by one property; ties are put in id order by the caller.
  return search(transport, afterCursor(after), 'hs_lastmodifieddate', offset, limit, versioned);
}

/** Companies last modified at `instant` (ms), after `afterId` when given, in id order. */
export function searchInstant(
  transport: HubSpotTransport,
  instant: string,
  afterId: string | null,
  offset: number,
  versioned: readonly string[] = [],
): Promise<Result<SearchPage, ConnectorError>> {
  const at = String(Date.parse(instant));
  const filters = [
    { propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Eq, value: at },
    ...(afterId === null
      ? []
      : [{ propertyName: 'hs_object_id', operator: FilterOperatorEnum.Gt, value: afterId }]),
  ];
  return search(transport, [{ filters }], 'hs_object_id', offset, hubspotLimits.searchPageSize, versioned);
}

async function search(
  transport: HubSpotTransport,
  filterGroups: FilterGroup[],
  sort: string,
  offset: number,
  limit: number,
  versioned: readonly string[],
): Promise<Result<SearchPage, ConnectorError>> {
  const answer = await transport.call({ kind: 'search', direction: 'read', search: true }, (client) =>
    client.crm.objects.searchApi.doSearchWithHttpInfo('companies', {
      filterGroups,
      sorts: [sort],
      properties: ['hs_lastmodifieddate', ...versioned],
      limit,
      ...(offset > 0 ? { after: String(offset) } : {}),
    }),
  );
  if (!answer.ok) return answer;
  const next = answer.value.paging?.next?.after;
  return ok({
    total: answer.value.total,
    companies: answer.value.results.map((company) => ({
      id: company.id,
      modifiedAt: new Date(company.properties.hs_lastmodifieddate ?? company.updatedAt).toISOString(),
      ...(versioned.length > 0 ? { version: companyVersion(company.properties, versioned) } : {}),
    })),
    next: next === undefined ? null : Number(next),
  });
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** Batch reads by id, 100 per call, in parallel through the limiter; ids HubSpot no longer has are skipped. */
export async function readObjects(
  transport: HubSpotTransport,
  objectType: string,
  ids: readonly string[],
  properties: readonly string[],
  propertiesWithHistory: readonly string[] = [],
): Promise<Result<HubSpotRecord[], ConnectorError>> {
  transport.floor.needed(`batch_read:${objectType}`, ids, hubspotLimits.batchSize);
  const answers = await Promise.all(
    chunks(ids, hubspotLimits.batchSize).map((slice) =>
      transport.call({ kind: 'batch_read', direction: 'read' }, (client) =>
        client.crm.objects.batchApi.readWithHttpInfo(objectType, {
          inputs: slice.map((id) => ({ id })),
          properties: [...properties],
          propertiesWithHistory: [...propertiesWithHistory],
        }),
      ),
    ),
  );
  const failed = answers.find((answer) => !answer.ok);
  if (failed && !failed.ok) return err(failed.error);
  return ok(answers.flatMap((answer) => (answer.ok ? answer.value.results.map(plainRecord) : [])));
}

/** Company id → associated ids of one object type (v4 batch read, ≤ 1,000 companies per call). */
export async function readAssociations(
  transport: HubSpotTransport,
  toObjectType: string,
  companyIds: readonly string[],
): Promise<Result<Map<string, string[]>, ConnectorError>> {
  const associated = new Map<string, string[]>();
  transport.floor.needed(`associations:${toObjectType}`, companyIds, hubspotLimits.associationsBatchReadSize);
  for (const slice of chunks(companyIds, hubspotLimits.associationsBatchReadSize)) {
    const answer = await transport.call({ kind: 'associations', direction: 'read' }, (client) =>
      client.crm.associations.v4.batchApi.getPageWithHttpInfo('companies', toObjectType, {
        inputs: slice.map((id) => ({ id })),
      }),
    );
    if (!answer.ok) return answer;
    // A company with none is an error entry of the 207 answer, not a failure.
    for (const result of answer.value.results) {
      associated.set(
        result._from.id,
        result.to.map((to) => String(to.toObjectId)),
      );
    }
  }
  return ok(associated);
}
