// `npm run bench`: the engine's stages per account on one core (on snapshots generated beforehand, the
// generator's cost apart), then whole nights through `runOrgNight`, each size in child processes of its own:
// CPU time of each stage per account, wall time, peak RSS, and API calls beside the floor.
//
//   npm run bench                                   engine on 3,000 accounts, nights of 10,000 and 100,000,
//                                                   a Salesforce night of 10,000 through jsforce and the emulator,
//                                                   a HubSpot night of 10,000 under the emulator's rate limits
//   npm run bench -- --quick                        engine on 300 accounts, a night of 1,000 (Salesforce: 1,000)
//   npm run bench -- --nights=10000 --engine-accounts=1000 --rounds=3 --heap-mb=256
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureEngineStages } from './engine-stages.measure.ts';
import { measureNight, type NightMeasure } from './night.measure.ts';
import { engineTable, nightTables } from './summary.table.ts';
import { salesforceNightTable, type SalesforceNightMeasure } from './salesforce-night.bench.ts';
import { hubspotNightTable, type HubSpotNightMeasure } from './hubspot-night.bench.ts';

const asOf = '2026-11-01';
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    nights: { type: 'string' },
    'engine-accounts': { type: 'string' },
    rounds: { type: 'string' },
    // The V8 heap a night runs with: enough for a batch and the model, so that memory stays bounded by the batch.
    'heap-mb': { type: 'string', default: '256' },
  },
});
const quick = values.quick;

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`bench: --${name} must be a positive integer, got "${raw}"`);
  return value;
}

const nightSizes = (values.nights ?? (quick ? '1000' : '10000,100000'))
  .split(',')
  .filter(Boolean)
  .map((raw) => positiveInt('nights', raw));
const engineAccounts = positiveInt('engine-accounts', values['engine-accounts'] ?? (quick ? '300' : '3000'));
const rounds = positiveInt('rounds', values.rounds ?? (quick ? '2' : '5'));
const heapMb = positiveInt('heap-mb', values['heap-mb']);

const startedAt = performance.now();
console.log(
  `Ripe bench: Node ${process.version}, ${availableParallelism()} cores, load average ` +
    `${loadavg()[0]?.toFixed(1)} at the start; sandbox data of ${asOf}\n`,
);

const engine = measureEngineStages({ accounts: engineAccounts, rounds, asOf });
console.log(`engine part done in ${engine.wallSeconds.toFixed(0)} s`);

const nights: NightMeasure[] = [];
for (const accounts of nightSizes) {
  const nightStartedAt = performance.now();
  const measure = measureNight(accounts, { heapMb, asOf });
  nights.push(measure);
  console.log(
    `night of ${accounts.toLocaleString('en-US')} accounts done in ` +
      `${((performance.now() - nightStartedAt) / 1000).toFixed(0)} s (database creation included)`,
  );
}

// A Salesforce night through jsforce against the emulator, in a process of its own (its peak RSS is the night's).
const salesforceAccounts = quick ? 1_000 : 10_000;
const salesforceStartedAt = performance.now();
const salesforce = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./salesforce-night.bench.ts', import.meta.url)),
      `--accounts=${salesforceAccounts}`,
      '--usage-days=120',
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '' } },
  ),
) as SalesforceNightMeasure;
console.log(
  `Salesforce night of ${salesforceAccounts.toLocaleString('en-US')} accounts done in ` +
    `${((performance.now() - salesforceStartedAt) / 1000).toFixed(0)} s (emulator seeding included)`,
);

// A HubSpot night through @hubspot/api-client against the emulator's real rate limits, in a process of its own.
const hubspotCompanies = quick ? 1_000 : 10_000;
const hubspotStartedAt = performance.now();
const hubspot = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./hubspot-night.bench.ts', import.meta.url)),
      `--companies=${hubspotCompanies}`,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '' } },
  ),
) as HubSpotNightMeasure;
console.log(
  `HubSpot night of ${hubspotCompanies.toLocaleString('en-US')} companies done in ` +
    `${((performance.now() - hubspotStartedAt) / 1000).toFixed(0)} s (the rate limit paces it)`,
);

console.log(`\n${engineTable(engine)}\n`);
if (nights.length > 0) console.log(`${nightTables(nights)}\n`);
console.log(`${salesforceNightTable(salesforce)}\n`);
console.log(`${hubspotNightTable(hubspot)}\n`);
console.log(`bench: ${((performance.now() - startedAt) / 1000).toFixed(0)} s in all`);
