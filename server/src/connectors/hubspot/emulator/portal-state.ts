import type { CustomObjectSchema } from './custom-objects.ts';
import {
  crmObjectTypes,
  type AssociationType,
  type CrmObjectType,
  type CrmRecord,
  type CustomObjectTypeId,
  type ObjectTables,
  type ObjectTypeKey,
  type Owner,
  type Pipeline,
  type PropertyDefinition,
  type PropertyGroup,
} from './crm-records.types.ts';

export interface AccessTokenGrant {
  token: string;
  hubId: number;
  userId: number;
  scopes: readonly string[];
  expiresAt: number;
}

/** One portal (installed account) held in memory: records, schema, associations, owners, tokens. */
export interface PortalState {
  hubId: number;
  hubDomain: string;
  records: ObjectTables<Map<string, CrmRecord>>;
  properties: ObjectTables<Map<string, PropertyDefinition>>;
  groups: ObjectTables<Map<string, PropertyGroup>>;
  /** Custom object schemas by object type id (`2-…`); their tables are in `records`, `properties`, `groups`. */
  schemas: Map<CustomObjectTypeId, CustomObjectSchema>;
  /** `${from}|${fromId}|${to}` → toId → types; both directions are stored. */
  associations: Map<string, Map<string, AssociationType[]>>;
  /** USER_DEFINED labels by `${from}|${to}`. */
  associationLabels: Map<string, AssociationType[]>;
  owners: Owner[];
  pipelines: Pipeline[];
  accessTokens: Map<string, AccessTokenGrant>;
  refreshTokens: Map<string, { hubId: number; userId: number; scopes: readonly string[] }>;
  authorizationCodes: Map<string, { redirectUri: string; scopes: readonly string[] }>;
  nextId: number;
}

function perType<T>(make: () => T): Record<CrmObjectType, T> {
  return Object.fromEntries(crmObjectTypes.map((type) => [type, make()])) as Record<CrmObjectType, T>;
}

export function emptyPortal(hubId: number): PortalState {
  return {
    hubId,
    hubDomain: `ripe-emulator-${hubId}.hubspot.com`,
    records: perType(() => new Map()),
    properties: perType(() => new Map()),
    groups: perType(() => new Map()),
    associations: new Map(),
    associationLabels: new Map(),
    schemas: new Map(),
    owners: [],
    pipelines: [],
    accessTokens: new Map(),
    refreshTokens: new Map(),
    authorizationCodes: new Map(),
    nextId: 1_000_001,
  };
}

export function newRecordId(portal: PortalState): string {
  const id = String(portal.nextId);
  portal.nextId += 1;
  return id;
}

function edgeKey(from: ObjectTypeKey, fromId: string, to: ObjectTypeKey): string {
  return `${from}|${fromId}|${to}`;
}

export function associatedIds(
  portal: PortalState,
  from: ObjectTypeKey,
  fromId: string,
  to: ObjectTypeKey,
): Map<string, AssociationType[]> {
  return portal.associations.get(edgeKey(from, fromId, to)) ?? new Map();
}

/** Adds the types on the edge in one direction (merging with what is there). */
export function addEdge(
  portal: PortalState,
  from: ObjectTypeKey,
  fromId: string,
  to: ObjectTypeKey,
  toId: string,
  types: readonly AssociationType[],
): void {
  const key = edgeKey(from, fromId, to);
  const edges = portal.associations.get(key) ?? new Map<string, AssociationType[]>();
  const existing = edges.get(toId) ?? [];
  const merged = [...existing];
  for (const type of types) {
    if (!merged.some((seen) => seen.typeId === type.typeId && seen.category === type.category))
      merged.push(type);
  }
  edges.set(toId, merged);
  portal.associations.set(key, edges);
}

/** The table of one object type; a custom type's exists once its schema was created. */
export function tableOf<T>(tables: ObjectTables<T>, type: ObjectTypeKey): T {
  const table = tables[type];
  if (table === undefined) throw new Error(`No ${type} objects in this portal`);
  return table;
}
