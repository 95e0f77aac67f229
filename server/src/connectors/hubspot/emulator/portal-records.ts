import { associationTypeIds } from './association-types.data.ts';
import {
  isCrmObjectType,
  type AssociationType,
  type CrmObjectType,
  type CrmRecord,
  type ObjectTypeKey,
  type VersionSource,
} from './crm-records.types.ts';
import { schemaAssociationTypes, schemaInverseTypeId } from './custom-objects.ts';
import { addEdge, newRecordId, tableOf, type PortalState } from './portal-state.ts';

/** Inserts a record with HubSpot's system properties (`hs_object_id`, `createdate`, last-modified). */
export function insertRecord(
  portal: PortalState,
  type: ObjectTypeKey,
  properties: Record<string, string | null>,
  at: string,
  createdAt: string = at,
  source: VersionSource = { sourceType: 'INTEGRATION' },
): CrmRecord {
  const id = newRecordId(portal);
  const record: CrmRecord = {
    id,
    properties: { hs_object_id: id, createdate: createdAt },
    history: {},
    createdAt,
    updatedAt: at,
    archived: false,
  };
  setProperties(record, type, properties, at, source);
  tableOf(portal.records, type).set(id, record);
  return record;
}

/** Sets values as HubSpot does on a write: each set value becomes the newest version of its history. */
export function setProperties(
  record: CrmRecord,
  type: ObjectTypeKey,
  properties: Record<string, string | null>,
  at: string,
  source: VersionSource = { sourceType: 'INTEGRATION' },
): void {
  for (const [name, value] of Object.entries(properties)) {
    record.properties[name] = value;
    if (value === null || value === '') continue;
    (record.history[name] ??= []).unshift({ value, timestamp: at, ...source });
  }
  touch(record, type, at);
}

/** Sets the last-modified properties the way HubSpot does on every write. */
export function touch(record: CrmRecord, type: ObjectTypeKey, at: string): void {
  record.updatedAt = at;
  record.properties.hs_lastmodifieddate = at;
  if (type === 'contacts') record.properties.lastmodifieddate = at;
}

/** The inverse of a HUBSPOT_DEFINED type id, or of a USER_DEFINED label, for the reverse edge. */
function inverseType(
  portal: PortalState,
  from: ObjectTypeKey,
  to: ObjectTypeKey,
  type: AssociationType,
): AssociationType | undefined {
  if (!isCrmObjectType(from) || !isCrmObjectType(to)) {
    const typeId = schemaInverseTypeId(portal, from, to, type.typeId);
    if (typeId !== undefined) return { ...type, typeId };
  }
  if (type.category === 'HUBSPOT_DEFINED') {
    if (!isCrmObjectType(from) || !isCrmObjectType(to)) return undefined;
    const forward = associationTypeIds[`${from}→${to}`];
    const backward = associationTypeIds[`${to}→${from}`];
    if (!forward || !backward) return undefined;
    if (type.typeId === forward.unlabeled) return { ...type, typeId: backward.unlabeled };
    if (type.typeId === forward.primary && backward.primary !== undefined) {
      return { ...type, typeId: backward.primary };
    }
    return undefined;
  }
  const forwardLabels = portal.associationLabels.get(`${from}|${to}`) ?? [];
  const index = forwardLabels.findIndex((label) => label.typeId === type.typeId);
  return index < 0 ? undefined : portal.associationLabels.get(`${to}|${from}`)?.[index];
}

/** Associates two records in both directions, as HubSpot stores every association pair. */
export function associate(
  portal: PortalState,
  from: ObjectTypeKey,
  fromId: string,
  to: ObjectTypeKey,
  toId: string,
  types: readonly AssociationType[],
): void {
  addEdge(portal, from, fromId, to, toId, types);
  const inverse = types.flatMap((type) => inverseType(portal, from, to, type) ?? []);
  addEdge(portal, to, toId, from, fromId, inverse);
}

/** The unlabeled HUBSPOT_DEFINED type between two object types (and the primary one when asked). */
export function definedTypes(from: CrmObjectType, to: CrmObjectType, primary = false): AssociationType[] {
  const ids = associationTypeIds[`${from}→${to}`];
  if (!ids) return [];
  const types: AssociationType[] = [{ category: 'HUBSPOT_DEFINED', typeId: ids.unlabeled, label: null }];
  if (primary && ids.primary !== undefined) {
    types.unshift({ category: 'HUBSPOT_DEFINED', typeId: ids.primary, label: 'Primary' });
  }
  return types;
}

/** The unlabeled types between two object types: HubSpot's between standard ones, a schema's with a custom one. */
export function typesBetween(portal: PortalState, from: ObjectTypeKey, to: ObjectTypeKey): AssociationType[] {
  if (isCrmObjectType(from) && isCrmObjectType(to)) return definedTypes(from, to);
  return schemaAssociationTypes(portal, from, to);
}
