import type { Command } from 'commander';
import { loadConfig } from '../../config/env.ts';
import { serveRipe } from '../../app/serve.ts';
import { startHubSpotDemoOrg } from '../../demo/hubspot-demo-org.ts';
import { positiveInt } from '../cli-error.ts';
import { startPreviewOrg } from '../../preview/salesforce/preview-org.ts';
import { PREVIEW_BASE, salesforcePreviewRouter } from '../../preview/salesforce/preview.routes.ts';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  hubspotPortal?: number;
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
    .option(
      '--demo',
      "also serve /preview/salesforce (the Salesforce emulator's org after one night, each account's card) and a " +
        "HubSpot demo org on the HubSpot emulator's portal, scored, for the HubSpot app's signed routes",
    )
    .option(
      '--hubspot-portal <id>',
      "the HubSpot demo portal's id: your developer test account's, so `hs project dev` calls find the demo org",
      positiveInt('hubspot-portal', 1, 999_999_999_999),
    )
    .action(async (options: ServeOptions) => {
      const config = loadConfig({
        ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      });
      // The preview: the emulator on loopback, one night scored as of today, the card over its records.
      const preview = options.demo
        ? await startPreviewOrg({ accounts: 60, seed: 7, asOf: new Date().toISOString().slice(0, 10) })
        : undefined;
      const emulator = preview?.org.emulator;
      const asOf = new Date().toISOString().slice(0, 10);
      const server = await serveRipe(
        config,
        emulator
          ? {
              // The HubSpot demo org lives in the server's own database, scored once against the emulator.
              demo: async (db, resolve) => {
                const hubspot = await startHubSpotDemoOrg(db, {
                  accounts: 60,
                  seed: 7,
                  asOf,
                  ...(options.hubspotPortal !== undefined ? { portalId: options.hubspotPortal } : {}),
                });
                await hubspot.runNight(asOf);
                console.log(
                  `HubSpot demo org ${hubspot.orgId}: portal ${hubspot.portalId} on the emulator at ${hubspot.portal.emulator.url}`,
                );
                return { resolveConnector: hubspot.resolverOver(resolve), close: () => hubspot.close() };
              },
              pages: [
                {
                  path: PREVIEW_BASE,
                  router: salesforcePreviewRouter({
                    url: emulator.url,
                    accessToken: () => emulator.issueAccessToken(),
                  }),
                },
              ],
            }
          : {},
      );
      if (emulator)
        console.log(`Salesforce card preview: http://${config.http.host}:${server.port}${PREVIEW_BASE}`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void server
            .close()
            .then(() => preview?.close())
            .then(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
