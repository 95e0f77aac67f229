import express, { type Router } from 'express';
import type { FaultSettings } from './emulator-faults.ts';
import type { EmulatorState, SalesforceRecord } from './emulator-state.ts';
import { sendRestError } from './salesforce-errors.ts';
import type { KeyPrefixOwner } from './salesforce-id.ts';
import { applySave, stageSave, type StagedSave } from './save-record.ts';
import { findField, findObject, visibleFields, type ObjectSchema } from './sobject-schema.ts';

type Body = Record<string, unknown>;

/**
 * sObject rows, as documented: `POST /sobjects/{SObject}` creates (201 `{id, success, errors}`), `GET
 * /sobjects/{SObject}/{id}` reads (`attributes` first), `PATCH` updates (204), `DELETE` deletes (204), and
 * `PATCH /sobjects/{SObject}/{ExternalIdField}/{value}` upserts (201 created, 200 updated).
 */
export function sobjectRowsRouter(state: EmulatorState, faults: FaultSettings, base: string): Router {
  const router = express.Router();
  const objectOf = (name: string, res: express.Response): ObjectSchema | undefined => {
    const schema = findObject(name, faults);
    if (!schema) sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    return schema;
  };
  const existing = (schema: ObjectSchema, id: string) => {
    const record = state.tables[schema.name].get(id);
    return record && record.IsDeleted !== true ? record : undefined;
  };
  const refuse = (res: express.Response, staged: Extract<StagedSave, { ok: false }>, status = 400) =>
    res
      .status(status)
      .json(staged.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })));

  router.post('/sobjects/:sobject', (req, res) => {
    const schema = objectOf(req.params.sobject, res);
    if (!schema) return;
    const staged = stageSave(state, faults, schema, (req.body ?? {}) as Body, {
      id: state.newId(schema.name as KeyPrefixOwner),
      created: true,
    });
    if (!staged.ok) return void refuse(res, staged);
    applySave(state, staged);
    res.status(201).json({ id: staged.id, success: true, errors: [] });
  });

  router.get('/sobjects/:sobject/:id', (req, res) => {
    const schema = objectOf(req.params.sobject, res);
    if (!schema) return;
    const record = existing(schema, req.params.id);
    if (!record) return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const fields = visibleFields(schema, faults).map((f) => [f.name, record[f.name] ?? null] as const);
    res.json({
      attributes: { type: schema.name, url: `${base}/sobjects/${schema.name}/${req.params.id}` },
      ...Object.fromEntries(fields),
    });
  });

  router.patch('/sobjects/:sobject/:id', (req, res) => {
    const schema = objectOf(req.params.sobject, res);
    if (!schema) return;
    if (!existing(schema, req.params.id)) {
      return void sendRestError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    const staged = stageSave(state, faults, schema, (req.body ?? {}) as Body, {
      id: req.params.id,
      created: false,
    });
    if (!staged.ok) return void refuse(res, staged);
    applySave(state, staged);
    res.status(204).end();
  });

  router.delete('/sobjects/:sobject/:id', (req, res) => {
    const schema = objectOf(req.params.sobject, res);
    if (!schema) return;
    const record = existing(schema, req.params.id);
    if (!record) return void sendRestError(res, 404, 'ENTITY_IS_DELETED', 'entity is deleted');
    Object.assign(record, { IsDeleted: true } satisfies SalesforceRecord);
    res.status(204).end();
  });

  router.patch('/sobjects/:sobject/:field/:value', (req, res) => {
    const schema = objectOf(req.params.sobject, res);
    if (!schema) return;
    const field = findField(schema, req.params.field, faults);
    if (!field?.externalId) {
      return void sendRestError(
        res,
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${req.params.field}`,
      );
    }
    const matches = [...state.tables[schema.name].values()].filter(
      (r) => r.IsDeleted !== true && r[field.name] === req.params.value,
    );
    if (matches.length > 1) {
      return void res.status(300).json(matches.map((r) => `${base}/sobjects/${schema.name}/${String(r.Id)}`));
    }
    const [match] = matches;
    const target = match
      ? { id: String(match.Id), created: false }
      : { id: state.newId(schema.name as KeyPrefixOwner), created: true };
    const staged = stageSave(
      state,
      faults,
      schema,
      { ...((req.body ?? {}) as Body), [field.name]: req.params.value },
      target,
    );
    if (!staged.ok) return void refuse(res, staged);
    applySave(state, staged);
    res
      .status(target.created ? 201 : 200)
      .json({ id: target.id, success: true, errors: [], created: target.created });
  });
  return router;
}
