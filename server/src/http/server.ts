import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { databaseOptions, describeDatabase } from '../config/database-options.ts';
import type { AppConfig } from '../config/env.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrator.ts';
import { createApp } from './app.ts';
import type { AppDeps, BackgroundService, RunningService } from '../runtime/app-deps.ts';
import { createLogger, type Logger } from '../logging/logger.ts';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops taking requests, lets open ones finish (up to the shutdown timeout), stops services, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  services?: readonly BackgroundService[];
  /** Adds to the deps once the database is open (the CRM connectors of `ripe serve`). */
  extend?: (deps: AppDeps) => Partial<AppDeps> | Promise<Partial<AppDeps>>;
}

/** Opens the configured database, applies pending migrations, and serves the app. */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.log.level });
  for (const warning of config.warnings) logger.warn(warning);
  if (!config.http.metricsToken)
    logger.warn('RIPE_METRICS_TOKEN is not set: /metrics answers 401 to everyone');
  const db = await openDatabase(databaseOptions(config));
  const started: RunningService[] = [];
  try {
    const report = await migrate(db);
    logger.info({ database: describeDatabase(config), applied: report.applied }, 'database ready');
    const base: AppDeps = { db, config, logger };
    const deps: AppDeps = { ...base, ...(await options.extend?.(base)) };
    const server = await listen(createApp(deps), config.http.port, config.http.host);
    for (const service of options.services ?? []) started.push(await service(deps));
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`;
    logger.info({ url }, 'ripe is serving');
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      close: () => {
        closing ??= shutDown(server, started, config.http.shutdownTimeoutMs, logger).finally(() =>
          db.close(),
        );
        return closing;
      },
    };
  } catch (error) {
    for (const service of started.reverse()) await service.stop().catch(() => {});
    await db.close();
    throw error;
  }
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

async function shutDown(
  server: Server,
  services: RunningService[],
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  logger.info('shutting down');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Requests still open after the timeout are cut, so a stuck client cannot hold the process.
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await closed;
  clearTimeout(timer);
  for (const service of [...services].reverse()) {
    await service
      .stop()
      .catch((error: unknown) => logger.error({ err: error, service: service.name }, 'stop failed'));
  }
  logger.info('stopped');
}
