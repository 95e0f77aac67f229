// One org's nights in a process of their own, so that its peak RSS is theirs; prints one JSON line.
// `run-bench.ts` spawns it twice on one data folder:
//   --phase=setup   creates the embedded database (initdb has a memory peak of its own), migrates it, adds the org
//   --phase=nights  runs two nights through the sandbox connector: the first pulls, scores, stores and writes
//                   back every account; the second finds nothing changed in the CRM
//
//   npx tsx server/bench/night.bench-child.ts --phase=setup --data-dir=/tmp/x --accounts=1000
//   npx tsx server/bench/night.bench-child.ts --phase=nights --data-dir=/tmp/x --accounts=1000
import { parseArgs } from 'node:util';
import { RipeError } from '@ripe/shared';
import { sandboxConnector } from '../src/connectors/sandbox/sandbox.connector.ts';
import { SandboxCrmState } from '../src/connectors/sandbox/sandbox-crm.ts';
import { runOrgNight, type OrgNightReport } from '../src/night/org-night.ts';
import { setSandboxSettings } from '../src/night/org-sandbox.repository.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrator.ts';
import { withOrg } from '../src/store/org-scope.ts';
import { createOrg } from '../src/store/orgs.repository.ts';
import { cpuNowMs, peakRssMb, phasePeaks } from './bench-clock.ts';

export interface BenchNight {
  night: number;
  pulled: number;
  scored: number;
  shortlisted: number;
  /** The night report's durations: CPU ms per stage, since the night's stopwatch reads the CPU clock here. */
  cpuMs: OrgNightReport['durations'];
  /** CPU ms of the whole `runOrgNight` call, and its wall-clock ms on this machine's load. */
  totalCpuMs: number;
  wallMs: number;
  apiCalls: OrgNightReport['apiUsage']['calls'];
  floorCalls: OrgNightReport['apiUsage']['floor'];
  written: OrgNightReport['written'];
  writeErrors: number;
  /** Peak RSS of each phase of the night, MiB: load + model + budget, the batches, the write-back. */
  peakRssMb: { model: number; batches: number; writeBack: number };
}

export interface BenchNightsResult {
  accounts: number;
  nights: BenchNight[];
  peakRssMb: number;
}

const { values } = parseArgs({
  options: {
    phase: { type: 'string' },
    'data-dir': { type: 'string' },
    accounts: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'as-of': { type: 'string', default: '2026-11-01' },
  },
});
const dataDir = values['data-dir'];
const accounts = Number(values.accounts);
const seed = Number(values.seed);
const asOf = values['as-of'];
const orgId = `bench-${seed}`;
if (!dataDir || !Number.isInteger(accounts) || accounts < 1) {
  throw new Error('night.bench-child needs --data-dir and --accounts');
}

async function setup(db: Database): Promise<void> {
  await migrate(db);
  await withOrg(db, orgId, async (tx) => {
    await createOrg(tx, { name: `Bench (${accounts} accounts)`, crm: 'sandbox' });
    await setSandboxSettings(tx, { accounts, seed, latencyMs: 0 });
  });
}

async function nights(db: Database): Promise<BenchNightsResult> {
  // The night times its stages with `performance.now()`: read on the CPU clock, its report gives each stage's
  // CPU time rather than wall time inflated by whatever else runs on the machine.
  const wallNow = performance.now.bind(performance);
  performance.now = cpuNowMs;
  const state = new SandboxCrmState();
  const done: BenchNight[] = [];
  // The night's own hooks mark its phases: the batches start after the model and budget, and stop before the drain.
  const peaks = phasePeaks();
  let phase = { model: 0, batches: 0 };
  const progress = {
    start: () => {
      phase.model = peaks.close();
    },
    update: () => undefined,
    stop: () => {
      phase.batches = peaks.close();
    },
  };
  for (let night = 1; night <= 2; night += 1) {
    peaks.close(); // opening the database, or the previous night's end
    phase = { model: 0, batches: 0 };
    const cpuBefore = cpuNowMs();
    const wallBefore = wallNow();
    const outcome = await runOrgNight(
      {
        db,
        owner: 'ripe-bench',
        now: () => new Date(`${asOf}T03:00:00Z`),
        resolveConnector: (org, day) =>
          sandboxConnector({ settings: org.sandbox, asOf: day, state, priceBook: org.priceBook }),
      },
      orgId,
      { asOf, progress },
    );
    if (outcome.status !== 'succeeded') {
      const reason = 'report' in outcome ? outcome.report.failureReason : outcome.status;
      throw new RipeError('night_not_resumable', `Bench night ${night} did not succeed: ${reason}`);
    }
    const { report } = outcome;
    done.push({
      night,
      pulled: report.counts.accounts,
      scored: report.counts.scored,
      shortlisted: report.readiness.ready + report.readiness.nurture,
      cpuMs: report.durations,
      totalCpuMs: Math.round(cpuNowMs() - cpuBefore),
      wallMs: Math.round(wallNow() - wallBefore),
      apiCalls: report.apiUsage.calls,
      floorCalls: report.apiUsage.floor,
      written: report.written,
      writeErrors: report.writeErrors.length,
      peakRssMb: {
        model: Math.round(phase.model),
        batches: Math.round(phase.batches),
        writeBack: Math.round(peaks.close()),
      },
    });
  }
  return { accounts, nights: done, peakRssMb: Math.round(peaks.overall) };
}

const db = await openDatabase({ dataDir });
try {
  if (values.phase === 'setup') {
    await setup(db);
    process.stdout.write(`${JSON.stringify({ peakRssMb: Math.round(peakRssMb()) })}\n`);
  } else if (values.phase === 'nights') {
    process.stdout.write(`${JSON.stringify(await nights(db))}\n`);
  } else {
    throw new Error(`--phase must be setup or nights, got "${values.phase}"`);
  }
} finally {
  await db.close();
}
