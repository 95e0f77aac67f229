// Whole nights of one org through the real path (`runOrgNight`, the sandbox connector, PGlite in a data
// folder), each size in processes of its own: see `night.bench-child.ts`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchNightsResult } from './night.bench-child.ts';

export interface NightMeasure extends BenchNightsResult {
  heapMb: number;
  /** Peak RSS of the process that created the database (initdb), kept out of the night's. */
  setupPeakRssMb: number;
}

const child = fileURLToPath(new URL('./night.bench-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function runChild(args: string[], nodeOptions: string[]): string {
  try {
    return execFileSync(process.execPath, [...nodeOptions, '--import', 'tsx', child, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`night.bench-child ${args.join(' ')} failed:\n${stderr.slice(-4000)}`, { cause: error });
  }
}

/** Creates the database, then runs two nights of `accounts` accounts with a V8 heap of `heapMb`. */
export function measureNight(accounts: number, options: { heapMb: number; asOf: string }): NightMeasure {
  const dir = mkdtempSync(join(tmpdir(), 'ripe-bench-'));
  try {
    const common = [`--data-dir=${join(dir, 'data')}`, `--accounts=${accounts}`, `--as-of=${options.asOf}`];
    const setup = JSON.parse(runChild(['--phase=setup', ...common], [])) as { peakRssMb: number };
    const nights = JSON.parse(
      runChild(['--phase=nights', ...common], [`--max-old-space-size=${options.heapMb}`]),
    ) as BenchNightsResult;
    return { ...nights, heapMb: options.heapMb, setupPeakRssMb: setup.peakRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
