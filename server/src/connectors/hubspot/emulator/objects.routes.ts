import express, { type Request, type Response, type Router } from 'express';
import { hubspotLimits } from '../provider.ts';
import { batchResponse, objectNameOf, type BatchError } from './batch-response.ts';
import {
  isCrmObjectType,
  isCustomObjectTypeId,
  type AssociationCategory,
  type CrmRecord,
  type ObjectTypeKey,
} from './crm-records.types.ts';
import { targetOfTypeId } from './association-types.data.ts';
import { resolveObjectType, schemaTargetOfTypeId } from './custom-objects.ts';
import { isoAt, type EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import { associate, insertRecord, setProperties } from './portal-records.ts';
import { problemsMessage, propertyProblems } from './property-validation.ts';
import { propertyList, recordView } from './record-view.ts';

interface BatchInput {
  id?: string;
  idProperty?: string;
  properties?: Record<string, string | number | null>;
  /** On create: records to associate the new one with (the type id names the object type). */
  associations?: {
    to: { id: string };
    types: { associationCategory: AssociationCategory; associationTypeId: number }[];
  }[];
}

/** Associates a created record as its input asks; HubSpot infers the other object type from the type id. */
function associateCreated(ctx: EmulatorContext, type: ObjectTypeKey, id: string, input: BatchInput): void {
  for (const association of input.associations ?? []) {
    for (const spec of association.types) {
      const target =
        (isCrmObjectType(type) ? targetOfTypeId(type, spec.associationTypeId) : undefined) ??
        schemaTargetOfTypeId(ctx.portal, type, spec.associationTypeId);
      const toId = String(association.to.id);
      if (!target || !ctx.portal.records[target]?.has(toId)) continue;
      associate(ctx.portal, type, id, target, toId, [
        { category: spec.associationCategory, typeId: spec.associationTypeId, label: null },
      ]);
    }
  }
}

const asText = (properties: Record<string, string | number | null> = {}) =>
  Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, value === null ? null : String(value)]),
  );

function findRecord(
  ctx: EmulatorContext,
  type: ObjectTypeKey,
  id: string,
  idProperty?: string,
): CrmRecord | undefined {
  const records = ctx.portal.records[type] ?? new Map<string, CrmRecord>();
  if (!idProperty || idProperty === 'hs_object_id') return records.get(id);
  return [...records.values()].find((record) => record.properties[idProperty] === id);
}

function inputsOf(req: Request, res: Response): BatchInput[] | undefined {
  const inputs = (req.body as { inputs?: BatchInput[] } | undefined)?.inputs;
  if (!Array.isArray(inputs))
    return void sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'Invalid input JSON: inputs is required');
  if (inputs.length > hubspotLimits.batchSize) {
    return void sendHubSpotError(
      res,
      400,
      'VALIDATION_ERROR',
      `Batch input limit is ${hubspotLimits.batchSize}; got ${inputs.length} inputs.`,
    );
  }
  return inputs;
}

function batch(ctx: EmulatorContext, type: ObjectTypeKey, action: string, req: Request, res: Response): void {
  const inputs = inputsOf(req, res);
  if (!inputs) return;
  const startedAt = isoAt(ctx.now());
  const asked = (req.body as { properties?: string[] }).properties;
  const withHistory = (req.body as { propertiesWithHistory?: string[] }).propertiesWithHistory;
  const idProperty = (req.body as { idProperty?: string }).idProperty;
  const errors: BatchError[] = [];
  const results: (ReturnType<typeof recordView> & { new?: boolean })[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const existing =
      action === 'create' ? undefined : findRecord(ctx, type, id, input.idProperty ?? idProperty);
    if (action === 'read') {
      if (existing) results.push(recordView(type, existing, asked, withHistory));
      else missing.push(id);
      continue;
    }
    const properties = asText(input.properties);
    if (action === 'upsert' && input.idProperty && !existing) properties[input.idProperty] = id;
    const problems = propertyProblems(ctx, type, existing?.id, properties);
    if (problems.length > 0) {
      errors.push({
        status: 'error',
        category: 'VALIDATION_ERROR',
        message: problemsMessage(problems),
        context: { id: [id] },
        errors: problems.map((p) => ({ message: p.message, code: p.error, in: p.name })),
      });
      continue;
    }
    if (action === 'update' && !existing) {
      missing.push(id);
      continue;
    }
    const at = isoAt(ctx.now());
    const record = existing ?? insertRecord(ctx.portal, type, properties, at);
    if (!existing) associateCreated(ctx, type, record.id, input);
    if (existing) setProperties(existing, type, properties, at);
    const view = recordView(type, record, Object.keys({ ...record.properties }));
    results.push(action === 'upsert' ? { ...view, new: !existing } : view);
  }
  if (missing.length > 0) {
    const schema = isCustomObjectTypeId(type) ? ctx.portal.schemas.get(type) : undefined;
    const name = objectNameOf[type] ?? schema?.labels.singular ?? type;
    errors.push({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${name} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids: missing },
    });
  }
  const { httpStatus, body } = batchResponse(results, errors, startedAt, isoAt(ctx.now()));
  res.status(action === 'create' && httpStatus === 200 ? 201 : httpStatus).json(body);
}

/** v3 objects: read one, create/update one, batch read|create|update|upsert (100 inputs per call). */
export function objectsRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.post('/crm/v3/objects/:objectType/batch/:action', (req, res) => {
    const { action = '' } = req.params;
    const objectType = resolveObjectType(ctx.portal, req.params.objectType ?? '');
    if (!objectType || !['read', 'create', 'update', 'upsert'].includes(action)) {
      return sendHubSpotError(
        res,
        404,
        'OBJECT_NOT_FOUND',
        `No batch ${action} for ${req.params.objectType}`,
      );
    }
    batch(ctx, objectType, action, req, res);
  });
  router.get('/crm/v3/objects/:objectType/:id', (req, res) => {
    const { id = '' } = req.params;
    const objectType = resolveObjectType(ctx.portal, req.params.objectType ?? '');
    if (!objectType) return unknownObjectType(res, req.params.objectType);
    const idProperty = typeof req.query.idProperty === 'string' ? req.query.idProperty : undefined;
    const record = findRecord(ctx, objectType, id, idProperty);
    if (!record || record.archived)
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'resource not found');
    res.json(
      recordView(
        objectType,
        record,
        propertyList(req.query.properties),
        propertyList(req.query.propertiesWithHistory),
      ),
    );
  });
  router.post('/crm/v3/objects/:objectType', (req, res) => {
    const objectType = resolveObjectType(ctx.portal, req.params.objectType ?? '');
    if (!objectType) return unknownObjectType(res, req.params.objectType);
    const properties = asText((req.body as BatchInput).properties);
    const problems = propertyProblems(ctx, objectType, undefined, properties);
    if (problems.length > 0) return sendHubSpotError(res, 400, 'VALIDATION_ERROR', problemsMessage(problems));
    const record = insertRecord(ctx.portal, objectType, properties, isoAt(ctx.now()));
    associateCreated(ctx, objectType, record.id, req.body as BatchInput);
    res.status(201).json(recordView(objectType, record, Object.keys(record.properties)));
  });
  router.patch('/crm/v3/objects/:objectType/:id', (req, res) => {
    const { id = '' } = req.params;
    const objectType = resolveObjectType(ctx.portal, req.params.objectType ?? '');
    if (!objectType) return unknownObjectType(res, req.params.objectType);
    const record = ctx.portal.records[objectType]?.get(id);
    if (!record) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'resource not found');
    const properties = asText((req.body as BatchInput).properties);
    const problems = propertyProblems(ctx, objectType, id, properties);
    if (problems.length > 0) return sendHubSpotError(res, 400, 'VALIDATION_ERROR', problemsMessage(problems));
    setProperties(record, objectType, properties, isoAt(ctx.now()));
    res.json(recordView(objectType, record, Object.keys(record.properties)));
  });
  return router;
}

// HubSpot's answer to an object type it does not know, on every object route.
function unknownObjectType(res: Parameters<typeof sendHubSpotError>[0], objectType: string | undefined) {
  return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Unable to infer object type from: ${objectType}`);
}
