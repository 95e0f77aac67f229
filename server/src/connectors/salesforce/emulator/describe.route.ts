import express, { type Router } from 'express';
import type { FaultSettings } from './emulator-faults.ts';
import {
  findObject,
  objectSchemas,
  packagedObjects,
  sObjectNames,
  visibleFields,
  type ObjectSchema,
} from './sobject-schema.ts';

const urls = (base: string, schema: ObjectSchema) => ({
  sobject: `${base}/sobjects/${schema.name}`,
  describe: `${base}/sobjects/${schema.name}/describe`,
  rowTemplate: `${base}/sobjects/${schema.name}/{ID}`,
});

const summary = (base: string, schema: ObjectSchema) => ({
  name: schema.name,
  label: schema.label,
  labelPlural: schema.labelPlural,
  keyPrefix: schema.keyPrefix,
  custom: schema.name.endsWith('__c'),
  queryable: true,
  createable: true,
  updateable: true,
  urls: urls(base, schema),
});

/** `GET /sobjects` (describeGlobal) and `GET /sobjects/{name}/describe`, package fields only when installed. */
export function describeRouter(faults: FaultSettings, base: string): Router {
  const router = express.Router();
  router.get('/sobjects', (_req, res) => {
    res.json({
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: sObjectNames
        .filter((name) => faults.packageInstalled || !packagedObjects.has(name))
        .map((name) => summary(base, objectSchemas[name])),
    });
  });
  router.get('/sobjects/:name/describe', (req, res) => {
    const answer = describeObject(faults, base, req.params.name);
    res.status(answer.status).json(answer.body);
  });
  return router;
}

/** `describe` of one object, as a route and as a composite subrequest answer it. */
export function describeObject(faults: FaultSettings, base: string, name: string) {
  const schema = findObject(name, faults);
  if (!schema) {
    return {
      status: 404,
      body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
    };
  }
  const body = {
    ...summary(base, schema),
    fields: visibleFields(schema, faults).map((field) => ({
      name: field.name,
      label: field.label,
      type: field.type,
      custom: field.name.endsWith('__c'),
      externalId: field.externalId ?? false,
      nillable: field.type !== 'boolean' && field.name !== 'Id',
      createable: field.system !== true,
      updateable: field.system !== true,
      referenceTo: field.referenceTo ? [field.referenceTo] : [],
    })),
  };
  return { status: 200, body };
}
