// Time to save a night of verdicts, on PGlite and (with --url) on a PostgreSQL server:
//   npx tsx server/bench/store.bench.ts [--count 100000] [--batch 1000] [--url postgres://…]
// Two nights are saved: the first inserts every account state, the second updates them all.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Verdict } from '@ripe/shared';
import { openDatabase, type Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrator.ts';
import { withOrg } from '../src/store/org-scope.ts';
import { createOrg } from '../src/store/orgs.repository.ts';
import { finishRun, startRun } from '../src/store/runs.repository.ts';
import { createThrowawayDatabase } from '../src/store/testing/throwaway-database.ts';
import { makeVerdict } from '../src/store/testing/verdict.fixture.ts';
import { saveVerdicts } from '../src/store/verdicts.repository.ts';

// Verdicts built, saved and committed together, as a night would per chunk of accounts.
const chunkSize = 10_000;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    url: { type: 'string' },
  },
});
const count = Number(values.count);
const batchSize = Number(values.batch);

const report = (line: string) => process.stdout.write(`${line}\n`);

async function benchNight(db: Database, orgId: string, night: number): Promise<void> {
  const started = performance.now();
  let bytes = 0;
  let runId = '';
  await withOrg(db, orgId, async (tx) => {
    runId = (await startRun(tx)).id;
  });
  for (let start = 0; start < count; start += chunkSize) {
    const verdicts: Verdict[] = [];
    for (let index = start; index < Math.min(count, start + chunkSize); index += 1) {
      // 4 to 12 evidence items: 2 to 3.6 KB of JSON, about 2.8 KB on average.
      const verdict = makeVerdict({
        accountId: `acc-${String(index).padStart(6, '0')}`,
        score: (index * 7 + night * 3) % 100,
        readiness: index % 5 === 0 ? 'ready' : 'nurture',
        evidenceCount: 4 + (index % 9),
      });
      bytes += JSON.stringify(verdict).length;
      verdicts.push(verdict);
    }
    await withOrg(db, orgId, (tx) => saveVerdicts(tx, runId, verdicts, { batchSize }));
  }
  await withOrg(db, orgId, (tx) =>
    finishRun(tx, runId, {
      counts: { accounts: count, scored: count, ready: count / 5, errors: 0 },
      durations: {},
      apiCalls: 0,
      apiCallLimit: null,
      tokens: 0,
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  report(
    `  night ${night}: ${count} verdicts (${(bytes / 2 ** 20).toFixed(0)} MB JSON, ${Math.round(bytes / count)} B avg) ` +
      `in ${seconds.toFixed(1)} s = ${Math.round(count / seconds)} verdicts/s, rss ${rssMb} MB`,
  );
}

async function bench(name: string, db: Database): Promise<void> {
  report(`${name}, batches of ${batchSize}:`);
  await migrate(db);
  const orgId = 'org-bench';
  await withOrg(db, orgId, (tx) => createOrg(tx, { name: 'Bench', crm: 'sandbox' }));
  await benchNight(db, orgId, 1);
  await benchNight(db, orgId, 2);
}

const dataDir = await mkdtemp(join(tmpdir(), 'ripe-bench-'));
try {
  const pglite = await openDatabase({ dataDir: join(dataDir, 'data') });
  try {
    await bench('PGlite (data folder)', pglite);
  } finally {
    await pglite.close();
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

if (values.url) {
  const server = await createThrowawayDatabase(values.url, 'ripe_bench');
  try {
    await bench('PostgreSQL server', server.db);
  } finally {
    await server.dispose();
  }
} else {
  report('PostgreSQL server: skipped (no --url)');
}
