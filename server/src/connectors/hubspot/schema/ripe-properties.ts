// The properties Ripe adds to a portal, derived from the field catalogue (one source): HubSpot's property type
// and field type for each catalogue type, the picklists' options, and Ripe's keys on companies, tasks and deals.
import { fieldCatalogue, type FieldType } from '@ripe/shared';
import { ripeSchema } from '../provider.ts';

export type RipeObjectType = 'companies' | 'tasks' | 'deals';

/** A property as `POST /crm/v3/properties/{objectType}` takes it. */
export interface RipePropertyDefinition {
  objectType: RipeObjectType;
  /** The catalogue field it holds, when it holds one (preflight names it so). */
  catalogueName: string | null;
  name: string;
  label: string;
  description: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select';
  groupName: string;
  hasUniqueValue: boolean;
  options: { label: string; value: string; displayOrder: number; hidden: boolean }[];
}

const hubspotTypes: Record<FieldType, Pick<RipePropertyDefinition, 'type' | 'fieldType'>> = {
  picklist: { type: 'enumeration', fieldType: 'select' },
  number: { type: 'number', fieldType: 'number' },
  percent: { type: 'number', fieldType: 'number' },
  currency: { type: 'number', fieldType: 'number' },
  date: { type: 'date', fieldType: 'date' },
  datetime: { type: 'datetime', fieldType: 'date' },
  text: { type: 'string', fieldType: 'text' },
  longtext: { type: 'string', fieldType: 'textarea' },
  contact: { type: 'string', fieldType: 'text' },
};

/** Each object type's default property group (where a key property goes). */
const defaultGroups: Record<Exclude<RipeObjectType, 'companies'>, string> = {
  tasks: 'task',
  deals: 'dealinformation',
};

const key = (
  objectType: RipeObjectType,
  name: string,
  label: string,
  description: string,
  unique: boolean,
): RipePropertyDefinition => ({
  objectType,
  catalogueName: null,
  name,
  label,
  description,
  type: 'string',
  fieldType: 'text',
  groupName: objectType === 'companies' ? ripeSchema.groupName : defaultGroups[objectType],
  hasUniqueValue: unique,
  options: [],
});

/** Every property Ripe needs, companies first, in catalogue order. */
export function ripeProperties(): RipePropertyDefinition[] {
  const catalogue = fieldCatalogue.map((field): RipePropertyDefinition => ({
    objectType: 'companies',
    catalogueName: field.name,
    name: field.hubspot,
    label: field.label,
    description: field.description,
    ...hubspotTypes[field.type],
    groupName: ripeSchema.groupName,
    hasUniqueValue: false,
    options: (field.values ?? []).map((value, index) => ({
      label: value,
      value,
      displayOrder: index,
      hidden: false,
    })),
  }));
  return [
    ...catalogue,
    key(
      'companies',
      ripeSchema.historyKeyProperty,
      'Ripe history record',
      'The night whose verdict the Ripe properties hold',
      false,
    ),
    key(
      'tasks',
      ripeSchema.taskKeyProperty,
      'Ripe task key',
      "Ripe's key of the task (account and window)",
      true,
    ),
    key(
      'deals',
      ripeSchema.dealKeyProperty,
      'Ripe opportunity key',
      "Ripe's key of the expansion deal",
      true,
    ),
  ];
}

/** The HubSpot property of each catalogue field, by logical name. */
export const hubspotPropertyOf: ReadonlyMap<string, string> = new Map(
  fieldCatalogue.map((field) => [field.name, field.hubspot]),
);
