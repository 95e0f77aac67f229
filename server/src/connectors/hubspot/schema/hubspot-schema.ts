// Ripe's schema in a portal: the preflight (two reads: the company and task properties; the group is read
// only when a property is missing, to name it too) and `ensureProperties`, the idempotent install/upgrade
// that creates the group and whatever property is missing (a 409 from a concurrent install counts as done).
import type {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { err, ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError, PreflightReport } from '../../crm-connector.ts';
import { ripeSchema } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { ripeProperties, type RipeObjectType, type RipePropertyDefinition } from './ripe-properties.ts';

type Missing = PreflightReport['missing'][number];

async function propertyNames(
  transport: HubSpotTransport,
  objectType: RipeObjectType,
): Promise<Result<Set<string>, ConnectorError>> {
  const answer = await transport.call({ kind: 'properties', direction: 'read' }, (client) =>
    client.crm.properties.coreApi.getAllWithHttpInfo(objectType),
  );
  transport.floor.single();
  return answer.ok ? ok(new Set(answer.value.results.map((property) => property.name))) : answer;
}

async function groupExists(transport: HubSpotTransport): Promise<Result<boolean, ConnectorError>> {
  const answer = await transport.call({ kind: 'properties', direction: 'read' }, (client) =>
    client.crm.properties.groupsApi.getAllWithHttpInfo('companies'),
  );
  transport.floor.single();
  return answer.ok ? ok(answer.value.results.some((group) => group.name === ripeSchema.groupName)) : answer;
}

function missingItem(definition: RipePropertyDefinition): Missing {
  const where = definition.objectType === 'companies' ? 'company' : definition.objectType.slice(0, -1);
  return {
    kind: 'field',
    name: definition.catalogueName ?? definition.name,
    message: `The ${where} property ${definition.name} is not installed`,
  };
}

/** What the portal lacks of the company properties and the task key. */
export async function preflightSchema(
  transport: HubSpotTransport,
): Promise<Result<PreflightReport, ConnectorError>> {
  const companies = await propertyNames(transport, 'companies');
  if (!companies.ok) return companies;
  const tasks = await propertyNames(transport, 'tasks');
  if (!tasks.ok) return tasks;
  const present = { companies: companies.value, tasks: tasks.value };
  const missing = ripeProperties()
    .filter((definition) => definition.objectType !== 'deals')
    .filter((definition) => !present[definition.objectType as 'companies' | 'tasks'].has(definition.name))
    .map(missingItem);
  if (missing.length > 0) {
    const group = await groupExists(transport);
    if (!group.ok) return group;
    if (!group.value) {
      missing.unshift({
        kind: 'property_group',
        name: ripeSchema.groupName,
        message: `The company property group ${ripeSchema.groupName} is not installed`,
      });
    }
  }
  return ok({ ok: missing.length === 0, missing });
}

const alreadyThere = (error: ConnectorError) => error.message.includes('(409)');

/** Creates the group and every missing property; answers the names it created. Safe to run again. */
export async function ensureProperties(
  transport: HubSpotTransport,
): Promise<Result<string[], ConnectorError>> {
  const created: string[] = [];
  const group = await groupExists(transport);
  if (!group.ok) return group;
  if (!group.value) {
    const made = await transport.call({ kind: 'schema', direction: 'write' }, (client) =>
      client.crm.properties.groupsApi.createWithHttpInfo('companies', {
        name: ripeSchema.groupName,
        label: ripeSchema.groupLabel,
      }),
    );
    if (!made.ok && !alreadyThere(made.error)) return made;
    created.push(`group ${ripeSchema.groupName}`);
  }
  for (const objectType of ['companies', 'tasks', 'deals'] as const) {
    const present = await propertyNames(transport, objectType);
    if (!present.ok) return present;
    for (const definition of ripeProperties()) {
      if (definition.objectType !== objectType || present.value.has(definition.name)) continue;
      const { objectType: _type, catalogueName: _catalogue, ...input } = definition;
      const made = await transport.call({ kind: 'schema', direction: 'write' }, (client) =>
        client.crm.properties.coreApi.createWithHttpInfo(objectType, {
          ...input,
          // The client's enums hold exactly these strings.
          type: input.type as PropertyCreateTypeEnum,
          fieldType: input.fieldType as PropertyCreateFieldTypeEnum,
        }),
      );
      if (!made.ok && !alreadyThere(made.error)) return err(made.error);
      created.push(`${objectType}.${definition.name}`);
    }
  }
  return ok(created);
}
