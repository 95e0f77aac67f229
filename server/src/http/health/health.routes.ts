import { Router } from 'express';
import { loadMigrations } from '../../store/migrator.ts';
import type { Database } from '../../store/database.ts';
import { setMetricsRoute } from '../metrics/http-metrics.ts';

export type CheckState = 'up' | 'down' | 'pending';

export interface Readiness {
  status: 'ready' | 'unavailable';
  checks: { database: CheckState; migrations: CheckState };
}

/** Is the database reachable, and has every migration this build ships been applied? */
export async function checkReadiness(db: Database, expectedVersions: readonly string[]): Promise<Readiness> {
  let applied: Set<string>;
  try {
    // As the owner: ripe_app may not read schema_migrations.
    const { rows } = await db.query<{ version: string }>('select version from schema_migrations');
    applied = new Set(rows.map((row) => row.version));
  } catch {
    const reachable = await db.query('select 1').then(
      () => true,
      () => false,
    );
    return {
      status: 'unavailable',
      checks: { database: reachable ? 'up' : 'down', migrations: 'pending' },
    };
  }
  const migrated = expectedVersions.every((version) => applied.has(version));
  return {
    status: migrated ? 'ready' : 'unavailable',
    checks: { database: 'up', migrations: migrated ? 'up' : 'pending' },
  };
}

/** `/healthz`: the process answers. `/readyz`: it can serve (database up, schema current). */
export function healthRouter(db: Database): Router {
  const router = Router();
  const expectedVersions = loadMigrations().then((migrations) => migrations.map((m) => m.version));
  router.get('/healthz', (_req, res) => {
    setMetricsRoute(res.locals, '/healthz');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    setMetricsRoute(res.locals, '/readyz');
    const readiness = await checkReadiness(db, await expectedVersions);
    res.status(readiness.status === 'ready' ? 200 : 503).json(readiness);
  });
  return router;
}
