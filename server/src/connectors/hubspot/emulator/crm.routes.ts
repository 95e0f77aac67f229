import express, { type Router } from 'express';
import type { EmulatorContext } from './emulator-context.ts';

/** The CRM v3/v4 routes: objects, search, batch, properties, associations. */
export function crmRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  void ctx;
  return router;
}
