import type { FaultSettings } from './emulator-faults.ts';
import {
  salesforceDateTime,
  type EmulatorState,
  type FieldValue,
  type SalesforceRecord,
} from './emulator-state.ts';
import type { SalesforceStatusCode } from './salesforce-errors.ts';
import { findField, findObject, type ObjectSchema, type OrgView } from './sobject-schema.ts';

/** One entry of `errors` in a collection result. */
export interface SaveError {
  statusCode: SalesforceStatusCode;
  message: string;
  fields: string[];
}

/** A write checked and ready to apply, or the reasons it was refused. */
export type StagedSave =
  | { ok: true; schema: ObjectSchema; id: string; created: boolean; values: SalesforceRecord }
  | { ok: false; id?: string; errors: SaveError[] };

const failure = (
  statusCode: SalesforceStatusCode,
  message: string,
  fields: string[] = [],
  id?: string,
): StagedSave => ({
  ok: false,
  ...(id === undefined ? {} : { id }),
  errors: [{ statusCode, message, fields }],
});

/** The record's type from its `attributes`, as every collection record must carry it. */
export function typeOf(input: Record<string, unknown>, org: OrgView): ObjectSchema | undefined {
  const attributes = input.attributes as { type?: unknown } | undefined;
  return typeof attributes?.type === 'string' ? findObject(attributes.type, org) : undefined;
}

/** Checks the fields of one record against the org's schema and the faults switched on. */
export function stageSave(
  state: EmulatorState,
  faults: FaultSettings,
  schema: ObjectSchema,
  input: Record<string, unknown>,
  target: { id: string; created: boolean },
): StagedSave {
  const values: SalesforceRecord = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'attributes' || key === 'id' || key === 'Id') continue;
    const field = findField(schema, key, faults);
    if (!field)
      return failure('INVALID_FIELD', `No such column '${key}' on sobject of type ${schema.name}`, [key]);
    if (field.system) {
      return failure(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        [field.name],
      );
    }
    values[field.name] = value as FieldValue;
  }
  if (faults.lockedIds.has(target.id)) {
    return failure('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record', [], target.id);
  }
  const rejection = faults.rejectedIds.get(target.id);
  if (rejection !== undefined) return failure('FIELD_CUSTOM_VALIDATION_EXCEPTION', rejection, [], target.id);
  return { ok: true, schema, id: target.id, created: target.created, values };
}

// Picklist defaults and formula fields an org sets on a new record when the request leaves them out.
const createDefaults: Partial<Record<ObjectSchema['name'], SalesforceRecord>> = {
  Task: { Status: 'Not Started', Priority: 'Normal' },
  Opportunity: { IsClosed: false, IsWon: false },
};

/** Writes a staged record, stamping the audit fields with the org's clock. */
export function applySave(state: EmulatorState, staged: Extract<StagedSave, { ok: true }>): void {
  const table = state.tables[staged.schema.name];
  const stamp = salesforceDateTime(state.now());
  const previous = table.get(staged.id);
  table.set(staged.id, {
    ...(previous ?? {
      Id: staged.id,
      IsDeleted: false,
      CreatedDate: stamp,
      ...createDefaults[staged.schema.name],
    }),
    ...staged.values,
    LastModifiedDate: stamp,
    SystemModstamp: stamp,
    LastModifiedById: state.apiUserId,
  });
  const written = state.apiWrittenFields.get(staged.id) ?? new Set<string>();
  for (const name of Object.keys(staged.values)) written.add(name);
  state.apiWrittenFields.set(staged.id, written);
}

export { failure as saveFailure };
