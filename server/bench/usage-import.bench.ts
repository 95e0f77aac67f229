// Rows per second of `ripe import usage` on the embedded database (or a server with --url):
//   npx tsx server/bench/usage-import.bench.ts [--rows 1000000] [--batch 5000] [--url postgres://…]
// The file is imported twice: the first run inserts every row, the second finds them all unchanged.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createOrg, migrate, openDatabase, withOrg, type Database } from '../src/store/index.ts';
import { createThrowawayDatabase } from '../src/store/testing/throwaway-database.ts';
import { importUsageCsv } from '../src/usage/usage-csv.import.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '5000' },
    url: { type: 'string' },
  },
});
const rows = Number(values.rows);
const batchSize = Number(values.batch);
const report = (line: string) => process.stdout.write(`${line}\n`);

/** 1,000 accounts × 4 metrics × as many days as it takes, written in order of account. */
async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('account_id,metric,day,value,kind,feature,premium\n');
  const metrics = ['seats_used,', 'active_users,', 'api_calls,', 'sso,'];
  const days = Math.ceil(rows / (1_000 * metrics.length));
  const start = Date.parse('2024-01-01T00:00:00Z');
  let written = 0;
  for (let account = 0; written < rows; account += 1) {
    for (let day = 0; day < days && written < rows; day += 1) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      for (let m = 0; m < metrics.length && written < rows; m += 1) {
        const line =
          m === 0
            ? `acc-${account},seats_used,${date},${40 + (day % 7)},,,\n`
            : m === 1
              ? `acc-${account},active_users,${date},${30 + (day % 5)},,,\n`
              : m === 2
                ? `acc-${account},api_calls,${date},${1000 + day * 3.5},consumption,,\n`
                : `acc-${account},sso,${date},${day % 4},feature_adoption,sso,true\n`;
        if (!out.write(line)) await once(out, 'drain');
        written += 1;
      }
    }
  }
  out.end();
  await once(out, 'finish');
}

async function run(db: Database, path: string, label: string): Promise<void> {
  const orgId = 'org-usage-bench';
  await withOrg(db, orgId, (tx) => createOrg(tx, { name: 'Bench', crm: 'sandbox' }));
  for (const pass of ['first import (inserts)', 'second import (unchanged)']) {
    const cpuBefore = process.cpuUsage();
    const result = await importUsageCsv({ db, orgId, path, latestDay: '2030-01-01', batchSize });
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const perSecond = Math.round(result.rows / (result.durationMs / 1000));
    // On PGlite the database runs in this process, so CPU time is the whole cost, whatever the machine's load.
    const perCpuSecond = Math.round(result.rows / cpuSeconds);
    report(
      `${label}, ${pass}: ${result.rows.toLocaleString('en-US')} rows in ${(result.durationMs / 1000).toFixed(1)} s ` +
        `= ${perSecond.toLocaleString('en-US')} rows/s wall, ${perCpuSecond.toLocaleString('en-US')} rows per CPU second ` +
        `(${result.changed.toLocaleString('en-US')} changed, ` +
        `${result.rejected} rejected, batches of ${batchSize}, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB after the pass)`,
    );
  }
}

const dir = await mkdtemp(join(tmpdir(), 'ripe-usage-bench-'));
try {
  const path = join(dir, 'usage.csv');
  await writeCsv(path);
  if (values.url) {
    const server = await createThrowawayDatabase(values.url, 'ripe_bench');
    try {
      await migrate(server.db);
      await run(server.db, path, 'PostgreSQL server');
    } finally {
      await server.dispose();
    }
  } else {
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      await migrate(db);
      await run(db, path, 'PGlite (data folder)');
    } finally {
      await db.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
