// A Salesforce night against the emulator, through jsforce: the emulator in a child process (its records apart
// from the night's memory), the embedded database created by another (initdb's own memory peak apart), the night
// here through `runOrgNight`. Prints API calls beside the floor, wall time and peak RSS of the first night
// (everything) and of a second one (nothing changed).
//
//   npx tsx server/bench/salesforce-night.bench.ts --accounts 10000 --usage-days 120 [--json]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { secret } from '../src/config/secret.ts';
import { createSingleFlightTokenStore } from '../src/connectors/connections/token-store.ts';
import { memoryTokenVault } from '../src/connectors/connections/token-vault.ts';
import { emulatorFieldMapping } from '../src/connectors/salesforce/emulator/emulator-org.ts';
import { salesforceAuth } from '../src/connectors/salesforce/salesforce-auth.ts';
import { salesforceConnector } from '../src/connectors/salesforce/salesforce.connector.ts';
import { runOrgNight } from '../src/night/org-night.ts';
import { sandboxPriceBook } from '../src/sandbox/sandbox-price-book.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrator.ts';

export interface SalesforceNightMeasure {
  accounts: number;
  usageDays: number;
  emulatorRecords: number;
  nights: {
    night: number;
    pulled: number;
    reads: number;
    writes: number;
    floorReads: number;
    floorWrites: number;
    wallSeconds: number;
    peakRssMb: number;
  }[];
}

const child = fileURLToPath(new URL('./salesforce-emulator.bench-child.ts', import.meta.url));
const setupChild = fileURLToPath(new URL('./night.bench-child.ts', import.meta.url));
const seed = 42;

export async function measureSalesforceNight(options: {
  accounts: number;
  usageDays: number;
  asOf?: string;
}): Promise<SalesforceNightMeasure> {
  const asOf = options.asOf ?? '2026-06-01';
  const emulator = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      child,
      `--accounts=${options.accounts}`,
      `--usage-days=${options.usageDays}`,
      `--as-of=${asOf}`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const lines = createInterface({ input: emulator.stdout })[Symbol.asyncIterator]();
    const line = (await lines.next()).value as string | undefined;
    const started = JSON.parse(line ?? '{}') as {
      url: string;
      clientId: string;
      clientSecret: string;
      records: number;
    };
    const auth = salesforceAuth({
      loginUrl: started.url,
      clientId: started.clientId,
      clientSecret: secret(started.clientSecret),
    });
    const redirectUri = 'http://127.0.0.1/ripe/oauth/callback';
    const approval = await fetch(auth.authorizeUrl({ state: 'bench', redirectUri }), { redirect: 'manual' });
    const code = new URL(approval.headers.get('location') ?? redirectUri).searchParams.get('code') ?? '';
    const granted = await auth.exchangeCode({ code, redirectUri });
    if (!granted.ok) throw new Error(granted.error.message);
    const tokens = createSingleFlightTokenStore({
      vault: memoryTokenVault('salesforce', granted.value),
      auth,
      now: () => new Date(),
    });
    // The embedded database is created (initdb, migrations, the org) by a process of its own.
    const dir = mkdtempSync(join(tmpdir(), 'ripe-bench-sf-'));
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        setupChild,
        '--phase=setup',
        `--data-dir=${join(dir, 'data')}`,
        `--accounts=${options.accounts}`,
        `--seed=${seed}`,
      ],
      { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    const nights: SalesforceNightMeasure['nights'] = [];
    try {
      await migrate(db);
      const orgId = `bench-${seed}`;
      for (let night = 1; night <= 2; night += 1) {
        const connector = salesforceConnector({
          instanceUrl: granted.value.instance,
          tokens,
          mapping: emulatorFieldMapping,
          priceBook: sandboxPriceBook,
          sync: { usageDays: options.usageDays },
          ripeUserId: granted.value.userId ?? null,
          bulkPollMs: 50,
        });
        const startedAt = performance.now();
        const outcome = await runOrgNight(
          { db, owner: 'bench', now: () => new Date(`${asOf}T03:00:00Z`), resolveConnector: () => connector },
          orgId,
          { asOf },
        );
        if (outcome.status !== 'succeeded') throw new Error(`night ${night}: ${JSON.stringify(outcome)}`);
        const { calls, floor } = outcome.report.apiUsage;
        nights.push({
          night,
          pulled: outcome.report.counts.accounts,
          reads: calls.reads,
          writes: calls.writes,
          floorReads: floor.reads,
          floorWrites: floor.writes,
          wallSeconds: (performance.now() - startedAt) / 1000,
          peakRssMb: process.resourceUsage().maxRSS / 1024,
        });
      }
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      accounts: options.accounts,
      usageDays: options.usageDays,
      emulatorRecords: started.records,
      nights,
    };
  } finally {
    emulator.stdin.end();
  }
}

export function salesforceNightTable(measure: SalesforceNightMeasure): string {
  const head = `Salesforce night of ${measure.accounts.toLocaleString('en-US')} accounts through jsforce against the emulator (${measure.emulatorRecords.toLocaleString('en-US')} records, ${measure.usageDays} days of usage)`;
  const rows = measure.nights.map((n) =>
    [
      String(n.night),
      n.pulled.toLocaleString('en-US'),
      `${n.reads} + ${n.writes}`,
      `${n.floorReads} + ${n.floorWrites}`,
      ((n.reads + n.writes) / Math.max(1, n.floorReads + n.floorWrites)).toFixed(2),
      n.wallSeconds.toFixed(1),
      n.peakRssMb.toFixed(0),
    ].join(' | '),
  );
  return [
    head,
    '',
    'night | pulled | calls (r + w) | floor (r + w) | × floor | wall s | peak RSS MB',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '10000' },
      'usage-days': { type: 'string', default: '120' },
      json: { type: 'boolean', default: false },
    },
  });
  const measure = await measureSalesforceNight({
    accounts: Number(values.accounts),
    usageDays: Number(values['usage-days']),
  });
  console.log(values.json ? JSON.stringify(measure) : salesforceNightTable(measure));
}
