// Tasks and deals Ripe wrote, found by their idempotency key: a batch read by the unique key property
// (`idProperty`), so a replayed write finds the record instead of creating another. Creates and updates in
// batches; a create's results are matched back by the key they carry (HubSpot does not keep input order).
import {
  AssociationSpecAssociationCategoryEnum,
  type SimplePublicObjectBatchInput,
  type SimplePublicObjectInputForCreate,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { WriteOutcome } from '../../write-operation.ts';
import type { HubSpotRecord } from '../mappers/hubspot-record.ts';
import { plainRecord } from '../pull/hubspot-reads.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { errorsById, type BatchErrorEntry } from './batch-outcomes.ts';

export async function readByKey(
  transport: HubSpotTransport,
  objectType: 'tasks' | 'deals',
  keyProperty: string,
  keys: readonly string[],
  properties: readonly string[],
): Promise<Result<Map<string, HubSpotRecord>, ConnectorError>> {
  if (keys.length === 0) return ok(new Map());
  transport.floor.needed(`batch_read:${objectType}:${keyProperty}`, keys, hubspotLimits.batchSize);
  const answer = await transport.call({ kind: 'batch_read', direction: 'read' }, (client) =>
    client.crm.objects.batchApi.readWithHttpInfo(objectType, {
      idProperty: keyProperty,
      inputs: keys.map((id) => ({ id })),
      properties: [keyProperty, ...properties],
      propertiesWithHistory: [],
    }),
  );
  if (!answer.ok) return answer;
  // Keys HubSpot does not have come back as a not-found error entry: nothing written under them yet.
  const found = answer.value.results.map(plainRecord);
  return ok(new Map(found.map((record) => [record.properties[keyProperty] ?? '', record])));
}

/** Creates records associated with a company each; answers the outcome by key. */
export async function createWithCompany(
  transport: HubSpotTransport,
  objectType: 'tasks' | 'deals',
  keyProperty: string,
  associationTypeId: number,
  creates: readonly { key: string; companyId: string; properties: Record<string, string> }[],
): Promise<Result<Map<string, WriteOutcome>, ConnectorError>> {
  if (creates.length === 0) return ok(new Map());
  const inputs: SimplePublicObjectInputForCreate[] = creates.map((create) => ({
    properties: { ...create.properties, [keyProperty]: create.key },
    associations: [
      {
        to: { id: create.companyId },
        types: [
          { associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId },
        ],
      },
    ],
  }));
  const answer = await transport.call({ kind: 'batch_create', direction: 'write' }, (client) =>
    client.crm.objects.batchApi.createWithHttpInfo(objectType, { inputs }),
  );
  if (!answer.ok) return answer;
  const outcomes = new Map<string, WriteOutcome>();
  for (const record of answer.value.results) {
    const key = record.properties[keyProperty];
    if (key) outcomes.set(key, { ok: true, crmId: record.id });
  }
  // A refused create names no id: its error applies to every key without a result.
  const errors = 'errors' in answer.value ? (answer.value.errors as BatchErrorEntry[]) : [];
  const [failure] = errorsById(errors.map((entry) => ({ ...entry, context: { id: ['*'] } }))).values();
  for (const create of creates) if (!outcomes.has(create.key) && failure) outcomes.set(create.key, failure);
  return ok(outcomes);
}

/** Updates records by id; answers the outcome by id. */
export async function updateByIds(
  transport: HubSpotTransport,
  objectType: 'tasks' | 'deals',
  inputs: SimplePublicObjectBatchInput[],
): Promise<Result<Map<string, WriteOutcome>, ConnectorError>> {
  if (inputs.length === 0) return ok(new Map());
  const answer = await transport.call({ kind: 'batch_update', direction: 'write' }, (client) =>
    client.crm.objects.batchApi.updateWithHttpInfo(objectType, { inputs }),
  );
  if (!answer.ok) return answer;
  const outcomes = errorsById('errors' in answer.value ? (answer.value.errors as BatchErrorEntry[]) : []);
  for (const record of answer.value.results) outcomes.set(record.id, { ok: true, crmId: record.id });
  return ok(outcomes);
}
