import { Writable } from 'node:stream';
import type { Application } from 'express';
import { parseEnv } from '../../config/env.ts';
import type { Database } from '../../store/database.ts';
import { createApp, type AppOptions } from '../app.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { createLogger } from '../../logging/logger.ts';
import type { AppDeps } from '../router-deps.ts';

export interface TestApp {
  app: Application & { registry: ApiRegistry };
  /** Every log line the app wrote, as text. */
  logLines(): string[];
}

/** An app over a test database, logging into memory, without process metrics. */
export function createTestApp(
  db: Database,
  overrides: Partial<AppDeps> = {},
  options: AppOptions = {},
): TestApp {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = parseEnv({ NODE_ENV: 'test' });
  const logger = createLogger({ level: 'info', destination });
  const app = createApp({ db, config, logger, defaultMetrics: false, ...overrides }, options);
  return { app, logLines: () => [...lines] };
}
