// Measures generation throughput (snapshotAt(i) at the end date, one core) and prints the portfolio's
// statistics. Run: npx tsx server/bench/sandbox-throughput.bench.ts [accounts] [seed]
import { addDays } from '@ripe/shared';
import { portfolioStats } from '../src/sandbox/portfolio-stats.ts';
import { createSandbox } from '../src/sandbox/sandbox.ts';

const accounts = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? 1);
const endDate = '2026-06-30';
const sandbox = createSandbox({ accounts, seed, endDate });

// CPU time as well as wall time: the machine is shared, and CPU time is what one core spends.
const started = performance.now();
const cpuStarted = process.cpuUsage();
let values = 0;
let activities = 0;
let french = 0;
for (let index = 0; index < accounts; index += 1) {
  const snapshot = sandbox.snapshotAt(index);
  for (const series of snapshot.usage) values += series.values.length;
  activities += snapshot.activities.length;
  if (snapshot.activities.some((a) => /\b(nous|vous|merci)\b/i.test(a.text))) french += 1;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const heapMb = process.memoryUsage().heapUsed / 1e6;
process.stdout.write(
  `${accounts} accounts in ${seconds.toFixed(2)} s wall = ${Math.round(accounts / seconds)} accounts/s; ` +
    `${cpuSeconds.toFixed(2)} s CPU = ${Math.round(accounts / cpuSeconds)} accounts/s per core ` +
    `(${Math.round(values / accounts)} usage values, ${(activities / accounts).toFixed(1)} activities per account, ` +
    `${((100 * french) / accounts).toFixed(1)} % with French text, heap ${heapMb.toFixed(0)} MB)\n`,
);

const truths = Array.from({ length: Math.min(accounts, 5000) }, (_, index) => sandbox.truth(index));
const dates = [120, 180, 240, 300, 365].map((days) => addDays(endDate, -days));
process.stdout.write(`${JSON.stringify(portfolioStats(truths, dates, endDate), null, 2)}\n`);
