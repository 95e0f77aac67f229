// The local preview of the Salesforce card: the emulator's org after one night, and an HTTP server with the
// preview's pages. `npm run preview:salesforce` starts it; the browser test starts it in-process.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startPreviewOrg, type PreviewOrg, type PreviewOrgOptions } from './preview-org.ts';
import { PREVIEW_BASE, salesforcePreviewRouter } from './preview.routes.ts';

export interface SalesforcePreview {
  /** The preview's address, e.g. `http://127.0.0.1:8090/preview/salesforce`. */
  url: string;
  org: PreviewOrg['org'];
  close(): Promise<void>;
}

export async function startSalesforcePreview(
  options: PreviewOrgOptions & { previewPort?: number },
): Promise<SalesforcePreview> {
  const preview = await startPreviewOrg(options);
  const { emulator } = preview.org;
  const app = express();
  app.use(
    PREVIEW_BASE,
    salesforcePreviewRouter({ url: emulator.url, accessToken: () => emulator.issueAccessToken() }),
  );
  app.get('/', (_req, res) => res.redirect(PREVIEW_BASE));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.previewPort ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PREVIEW_BASE}`,
    org: preview.org,
    close: async () => {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await preview.close();
    },
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8090);
  // Scored as of today, as `ripe demo` scores, so the card reads as fresh.
  const asOf = new Date().toISOString().slice(0, 10);
  const preview = await startSalesforcePreview({ accounts: 60, seed: 7, asOf, previewPort: port });
  process.stdout.write(`Salesforce preview on ${preview.url} (Ctrl-C stops it)\n`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] === import.meta.filename) await main();
