import {
  crmObjectTypes,
  type AssociationType,
  type CrmObjectType,
  type CrmRecord,
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
  records: Record<CrmObjectType, Map<string, CrmRecord>>;
  properties: Record<CrmObjectType, Map<string, PropertyDefinition>>;
  groups: Record<CrmObjectType, Map<string, PropertyGroup>>;
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

function edgeKey(from: CrmObjectType, fromId: string, to: CrmObjectType): string {
  return `${from}|${fromId}|${to}`;
}

export function associatedIds(
  portal: PortalState,
  from: CrmObjectType,
  fromId: string,
  to: CrmObjectType,
): Map<string, AssociationType[]> {
  return portal.associations.get(edgeKey(from, fromId, to)) ?? new Map();
}

/** Adds the types on the edge in one direction (merging with what is there). */
export function addEdge(
  portal: PortalState,
  from: CrmObjectType,
  fromId: string,
  to: CrmObjectType,
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
