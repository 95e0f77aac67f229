import express, { type Router } from 'express';
import type { EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';

/** `GET /crm/v3/owners` (paged by `after`, `limit` ≤ 500) and `GET /crm/v3/pipelines/deals`. */
export function ownersPipelinesRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.get('/crm/v3/owners', (req, res) => {
    const limit = Math.min(500, Number(req.query.limit ?? 100) || 100);
    const start = Number(req.query.after ?? 0) || 0;
    const email = typeof req.query.email === 'string' ? req.query.email : undefined;
    const owners = ctx.portal.owners.filter((owner) => !email || owner.email === email);
    const page = owners.slice(start, start + limit);
    const next = start + limit < owners.length ? String(start + limit) : undefined;
    res.json({ results: page, ...(next ? { paging: { next: { after: next } } } : {}) });
  });
  router.get('/crm/v3/pipelines/:objectType', (req, res) => {
    if (req.params.objectType !== 'deals') {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No pipelines for object type ${req.params.objectType}`);
      return;
    }
    res.json({ results: ctx.portal.pipelines });
  });
  return router;
}
