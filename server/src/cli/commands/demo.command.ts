import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultOrgConfig } from '@ripe/shared';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { sandboxSource } from '../../night/sandbox-source.ts';
import { runNight, type NightSummary } from '../../night/run-night.ts';
import { trainSandboxModel } from '../../eval/sandbox-training.ts';
import { renderNightReport } from '../../report/night-report.html.ts';
import { openNightStore } from '../../night/store-sink.ts';
import { createProgress } from '../progress.ts';
import { isoDay, positiveInt } from '../cli-error.ts';
import { formatMoney, renderTable } from '../format.ts';
import { checkOutputFile } from '../output-file.ts';
import { crmDemoCommand, parseShare } from './demo-crm.ts';

interface DemoOptions {
  accounts: number;
  seed: number;
  asOf?: string;
  report: string;
  dataDir: string;
  store: boolean;
  top: number;
  json?: boolean;
  crm?: string;
  nights: number;
  changeRate: number;
  hubspotUsage: string;
}

function rankedList(summary: NightSummary, top: number): string {
  const rows = summary.top.slice(0, top).map((entry, index) => {
    const v = entry.verdict;
    const c = v.potential.currency;
    return [
      String(index + 1),
      v.accountName.slice(0, 28),
      v.readiness,
      v.motion ?? '—',
      formatMoney(v.potential.arr, c),
      formatMoney(v.expectedValue, c),
      v.window ? `${v.window.opensOn}→${v.window.closesOn}` : '—',
      v.signals
        .filter((s) => s.polarity === 'positive')
        .slice(0, 2)
        .map((s) => s.code)
        .join(', '),
    ];
  });
  return renderTable(
    ['#', 'account', 'readiness', 'motion', 'potential', 'exp. value', 'window', 'top signals'],
    rows,
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `ripe demo`: a sandbox portfolio, one night with a progress bar, the ranked list and an HTML report. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'generate a sandbox portfolio, run a night on it, print the ranked opportunities and write a report',
    )
    .option('--accounts <n>', 'accounts in the sandbox', positiveInt('accounts', 1, 1_000_000), 500)
    .option('--seed <s>', 'seed of the sandbox', positiveInt('seed', 0), 42)
    .option('--as-of <date>', 'the night to run (default: today)', isoDay('as-of'))
    .option('--report <file>', 'where to write the HTML report', 'ripe-report.html')
    .option('--data-dir <dir>', 'embedded database folder (ignored when DATABASE_URL is set)', '.ripe/data')
    .option('--no-store', 'do not record the run in the database')
    .option('--top <k>', 'opportunities to list', positiveInt('top', 1, 500), 15)
    .option('--json', 'machine-readable output')
    .option('--crm <crm>', 'run nights against a CRM through its connector: sandbox, salesforce or hubspot')
    .option('--nights <k>', 'with --crm: consecutive nights', positiveInt('nights', 1, 100), 3)
    .option(
      '--change-rate <r>',
      'with --crm: share of accounts changed in the CRM before each night after the second',
      parseShare('change-rate'),
      0.05,
    )
    .option(
      '--hubspot-usage <where>',
      'with --crm hubspot: where the portal keeps usage, properties (their value history) or custom-object (records)',
      'properties',
    )
    .action(async (options: DemoOptions) => {
      const asOf = options.asOf ?? today();
      if (options.crm !== undefined) {
        await crmDemoCommand({ ...options, crm: options.crm, asOf });
        return;
      }
      const reportPath = await checkOutputFile(options.report, '--report');
      const progress = createProgress({ quiet: options.json });
      const sandbox = createSandbox({ accounts: options.accounts, seed: options.seed, endDate: asOf });
      const model = trainSandboxModel(sandbox, asOf, { progress });
      const store = options.store
        ? await openNightStore(
            { databaseUrl: process.env.DATABASE_URL, dataDir: options.dataDir },
            { id: sandbox.orgId, name: `Sandbox (seed ${options.seed})`, priceBook: sandbox.priceBook },
          )
        : undefined;
      let summary: NightSummary;
      try {
        summary = await runNight({
          source: sandboxSource(sandbox, asOf),
          asOf,
          config: defaultOrgConfig,
          model: model.model,
          progress,
          sink: store?.sink,
          topCount: Math.max(25, options.top),
        });
        await store?.finish(summary);
      } catch (error) {
        await store?.fail(error);
        throw error;
      } finally {
        await store?.close();
      }
      await writeFile(reportPath, renderNightReport(summary));
      if (options.json) {
        // The report's lists are in the report: the JSON keeps the ranked top only.
        const { top, ready: _ready, nurture: _nurture, ...rest } = summary;
        process.stdout.write(
          `${JSON.stringify(
            {
              ...rest,
              model: model.description,
              reportPath,
              // maxRSS is in KiB: the bench reads the whole night's peak from here.
              peakRssMb: process.resourceUsage().maxRSS / 1024,
              top: top.slice(0, options.top).map((t) => t.verdict),
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      const c = summary.currency;
      console.log(
        `\nNight of ${asOf} for ${summary.orgId}: ${summary.scored} accounts scored in ${(summary.durationMs / 1000).toFixed(1)} s` +
          ` (${summary.invalid} invalid). ready ${summary.readiness.ready}, nurture ${summary.readiness.nurture},` +
          ` caution ${summary.readiness.caution}, not ready ${summary.readiness.not_ready}.`,
      );
      console.log(`Model: ${model.description}`);
      console.log(
        `Potential (ready + nurture): ${formatMoney(summary.totalPotential, c)}, expected value ${formatMoney(summary.totalExpectedValue, c)}\n`,
      );
      console.log(rankedList(summary, options.top));
      console.log(`\nReport: ${reportPath}`);
    });
}
