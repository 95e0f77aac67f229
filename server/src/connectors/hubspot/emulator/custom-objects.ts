// Custom objects as HubSpot's schemas API defines them: a schema (name, labels, properties, the object types it
// associates with) gets an object type id `2-{id}` and a fully qualified name `p{portalId}_{name}`; its records are
// served by the same object, search and association routes as the standard objects. The association types a
// schema creates are assigned per schema (one id each way), USER_DEFINED, without a label.
import {
  crmObjectTypes,
  isCrmObjectType,
  isCustomObjectTypeId,
  type AssociationType,
  type CrmObjectType,
  type CustomObjectTypeId,
  type ObjectTypeKey,
  type PropertyDefinition,
  type PropertyFieldType,
  type PropertyType,
} from './crm-records.types.ts';
import { propertyDefinition } from './portal-schema.ts';
import type { PortalState } from './portal-state.ts';

/** HubSpot's object type ids of the standard objects. */
export const standardObjectTypeIds: Record<CrmObjectType, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tasks: '0-27',
  notes: '0-46',
  meetings: '0-47',
  calls: '0-48',
  emails: '0-49',
};

/** `associatedObjects` values of a schema create: the documented upper-case names. */
const associatedObjectNames: Record<string, CrmObjectType> = {
  CONTACT: 'contacts',
  COMPANY: 'companies',
  DEAL: 'deals',
  TASK: 'tasks',
  NOTE: 'notes',
  EMAIL: 'emails',
  MEETING: 'meetings',
  CALL: 'calls',
};

/** One association a schema defines, from the custom object to another type; `inverseId` is the way back. */
export interface SchemaAssociation {
  id: string;
  inverseId: string;
  from: ObjectTypeKey;
  to: ObjectTypeKey;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface CustomObjectSchema {
  id: string;
  objectTypeId: CustomObjectTypeId;
  name: string;
  fullyQualifiedName: string;
  description?: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty?: string;
  secondaryDisplayProperties: string[];
  requiredProperties: string[];
  searchableProperties: string[];
  /** The properties the schema was created with, by name (all of the type's properties are in the portal's table). */
  propertyNames: string[];
  associations: SchemaAssociation[];
  metaType: 'PORTAL_SPECIFIC';
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A schema create's body (`ObjectSchemaEgg`). */
export interface SchemaEgg {
  name?: string;
  description?: string;
  labels?: { singular?: string; plural?: string };
  primaryDisplayProperty?: string;
  secondaryDisplayProperties?: string[];
  requiredProperties?: string[];
  searchableProperties?: string[];
  associatedObjects?: string[];
  properties?: {
    name?: string;
    label?: string;
    type?: PropertyType;
    fieldType?: PropertyFieldType;
    groupName?: string;
    description?: string;
    displayOrder?: number;
    hasUniqueValue?: boolean;
    options?: { label: string; value: string; displayOrder?: number; hidden?: boolean }[];
  }[];
}

export const objectTypeIdOf = (type: ObjectTypeKey): string =>
  isCrmObjectType(type) ? standardObjectTypeIds[type] : type;

/** The object type a path names: a standard name or id, a custom object's type id or fully qualified name. */
export function resolveObjectType(portal: PortalState, name: string): ObjectTypeKey | undefined {
  if (isCrmObjectType(name)) return name;
  const standard = crmObjectTypes.find((type) => standardObjectTypeIds[type] === name);
  if (standard) return standard;
  if (isCustomObjectTypeId(name)) return portal.schemas.has(name) ? name : undefined;
  for (const schema of portal.schemas.values()) {
    if (name === schema.fullyQualifiedName || name === `p_${schema.name}`) return schema.objectTypeId;
  }
  return undefined;
}

/** A schema found by what the schemas API takes: its object type id or fully qualified name. */
export function schemaOf(portal: PortalState, name: string): CustomObjectSchema | undefined {
  const type = resolveObjectType(portal, name);
  return type !== undefined && isCustomObjectTypeId(type) ? portal.schemas.get(type) : undefined;
}

function associatedType(portal: PortalState, name: string): ObjectTypeKey | undefined {
  return associatedObjectNames[name.toUpperCase()] ?? resolveObjectType(portal, name);
}

/** The first id of the association types schemas are assigned (two per associated type). */
const firstSchemaAssociationId = 3_000;

function nextAssociationId(portal: PortalState): number {
  let used = 0;
  for (const schema of portal.schemas.values()) used += schema.associations.length;
  return firstSchemaAssociationId + used * 2;
}

const objectName = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Why a schema create is refused, as HubSpot's VALIDATION_ERROR message; undefined when it is valid. */
export function schemaProblem(portal: PortalState, egg: SchemaEgg): string | undefined {
  if (!egg.name || !objectName.test(egg.name))
    return 'name is required: letters, numbers and underscores, starting with a letter';
  if (!egg.labels?.singular || !egg.labels.plural) return 'labels.singular and labels.plural are required';
  if (!Array.isArray(egg.properties) || egg.properties.some((property) => !property.name || !property.label))
    return 'properties are required, each with a name and a label';
  if (!Array.isArray(egg.requiredProperties)) return 'requiredProperties is required';
  if (!Array.isArray(egg.associatedObjects)) return 'associatedObjects is required';
  const names = new Set(egg.properties.map((property) => property.name));
  const unknown = [
    ...egg.requiredProperties,
    ...(egg.searchableProperties ?? []),
    ...(egg.secondaryDisplayProperties ?? []),
    ...(egg.primaryDisplayProperty ? [egg.primaryDisplayProperty] : []),
  ].find((name) => !names.has(name));
  if (unknown !== undefined) return `Property ${unknown} is not one of the schema's properties`;
  const badAssociation = egg.associatedObjects.find((name) => associatedType(portal, name) === undefined);
  if (badAssociation !== undefined) return `Unable to infer object type from: ${badAssociation}`;
  return undefined;
}

/** Creates the schema and its tables, properties, group and association types (the egg was checked). */
export function createCustomObject(portal: PortalState, egg: SchemaEgg, at: string): CustomObjectSchema {
  const name = egg.name ?? '';
  const id = String(100_000 + portal.schemas.size + 1);
  const objectTypeId: CustomObjectTypeId = `2-${Number(id)}`;
  const groupName = `${name}_information`;
  portal.records[objectTypeId] = new Map();
  portal.groups[objectTypeId] = new Map([
    [
      groupName,
      {
        name: groupName,
        label: `${egg.labels?.singular ?? name} information`,
        displayOrder: -1,
        archived: false,
      },
    ],
  ]);
  const properties = new Map<string, PropertyDefinition>();
  for (const input of egg.properties ?? []) {
    const definition = propertyDefinition(
      {
        name: input.name ?? '',
        label: input.label ?? '',
        type: input.type ?? 'string',
        fieldType: input.fieldType ?? 'text',
        groupName: input.groupName ?? groupName,
        ...(input.options ? { options: input.options.map((option) => option.value) } : {}),
      },
      input.displayOrder ?? -1,
      at,
    );
    properties.set(definition.name, {
      ...definition,
      description: input.description ?? '',
      hasUniqueValue: input.hasUniqueValue ?? false,
    });
  }
  portal.properties[objectTypeId] = properties;
  let associationId = nextAssociationId(portal);
  const associations = (egg.associatedObjects ?? []).flatMap((associated): SchemaAssociation[] => {
    const to = associatedType(portal, associated);
    if (to === undefined) return [];
    const toName = isCrmObjectType(to)
      ? (Object.entries(associatedObjectNames).find(([, type]) => type === to)?.[0] ?? to).toLowerCase()
      : (portal.schemas.get(to)?.name ?? to);
    const association: SchemaAssociation = {
      id: String(associationId),
      inverseId: String(associationId + 1),
      from: objectTypeId,
      to,
      name: `${name}_to_${toName}`,
      createdAt: at,
      updatedAt: at,
    };
    associationId += 2;
    return [association];
  });
  const schema: CustomObjectSchema = {
    id,
    objectTypeId,
    name,
    fullyQualifiedName: `p${portal.hubId}_${name}`,
    ...(egg.description ? { description: egg.description } : {}),
    labels: { singular: egg.labels?.singular ?? name, plural: egg.labels?.plural ?? name },
    ...(egg.primaryDisplayProperty ? { primaryDisplayProperty: egg.primaryDisplayProperty } : {}),
    secondaryDisplayProperties: egg.secondaryDisplayProperties ?? [],
    requiredProperties: egg.requiredProperties ?? [],
    searchableProperties: egg.searchableProperties ?? egg.requiredProperties ?? [],
    propertyNames: [...properties.keys()],
    associations,
    metaType: 'PORTAL_SPECIFIC',
    archived: false,
    createdAt: at,
    updatedAt: at,
  };
  portal.schemas.set(objectTypeId, schema);
  return schema;
}

/** A schema as the schemas API answers it (the v3 fields, with the dated version's `objectTypeId` and `archived`). */
export function schemaView(portal: PortalState, schema: CustomObjectSchema) {
  const properties = portal.properties[schema.objectTypeId] ?? new Map<string, PropertyDefinition>();
  return {
    id: schema.id,
    objectTypeId: schema.objectTypeId,
    name: schema.name,
    fullyQualifiedName: schema.fullyQualifiedName,
    ...(schema.description ? { description: schema.description } : {}),
    labels: schema.labels,
    ...(schema.primaryDisplayProperty ? { primaryDisplayProperty: schema.primaryDisplayProperty } : {}),
    secondaryDisplayProperties: schema.secondaryDisplayProperties,
    requiredProperties: schema.requiredProperties,
    searchableProperties: schema.searchableProperties,
    properties: schema.propertyNames.flatMap((name) => properties.get(name) ?? []),
    associations: schema.associations.map((association) => ({
      id: association.id,
      fromObjectTypeId: objectTypeIdOf(association.from),
      toObjectTypeId: objectTypeIdOf(association.to),
      name: association.name,
      createdAt: association.createdAt,
      updatedAt: association.updatedAt,
    })),
    metaType: schema.metaType,
    archived: schema.archived,
    createdAt: schema.createdAt,
    updatedAt: schema.updatedAt,
  };
}

/** A schema's association read one way: from, to, its type id that way, and the type id the other way. */
interface DirectedAssociation {
  from: ObjectTypeKey;
  to: ObjectTypeKey;
  typeId: number;
  inverseTypeId: number;
}

/** Every schema association, each both ways round. */
function* directedAssociations(portal: PortalState): Generator<DirectedAssociation> {
  for (const schema of portal.schemas.values()) {
    for (const association of schema.associations) {
      const [id, inverseId] = [Number(association.id), Number(association.inverseId)];
      yield { from: association.from, to: association.to, typeId: id, inverseTypeId: inverseId };
      yield { from: association.to, to: association.from, typeId: inverseId, inverseTypeId: id };
    }
  }
}

/** The association types a schema defines from `from` to `to` (either way round), USER_DEFINED without a label. */
export function schemaAssociationTypes(
  portal: PortalState,
  from: ObjectTypeKey,
  to: ObjectTypeKey,
): AssociationType[] {
  const types: AssociationType[] = [];
  for (const edge of directedAssociations(portal))
    if (edge.from === from && edge.to === to)
      types.push({ category: 'USER_DEFINED', typeId: edge.typeId, label: null });
  return types;
}

/** The type id the other way of a schema's association type, when `typeId` is one from `from` to `to`. */
export function schemaInverseTypeId(
  portal: PortalState,
  from: ObjectTypeKey,
  to: ObjectTypeKey,
  typeId: number,
): number | undefined {
  for (const edge of directedAssociations(portal))
    if (edge.from === from && edge.to === to && edge.typeId === typeId) return edge.inverseTypeId;
  return undefined;
}

/** The object type a schema's association type id from `from` leads to (how a create's associations are read). */
export function schemaTargetOfTypeId(
  portal: PortalState,
  from: ObjectTypeKey,
  typeId: number,
): ObjectTypeKey | undefined {
  for (const edge of directedAssociations(portal))
    if (edge.from === from && edge.typeId === typeId) return edge.to;
  return undefined;
}
