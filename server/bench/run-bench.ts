// `npm run bench`: engine throughput on one core, and the peak RSS of whole nights in a child process each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOrgConfig, type AccountSnapshot } from '@ripe/shared';
import { createSandbox } from '../src/sandbox/sandbox.ts';
import { scoreAccount } from '../src/engine/score-account.ts';
import { trainSandboxModel } from '../src/eval/sandbox-training.ts';

const endDate = '2026-11-01';
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const nightSizes = (args.get('nights') ?? '10000,100000').split(',').filter(Boolean).map(Number);
const engineAccounts = Number(args.get('engine-accounts') ?? 3000);

function engineThroughput(): void {
  const sandbox = createSandbox({ accounts: engineAccounts, seed: 11, endDate });
  const { model } = trainSandboxModel(sandbox, endDate, { sampleSize: 500 });
  const snapshots: AccountSnapshot[] = [];
  for (let i = 0; i < engineAccounts; i += 1) snapshots.push(sandbox.snapshotAt(i, endDate));
  const usageDays = snapshots[0]?.usage[0]?.values.length ?? 0;
  const ctx = { now: endDate, config: defaultOrgConfig, priceBook: sandbox.priceBook };
  for (const s of snapshots) scoreAccount(s, ctx, model); // warm-up: JIT
  // CPU time of this thread, best of several rounds: other processes on the machine do not count against it.
  let bestCpuMs = Number.POSITIVE_INFINITY;
  let wallMs = 0;
  for (let round = 0; round < 5; round += 1) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    for (const s of snapshots) scoreAccount(s, ctx, model);
    const cpu = process.cpuUsage(cpuBefore);
    wallMs += performance.now() - wallBefore;
    bestCpuMs = Math.min(bestCpuMs, (cpu.user + cpu.system) / 1000);
  }
  const perSecond = Math.round(snapshots.length / (bestCpuMs / 1000));
  const wallPerSecond = Math.round((5 * snapshots.length) / (wallMs / 1000));
  console.log(
    `engine: ${perSecond.toLocaleString('en-US')} accounts/s on one core (CPU time, best of 5 rounds; ` +
      `${wallPerSecond.toLocaleString('en-US')}/s wall clock on this machine's load) — ${snapshots.length} sandbox ` +
      `accounts, ${usageDays} days of daily usage per series`,
  );
}

// The V8 heap a night runs with: enough for a batch and the model, so that memory stays bounded by the batch.
const heapMb = Number(args.get('heap-mb') ?? 256);

function ripe(argv: string[]): string {
  return execFileSync(process.execPath, [`--max-old-space-size=${heapMb}`, 'server/bin/ripe.mjs', ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

function night(accounts: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'ripe-bench-'));
  try {
    // Creating the embedded database (initdb in WebAssembly) is a one-off with its own peak: done before.
    ripe([
      'demo',
      '--json',
      '--accounts=50',
      `--data-dir=${join(dir, 'data')}`,
      `--report=${join(dir, 'first.html')}`,
    ]);
    const out = ripe([
      'demo',
      '--json',
      `--accounts=${accounts}`,
      `--as-of=${endDate}`,
      `--data-dir=${join(dir, 'data')}`,
      `--report=${join(dir, 'report.html')}`,
    ]);
    const result = JSON.parse(out) as { scored: number; durationMs: number; peakRssMb: number };
    console.log(
      `night: ${accounts.toLocaleString('en-US')} accounts, ${result.scored.toLocaleString('en-US')} scored in ` +
        `${(result.durationMs / 1000).toFixed(1)} s (${Math.round(result.scored / (result.durationMs / 1000))} accounts/s ` +
        `end to end: generate, validate, score, store), peak RSS ${result.peakRssMb.toFixed(0)} MiB (V8 heap cap ${heapMb} MiB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

engineThroughput();
for (const size of nightSizes) night(size);
