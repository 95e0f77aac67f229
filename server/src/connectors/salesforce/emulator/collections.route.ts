import express, { type Router } from 'express';
import { salesforceProvider } from '../provider.ts';
import type { FaultSettings } from './emulator-faults.ts';
import type { EmulatorState } from './emulator-state.ts';
import { applySave, saveFailure, stageSave, typeOf, type SaveError, type StagedSave } from './save-record.ts';
import { findField, findObject, type ObjectSchema } from './sobject-schema.ts';
import type { KeyPrefixOwner } from './salesforce-id.ts';

/** A per-record result: `{id, success, errors}` (SaveResult), plus `created` for an upsert (UpsertResult). */
export interface CollectionResult {
  id?: string;
  success: boolean;
  errors: SaveError[];
  created?: boolean;
}

export type Mode = 'create' | 'update' | 'upsert';
type Input = Record<string, unknown>;

const rolledBack: SaveError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function stageOne(
  state: EmulatorState,
  faults: FaultSettings,
  mode: Mode,
  input: Input,
  upsert?: { schema: ObjectSchema; field: string },
): StagedSave {
  const schema = upsert?.schema ?? typeOf(input, faults);
  if (!schema)
    return saveFailure('INVALID_TYPE', 'sObject type is missing or not supported in attributes', []);
  if (mode === 'create') {
    if (input.id !== undefined || input.Id !== undefined)
      return saveFailure('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
    return stageSave(state, faults, schema, input, {
      id: state.newId(schema.name as KeyPrefixOwner),
      created: true,
    });
  }
  if (mode === 'update') {
    const id = typeof input.id === 'string' ? input.id : typeof input.Id === 'string' ? input.Id : '';
    if (!id.startsWith(schema.keyPrefix))
      return saveFailure('MALFORMED_ID', `${schema.name} ID: id value of incorrect type: ${id}`, ['Id']);
    const existing = state.tables[schema.name].get(id);
    if (!existing || existing.IsDeleted === true)
      return saveFailure('ENTITY_IS_DELETED', 'entity is deleted', [], id);
    return stageSave(state, faults, schema, input, { id, created: false });
  }
  const key = upsert?.field ?? '';
  const value = input[key];
  if (typeof value !== 'string' || value === '')
    return saveFailure('MISSING_ARGUMENT', `${key} not specified`, [key]);
  const matches = [...state.tables[schema.name].values()].filter((record) => record[key] === value);
  if (matches.length > 1)
    return saveFailure(
      'DUPLICATE_EXTERNAL_ID',
      `${key}: more than one record found for external id field: ${value}`,
      [key],
    );
  const existing = matches[0];
  const target = existing
    ? { id: String(existing.Id), created: false }
    : { id: state.newId(schema.name as KeyPrefixOwner), created: true };
  return stageSave(state, faults, schema, input, target);
}

/** A collection call's answer: the HTTP status and the JSON body (results, or Salesforce's error list). */
export interface CollectionAnswer {
  status: number;
  body: unknown;
}

const restError = (status: number, errorCode: string, message: string): CollectionAnswer => ({
  status,
  body: [{ message, errorCode }],
});

/** One sObject Collections call, as a route and as a composite subrequest answer it. */
export function runCollection(
  state: EmulatorState,
  faults: FaultSettings,
  mode: Mode,
  rawBody: unknown,
  params: { sobject?: string; externalIdField?: string },
): CollectionAnswer {
  const body = rawBody as { allOrNone?: unknown; records?: unknown } | undefined;
  if (
    !body ||
    !Array.isArray(body.records) ||
    body.records.some((r) => typeof r !== 'object' || r === null)
  ) {
    return restError(
      400,
      'JSON_PARSER_ERROR',
      'The request body must be {"allOrNone": boolean, "records": [...]}',
    );
  }
  if (body.records.length > salesforceProvider.writeBatchSize) {
    return restError(
      400,
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call',
    );
  }
  let upsert: { schema: ObjectSchema; field: string } | undefined;
  if (mode === 'upsert') {
    const schema = findObject(String(params.sobject), faults);
    const field = schema && findField(schema, String(params.externalIdField), faults);
    if (!schema || !field?.externalId) {
      return restError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${String(params.externalIdField)}`,
      );
    }
    upsert = { schema, field: field.name };
  }
  const staged = (body.records as Input[]).map((input) => stageOne(state, faults, mode, input, upsert));
  const failed = staged.some((entry) => !entry.ok);
  const allOrNone = body.allOrNone === true;
  const results: CollectionResult[] = staged.map((entry) => {
    if (!entry.ok) return { ...(entry.id ? { id: entry.id } : {}), success: false, errors: entry.errors };
    if (allOrNone && failed) return { id: entry.id, success: false, errors: [rolledBack] };
    applySave(state, entry);
    return {
      id: entry.id,
      success: true,
      errors: [],
      ...(mode === 'upsert' ? { created: entry.created } : {}),
    };
  });
  return { status: 200, body: results };
}

/** sObject collections: `POST` creates, `PATCH` updates, `PATCH /{SObject}/{ExternalIdField}` upserts. */
export function collectionsRouter(state: EmulatorState, faults: FaultSettings): Router {
  const router = express.Router();
  const handle =
    (mode: Mode): express.RequestHandler =>
    (req, res) => {
      const answer = runCollection(state, faults, mode, req.body, {
        sobject: req.params.sobject === undefined ? undefined : String(req.params.sobject),
        externalIdField:
          req.params.externalIdField === undefined ? undefined : String(req.params.externalIdField),
      });
      res.status(answer.status).json(answer.body);
    };
  router.post('/composite/sobjects', handle('create'));
  router.patch('/composite/sobjects', handle('update'));
  router.patch('/composite/sobjects/:sobject/:externalIdField', handle('upsert'));
  return router;
}
