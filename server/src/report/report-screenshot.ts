// Renders a night report in Chromium and keeps a screenshot of its first screen (docs/images/night-report.png),
// the ready table cut after five rows so that the first account's chart shows, and the report printed to PDF:
//   npx tsx server/src/report/report-screenshot.ts [report.html] [out.png]
// Uses the system's Chromium (Debian: apt-get install chromium); no browser is downloaded.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

async function main(): Promise<void> {
  const report = resolve(process.argv[2] ?? 'ripe-report.html');
  const out = resolve(process.argv[3] ?? 'docs/images/night-report.png');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1480 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    await page.pdf({ path: out.replace(/\.png$/, '.pdf'), format: 'A4', printBackground: true });
    await page.addStyleTag({ content: '#ready ~ table:first-of-type tbody tr:nth-child(n+6){display:none}' });
    await page.screenshot({ path: out, fullPage: false });
    process.stdout.write(`${out}\n`);
  } finally {
    await browser.close();
  }
}

await main();
