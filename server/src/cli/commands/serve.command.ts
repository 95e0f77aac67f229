import type { Command } from 'commander';
import { loadConfig } from '../../config/env.ts';
import { serveRipe } from '../../app/serve.ts';
import { positiveInt } from '../cli-error.ts';

interface ServeOptions {
  port?: number;
  host?: string;
}

/** `ripe serve`: the HTTP API on PGlite (or DATABASE_URL), migrations applied at start; SIGTERM drains and stops. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API (/v1, /healthz, /readyz, /metrics); PGlite unless DATABASE_URL is set')
    .option(
      '--port <n>',
      'port to listen on (default: PORT or 8080; 0 = any free port)',
      positiveInt('port', 0, 65_535),
    )
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1)')
    .action(async (options: ServeOptions) => {
      const config = loadConfig({
        ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      });
      const server = await serveRipe(config);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void server.close().then(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
