/** The CRM object types the emulator serves, by their v3 path name. */
export const crmObjectTypes = [
  'companies',
  'contacts',
  'deals',
  'tasks',
  'notes',
  'emails',
  'meetings',
  'calls',
] as const;
export type CrmObjectType = (typeof crmObjectTypes)[number];

export function isCrmObjectType(value: string): value is CrmObjectType {
  return (crmObjectTypes as readonly string[]).includes(value);
}

/** A custom object's type id, `2-{schema id}` (HubSpot's `objectTypeId` of a custom object). */
export type CustomObjectTypeId = `2-${number}`;
/** Any object type the emulator holds records of: a standard one by its path name, or a custom one by type id. */
export type ObjectTypeKey = CrmObjectType | CustomObjectTypeId;

export function isCustomObjectTypeId(value: string): value is CustomObjectTypeId {
  return /^2-\d+$/.test(value);
}

/** A table per object type: the standard ones always, a custom one once its schema exists. */
export type ObjectTables<T> = Record<CrmObjectType, T> & Record<CustomObjectTypeId, T>;

/** One version of a property value, as `propertiesWithHistory` returns it (newest first). */
export interface PropertyVersion {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

/** Who set a value: an integration (the app's user), a CRM user in the UI, the import that seeded the portal. */
export interface VersionSource {
  sourceType: 'INTEGRATION' | 'CRM_UI' | 'IMPORT';
  updatedByUserId?: number;
}

/** A record as the v3 objects API returns it: every property value is a string (or null). */
export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Every value each property held, newest first (HubSpot keeps a property's history). */
  history: Record<string, PropertyVersion[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
export type PropertyFieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'booleancheckbox'
  | 'calculation_equation';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A property definition as `GET /crm/v3/properties/{objectType}` returns it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: PropertyFieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined?: boolean;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

/** One association type on an edge, as v4 returns it. */
export interface AssociationType {
  category: AssociationCategory;
  typeId: number;
  label: string | null;
}

export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: { isClosed: 'true' | 'false'; probability: string };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}
