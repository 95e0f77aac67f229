// A HubSpot night of N companies against the emulator's real rate limits (110 requests per rolling 10 s, search 5
// per second), through @hubspot/api-client: the emulator in a process of its own (this file run with
// `--emulator`, so its portal's memory is apart from the night's), the embedded database created by another
// (`night.bench-child.ts --phase=setup`, initdb's own peak apart), the night here through `runOrgNight`. Ripe is
// installed first as an admin installs it (consent, code exchange, properties created), outside the night.
// Prints API calls beside the floor, wall time beside what the rate limit allows for those calls (calls / 11 per
// second), the 429s the portal answered beside the ones the connector recovered from, and peak RSS.
//
//   npx tsx server/bench/hubspot-night.bench.ts --companies 10000 [--nights 2] [--json]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { secret } from '../src/config/secret.ts';
import { createSingleFlightTokenStore } from '../src/connectors/connections/token-store.ts';
import { memoryTokenVault } from '../src/connectors/connections/token-vault.ts';
import {
  defaultEmulatorClient,
  startHubSpotEmulator,
} from '../src/connectors/hubspot/emulator/hubspot-emulator.ts';
import { hubspotAuth } from '../src/connectors/hubspot/hubspot-auth.ts';
import { hubspotConnector } from '../src/connectors/hubspot/hubspot.connector.ts';
import { hubspotLimits } from '../src/connectors/hubspot/provider.ts';
import { runOrgNight } from '../src/night/org-night.ts';
import { sandboxPriceBook } from '../src/sandbox/sandbox-price-book.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrator.ts';

export interface HubSpotNightMeasure {
  companies: number;
  portalRecords: number;
  /** The emulator process's peak RSS, MiB (the portal held in memory). */
  portalPeakRssMb: number;
  nights: {
    night: number;
    status: string;
    pulled: number;
    reads: number;
    writes: number;
    floorReads: number;
    floorWrites: number;
    byKind: Record<string, number>;
    wallSeconds: number;
    /** What 110 requests per 10 s allow for the night's calls: calls / 11 seconds. */
    rateLimitSeconds: number;
    /** 429s the portal answered during the night, and the waits-and-retries the connector made. */
    rateLimited: number;
    retries: number;
    errors: number;
    peakRssMb: number;
  }[];
}

const self = fileURLToPath(import.meta.url);
const setupChild = fileURLToPath(new URL('./night.bench-child.ts', import.meta.url));
const seed = 42;
const callsPerSecond = hubspotLimits.requestsPerInterval / (hubspotLimits.intervalMs / 1_000);

interface PortalStats {
  requests: number;
  rejected: number;
  rssMb: number;
}

/** The emulator's process: its first line says where it listens; each `stats` line on stdin is answered. */
async function startPortalProcess(options: { companies: number; asOf: string }) {
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      self,
      '--emulator',
      `--companies=${options.companies}`,
      `--as-of=${options.asOf}`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const read = async <T>(): Promise<T> => {
    const line = await lines.next();
    if (line.done) throw new Error('The emulator process stopped');
    return JSON.parse(line.value) as T;
  };
  const started = await read<{ url: string; records: number }>();
  return {
    ...started,
    stats: async (): Promise<PortalStats> => {
      child.stdin.write('stats\n');
      return read<PortalStats>();
    },
    stop: () => child.stdin.end(),
  };
}

export async function measureHubSpotNight(options: {
  companies: number;
  nights?: number;
  asOf?: string;
}): Promise<HubSpotNightMeasure> {
  const asOf = options.asOf ?? '2026-06-01';
  const portal = await startPortalProcess({ companies: options.companies, asOf });
  const dir = mkdtempSync(join(tmpdir(), 'ripe-bench-hs-'));
  try {
    // The install: consent (the emulator approves at once), then the code exchange, which creates the properties.
    const auth = hubspotAuth({
      baseUrl: portal.url,
      clientId: defaultEmulatorClient.clientId,
      clientSecret: secret(defaultEmulatorClient.clientSecret),
    });
    const redirectUri = 'http://127.0.0.1/ripe/oauth/hubspot/callback';
    const approval = await fetch(auth.authorizeUrl({ state: 'bench', redirectUri }), { redirect: 'manual' });
    const code = new URL(approval.headers.get('location') ?? redirectUri).searchParams.get('code') ?? '';
    const granted = await auth.exchangeCode({ code, redirectUri });
    if (!granted.ok) throw new Error(granted.error.message);
    const tokens = createSingleFlightTokenStore({
      vault: memoryTokenVault('hubspot', granted.value),
      auth,
      now: () => new Date(),
    });
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        setupChild,
        '--phase=setup',
        `--data-dir=${join(dir, 'data')}`,
        `--accounts=${options.companies}`,
        `--seed=${seed}`,
      ],
      { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    // The install's calls leave the rolling window before the night starts.
    await delay(hubspotLimits.intervalMs);
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    const nights: HubSpotNightMeasure['nights'] = [];
    try {
      await migrate(db);
      for (let night = 1; night <= (options.nights ?? 1); night += 1) {
        let retries = 0;
        const connector = hubspotConnector({
          baseUrl: portal.url,
          tokens,
          asOf,
          portalId: granted.value.instance,
          priceBook: sandboxPriceBook,
          // The transport sleeps only before repeating a call.
          sleep: async (ms) => {
            retries += 1;
            await delay(ms);
          },
        });
        const before = await portal.stats();
        const startedAt = performance.now();
        const outcome = await runOrgNight(
          { db, owner: 'bench', now: () => new Date(`${asOf}T03:00:00Z`), resolveConnector: () => connector },
          `bench-${seed}`,
          { asOf },
        );
        const wallSeconds = (performance.now() - startedAt) / 1000;
        const after = await portal.stats();
        if (outcome.status !== 'succeeded' && outcome.status !== 'failed')
          throw new Error(`night ${night}: ${outcome.status}`);
        const { report } = outcome;
        const { calls, floor } = report.apiUsage;
        nights.push({
          night,
          status: report.failureReason ? `failed: ${report.failureReason}` : report.status,
          pulled: report.counts.accounts,
          reads: calls.reads,
          writes: calls.writes,
          floorReads: floor.reads,
          floorWrites: floor.writes,
          byKind: calls.byKind,
          wallSeconds,
          rateLimitSeconds: calls.total / callsPerSecond,
          rateLimited: after.rejected - before.rejected,
          retries,
          errors: report.writeErrors.length,
          peakRssMb: process.resourceUsage().maxRSS / 1024,
        });
        // The next night starts on a fresh window, as the next night does.
        if (night < (options.nights ?? 1)) await delay(hubspotLimits.intervalMs);
      }
    } finally {
      await db.close();
    }
    const last = await portal.stats();
    return {
      companies: options.companies,
      portalRecords: portal.records,
      portalPeakRssMb: last.rssMb,
      nights,
    };
  } finally {
    portal.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function hubspotNightTable(measure: HubSpotNightMeasure): string {
  const head = `HubSpot night of ${thousands(measure.companies)} companies through @hubspot/api-client against the emulator (${thousands(measure.portalRecords)} records; 110 requests per 10 s, search 5 per second)`;
  const rows = measure.nights.map((n) =>
    [
      String(n.night),
      thousands(n.pulled),
      `${thousands(n.reads)} + ${thousands(n.writes)}`,
      `${thousands(n.floorReads)} + ${thousands(n.floorWrites)}`,
      ((n.reads + n.writes) / Math.max(1, n.floorReads + n.floorWrites)).toFixed(2),
      n.wallSeconds.toFixed(0),
      n.rateLimitSeconds.toFixed(0),
      (n.wallSeconds / Math.max(1, n.rateLimitSeconds)).toFixed(2),
      `${n.rateLimited} / ${n.status === 'succeeded' && n.retries >= n.rateLimited ? n.rateLimited : 'not all'}`,
      n.peakRssMb.toFixed(0),
    ].join(' | '),
  );
  const kinds = measure.nights.map(
    (n) =>
      `night ${n.night} calls by kind: ${Object.entries(n.byKind)
        .map(([kind, count]) => `${kind} ${thousands(count)}`)
        .join(', ')}; ${n.status}, ${n.errors} write errors`,
  );
  return [
    head,
    '',
    'night | pulled | calls (r + w) | floor (r + w) | × floor | wall s | rate limit s | × rate limit | 429 seen / recovered | peak RSS MB',
    ...rows,
    '',
    ...kinds,
    `emulator process peak RSS: ${measure.portalPeakRssMb.toFixed(0)} MB`,
  ].join('\n');
}

/** `--emulator`: the portal in this process, on loopback with HubSpot's limits, until stdin closes. */
async function servePortal(companies: number, asOf: string): Promise<void> {
  const emulator = await startHubSpotEmulator({ port: 0, accounts: companies, seed, asOf });
  const records = Object.values(emulator.state.records).reduce((sum, table) => sum + table.size, 0);
  process.stdout.write(`${JSON.stringify({ url: emulator.url, records })}\n`);
  const input = createInterface({ input: process.stdin });
  input.on('line', () => {
    const stats: PortalStats = {
      requests: emulator.limiter.seen.requests,
      rejected: emulator.limiter.seen.rejected,
      rssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(stats)}\n`);
  });
  input.on('close', () => void emulator.close().then(() => process.exit(0)));
}

if (process.argv[1] === self) {
  const { values } = parseArgs({
    options: {
      companies: { type: 'string', default: '10000' },
      nights: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: '2026-06-01' },
      emulator: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.emulator) await servePortal(Number(values.companies), values['as-of']);
  else {
    const measure = await measureHubSpotNight({
      companies: Number(values.companies),
      nights: Number(values.nights),
      asOf: values['as-of'],
    });
    console.log(values.json ? JSON.stringify(measure, null, 2) : hubspotNightTable(measure));
  }
}
