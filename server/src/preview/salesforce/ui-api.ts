// The slice of Salesforce's UI API the card uses, answered from the emulator's REST API: a record with the
// fields asked for (relationships followed), a record update, and the records of a related list. The shapes
// are the UI API's (`fields.X.value`), so the card's code runs unchanged.
import { salesforceApiVersion } from '../../connectors/salesforce/provider.ts';
import { objectSchemas, type SObjectName } from '../../connectors/salesforce/emulator/sobject-schema.ts';

export interface EmulatorApi {
  url: string;
  accessToken(): string;
}

type RestRecord = Record<string, unknown>;
type UiField = { value: unknown; displayValue: null };
export interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, UiField | { value: UiRecord | null; displayValue: null }>;
}

/** A UI API error: the status and the body the card's `reduceErrors` reads. */
export class UiApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`UI API ${status}`);
  }
}

const NAME = /^\w+$/;
const RECORD_ID = /^[a-zA-Z0-9]{15,18}$/;

async function rest(api: EmulatorApi, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${api.url}/services/data/v${salesforceApiVersion}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${api.accessToken()}`, 'content-type': 'application/json' },
  });
}

async function restRecord(api: EmulatorApi, object: string, id: string): Promise<RestRecord> {
  if (!RECORD_ID.test(id))
    throw new UiApiError(400, [{ errorCode: 'MALFORMED_ID', message: `Bad id ${id}` }]);
  const response = await rest(api, `/sobjects/${object}/${id}`);
  if (!response.ok) throw new UiApiError(response.status, await response.json());
  return (await response.json()) as RestRecord;
}

export async function query(api: EmulatorApi, soql: string): Promise<RestRecord[]> {
  const response = await rest(api, `/query?q=${encodeURIComponent(soql)}`);
  if (!response.ok) throw new UiApiError(response.status, await response.json());
  return ((await response.json()) as { records: RestRecord[] }).records;
}

function referenceOf(object: string, lookupField: string): string | undefined {
  const schema = objectSchemas[object as SObjectName];
  return schema?.fields.find((field) => field.name === lookupField)?.referenceTo;
}

/** The record with `fields` (an error when one is missing) and `optionalFields` (left out when missing). */
export async function getUiRecord(
  api: EmulatorApi,
  id: string,
  fields: readonly string[],
  optionalFields: readonly string[],
): Promise<UiRecord> {
  const object = [...fields, ...optionalFields][0]?.split('.')[0] ?? 'Account';
  const record = await restRecord(api, object, id);
  const ui: UiRecord = { apiName: object, id, fields: {} };
  const wanted = [
    ...fields.map((f) => [f, true] as const),
    ...optionalFields.map((f) => [f, false] as const),
  ];
  for (const [qualified, required] of wanted) {
    const [owner, name = '', nested] = qualified.split('.');
    if (owner !== object || !NAME.test(name)) throw new UiApiError(400, [invalidField(qualified)]);
    if (nested !== undefined && name.endsWith('__r')) {
      const lookup = name.replace(/__r$/, '__c');
      const target = referenceOf(object, lookup);
      const parentId = record[lookup];
      if (!target) {
        if (required) throw new UiApiError(400, [invalidField(qualified)]);
        continue;
      }
      const parent =
        typeof parentId === 'string'
          ? await getUiRecord(api, parentId, [`${target}.${nested}`], []).catch(() => null)
          : null;
      ui.fields[name] = { value: parent, displayValue: null };
      continue;
    }
    if (!(name in record)) {
      if (required) throw new UiApiError(400, [invalidField(qualified)]);
      continue;
    }
    ui.fields[name] = { value: record[name], displayValue: null };
  }
  return ui;
}

function invalidField(field: string) {
  return { errorCode: 'INVALID_FIELD', message: `No such column '${field}' on entity` };
}

/** `updateRecord`: the fields written through the emulator's sObject PATCH. */
export async function updateUiRecord(
  api: EmulatorApi,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  if (!RECORD_ID.test(id)) throw new UiApiError(400, { message: `Bad id ${id}` });
  const response = await rest(api, `/sobjects/Account/${id}`, {
    method: 'PATCH',
    body: JSON.stringify(fields),
  });
  if (response.ok) return;
  // The REST errors as the UI API nests a write's errors: `body.output.errors`.
  const errors = (await response.json()) as { message: string; errorCode: string }[];
  throw new UiApiError(response.status, { message: errors[0]?.message, output: { errors, fieldErrors: {} } });
}

/**
 * A related list's records, by its relationship (`Product_Usage__r`): the child object named like it, and
 * its field that looks up the parent.
 */
export async function relatedListRecords(
  api: EmulatorApi,
  parentId: string,
  relatedListId: string,
  options: { fields: readonly string[]; sortBy: readonly string[]; pageSize: number },
): Promise<{ records: UiRecord[]; count: number }> {
  if (!RECORD_ID.test(parentId) || !/^\w+__r$/.test(relatedListId))
    throw new UiApiError(400, [{ errorCode: 'INVALID_INPUT', message: 'Bad related list' }]);
  const object = relatedListId.replace(/__r$/, '__c');
  const parentField = objectSchemas[object as SObjectName]?.fields.find(
    (field) => field.referenceTo === 'Account',
  );
  if (!parentField)
    throw new UiApiError(404, [{ errorCode: 'NOT_FOUND', message: `No related list ${relatedListId}` }]);
  const names = options.fields.map((field) => field.split('.').at(-1) ?? '');
  const [sort] = options.sortBy;
  const sortField = sort?.replace(/^-/, '').split('.').at(-1);
  if (![...names, sortField ?? 'Id'].every((name) => NAME.test(name)))
    throw new UiApiError(400, [{ errorCode: 'INVALID_FIELD', message: 'Bad field' }]);
  const order = sortField ? ` ORDER BY ${sortField} ${sort?.startsWith('-') ? 'DESC' : 'ASC'}` : '';
  const limit = Math.min(Math.max(1, Math.floor(options.pageSize)), 2000);
  const rows = await query(
    api,
    `SELECT Id, ${names.join(', ')} FROM ${object} WHERE ${parentField.name} = '${parentId}'${order} LIMIT ${limit}`,
  );
  const records = rows.map((row) => ({
    apiName: object,
    id: String(row.Id),
    fields: Object.fromEntries(names.map((name) => [name, { value: row[name] ?? null, displayValue: null }])),
  }));
  return { records, count: records.length };
}
