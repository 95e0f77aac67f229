import express, { type Router } from 'express';
import type { EmulatorState } from './emulator-state.ts';

/** `GET /limits`: the org's daily API allowance, this call included (`{DailyApiRequests: {Max, Remaining}}`). */
export function limitsRouter(state: EmulatorState): Router {
  const router = express.Router();
  router.get('/limits', (_req, res) => {
    const { used, max } = state.apiUsage;
    res.json({ DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) } });
  });
  return router;
}
