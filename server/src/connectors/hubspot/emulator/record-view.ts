import {
  isCrmObjectType,
  type CrmObjectType,
  type CrmRecord,
  type ObjectTypeKey,
} from './crm-records.types.ts';

/** The properties each object returns when none are asked for (HubSpot's documented defaults). */
export const defaultReturnedProperties: Record<CrmObjectType, readonly string[]> = {
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  deals: [
    'amount',
    'closedate',
    'createdate',
    'dealname',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_object_id',
    'pipeline',
  ],
  tasks: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  notes: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  emails: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  meetings: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  calls: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** What a custom object's record returns when no properties are asked for. */
const customObjectDefaults = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] as const;

/**
 * A record as v3 returns it: only the asked properties (null when the record has no value), and the history of
 * those asked `propertiesWithHistory` (every version, newest first) when any are.
 */
export function recordView(
  type: ObjectTypeKey,
  record: CrmRecord,
  asked: readonly string[] | undefined,
  withHistory?: readonly string[],
) {
  const names =
    asked && asked.length > 0
      ? asked
      : isCrmObjectType(type)
        ? defaultReturnedProperties[type]
        : customObjectDefaults;
  const properties: Record<string, string | null> = {};
  for (const name of names) {
    const value = name === 'hs_createdate' ? record.createdAt : record.properties[name];
    properties[name] = value ?? null;
  }
  const history =
    withHistory && withHistory.length > 0
      ? {
          propertiesWithHistory: Object.fromEntries(
            withHistory.map((name) => [
              name,
              (record.history[name] ?? []).map((version) => ({ ...version })),
            ]),
          ),
        }
      : {};
  return {
    id: record.id,
    properties,
    ...history,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
  };
}

export function propertyList(query: unknown): string[] | undefined {
  if (typeof query === 'string') return query.split(',').filter(Boolean);
  if (Array.isArray(query)) return query.flatMap((item) => (typeof item === 'string' ? item.split(',') : []));
  return undefined;
}
