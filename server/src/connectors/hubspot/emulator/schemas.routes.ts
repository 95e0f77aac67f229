import express, { type Router } from 'express';
import { crmGuard } from './crm-guard.ts';
import { createCustomObject, schemaOf, schemaProblem, schemaView, type SchemaEgg } from './custom-objects.ts';
import { isoAt, type EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';

/** Where HubSpot serves the schemas API: the reference's path, the guides' `crm/v3`, and the dated version. */
const prefixes = ['/crm-object-schemas/v3', '/crm/v3', '/crm-object-schemas/2026-03'];

/** Custom object schemas: list, read one (object type id or fully qualified name), create. */
export function schemasRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  // `/crm/…` is guarded with the other CRM routes; the schemas' own path is guarded here.
  router.use('/crm-object-schemas', crmGuard(ctx), express.json({ limit: '10mb' }));
  for (const prefix of prefixes) {
    router.get(`${prefix}/schemas`, (_req, res) => {
      res.json({
        results: [...ctx.portal.schemas.values()]
          .filter((schema) => !schema.archived)
          .map((schema) => schemaView(ctx.portal, schema)),
      });
    });
    router.get(`${prefix}/schemas/:objectType`, (req, res) => {
      const schema = schemaOf(ctx.portal, req.params.objectType);
      if (!schema || schema.archived)
        return sendHubSpotError(
          res,
          404,
          'OBJECT_NOT_FOUND',
          `Unable to find object schema ${req.params.objectType}`,
        );
      res.json(schemaView(ctx.portal, schema));
    });
    router.post(`${prefix}/schemas`, (req, res) => {
      const egg = (req.body ?? {}) as SchemaEgg;
      const problem = schemaProblem(ctx.portal, egg);
      if (problem) return sendHubSpotError(res, 400, 'VALIDATION_ERROR', problem);
      const taken = [...ctx.portal.schemas.values()].some((schema) => schema.name === egg.name);
      if (taken)
        return sendHubSpotError(
          res,
          409,
          'OBJECT_ALREADY_EXISTS',
          `An object schema named ${egg.name} already exists.`,
        );
      const schema = createCustomObject(ctx.portal, egg, isoAt(ctx.now()));
      res.status(201).json(schemaView(ctx.portal, schema));
    });
  }
  return router;
}
