import express, { type Router } from 'express';
import { associationsRoutes } from './associations.routes.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { objectsRoutes } from './objects.routes.ts';
import { propertiesRoutes } from './properties.routes.ts';
import { schemasRoutes } from './schemas.routes.ts';
import { searchRoutes } from './search.routes.ts';

/** The CRM v3/v4 routes: search, objects and batches, properties, associations, custom object schemas. */
export function crmRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.use(searchRoutes(ctx));
  router.use(objectsRoutes(ctx));
  router.use(propertiesRoutes(ctx));
  router.use(associationsRoutes(ctx));
  router.use(schemasRoutes(ctx));
  return router;
}
