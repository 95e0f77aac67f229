// The usage object of `usage.customObject`, as the object and association calls name it: its object type id. An id
// (`2-…`) is taken as it is; a name or fully qualified name is looked up once in the portal's schemas (one call).
import { err, ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { HubSpotConnectorSettings as HubSpotSettings } from '../hubspot-settings.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import type { UsageObjectRead } from './read-bundles.ts';

const objectTypeId = /^2-\d+$/;

/** The schema's type id (the dated schemas answer `objectTypeId`; v3 answers `id`, the type id being `2-{id}`). */
const typeIdOf = (schema: { id: string; objectTypeId?: string }) => schema.objectTypeId ?? `2-${schema.id}`;

export async function resolveUsageObject(
  transport: HubSpotTransport,
  settings: HubSpotSettings,
): Promise<Result<UsageObjectRead | undefined, ConnectorError>> {
  const mapping = settings.usage.customObject;
  if (!mapping) return ok(undefined);
  // The last-modified instant tells the next night which records it has read (`CompanyVersion.usageSeenAt`).
  const properties = ['hs_lastmodifieddate', mapping.dateProperty, ...Object.keys(mapping.metrics)];
  if (objectTypeId.test(mapping.objectType)) return ok({ type: mapping.objectType, properties });
  transport.floor.single();
  const answer = await transport.call({ kind: 'schemas', direction: 'read' }, (client) =>
    client.crm.schemas.coreApi.getAllWithHttpInfo(),
  );
  if (!answer.ok) return answer;
  const wanted = mapping.objectType;
  const schema = answer.value.results.find(
    (candidate) =>
      candidate.name === wanted ||
      candidate.fullyQualifiedName === wanted ||
      candidate.objectTypeId === wanted ||
      `p_${candidate.name}` === wanted,
  );
  if (!schema)
    return err({
      code: 'invalid_request',
      message: `usage.customObject: the portal has no custom object ${wanted} (its schemas: ${
        answer.value.results.map((candidate) => candidate.name).join(', ') || 'none'
      })`,
    });
  return ok({ type: typeIdOf(schema), properties });
}
