import { execFile } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ripe = join(import.meta.dirname, '..', '..', 'bin', 'ripe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ripe-mistakes-'));
const env = { ...process.env, DATABASE_URL: '', RIPE_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
const missing = join(dir, 'no-such-file');
const noFolder = join(dir, 'no-such-folder', 'out');
const aFolder = join(dir, 'a-folder');
const csv = join(dir, 'labels.csv');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function ripeCli(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ripe, ...args], {
      cwd: dir,
      env: { ...env, ...extraEnv },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs the cases a few at a time: each is a process that starts TypeScript. */
async function all<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  concurrency = Math.max(2, availableParallelism()),
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index] as T);
      }
    }),
  );
  return results;
}

type Mistake = [kind: string, args: string[], env?: Record<string, string>];

const unreachable = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' };
const notPostgres = { DATABASE_URL: 'mysql://localhost/ripe' };
const databaseCommands: string[][] = [
  ['org', 'list'],
  ['org', 'create', '--name', 'A', '--crm', 'sandbox'],
  ['org', 'export', '--org', 'org_x', '--out', join(dir, 'x.tar.gz')],
  ['org', 'delete', '--org', 'org_x', '--confirm', 'org_x'],
  ['run', '--org', 'org_x'],
  ['import', 'usage', '--csv', csv, '--org', 'org_x'],
  ['keys', 'rotate-data', '--org', 'org_x'],
  ['keys', 'create', '--org', 'org_x'],
  ['serve', '--port', '0'],
  ['worker'],
];

const mistakes: Mistake[] = [
  ['missing file', ['score', '--input', missing]],
  ['missing file', ['backtest', '--csv', missing, '--label', 'y']],
  ['missing file', ['import', 'usage', '--csv', missing, '--org', 'org_x']],
  ['unwritable path', ['demo', '--accounts', '5', '--report', noFolder]],
  ['unwritable path', ['demo', '--accounts', '5', '--report', aFolder]],
  ['unwritable path', ['history', '--accounts', '5', '--out', noFolder]],
  ['unwritable path', ['backtest', '--csv', csv, '--label', 'y', '--svg', noFolder]],
  ['unwritable path', ['org', 'export', '--org', 'org_x', '--out', noFolder]],
  ['bad flag value', ['demo', '--accounts', 'many']],
  ['bad flag value', ['demo', '--as-of', '2026-02-30']],
  ['bad flag value', ['eval', '--accounts', '1']],
  ['bad flag value', ['history', '--as-of', '9999-12-31']],
  ['bad flag value', ['run', '--org', 'org_x', '--as-of', '0000-01-01']],
  ['bad flag value', ['run', '--org', 'org_x', '--resume', 'yesterday']],
  ['bad flag value', ['run', '--org', 'org_x', '--batch-size', '0']],
  ['bad flag value', ['org', 'create', '--name', 'A', '--crm', 'excel']],
  ['bad flag value', ['import', 'usage', '--csv', csv, '--org', 'org_x', '--batch', '-1']],
  ['bad flag value', ['serve', '--port', '99999']],
  ['bad flag value', ['worker', '--concurrency', 'lots']],
  ['bad flag value', ['keys', 'rotate-data', '--org', 'org_x', '--batch-size', 'x']],
  ['bad flag value', ['keys', 'create', '--org', 'org_x', '--role', 'owner']],
  ['bad flag value', ['backtest', '--csv', csv, '--label', 'y', '--seed', 'x']],
  ['bad flag value', ['demo', '--crm', 'sandbox', '--nights', '0']],
  ...[
    ['demo'],
    ['score', '--input', csv],
    ['eval'],
    ['backtest', '--csv', csv, '--label', 'y'],
    ['history'],
    ['schema'],
    ['import', 'usage', '--csv', csv, '--org', 'org_x'],
    ['run', '--org', 'org_x'],
    ['worker'],
    ['serve'],
    ['org', 'create', '--name', 'A', '--crm', 'sandbox'],
    ['org', 'list'],
    ['org', 'export', '--org', 'org_x'],
    ['org', 'delete', '--org', 'org_x', '--confirm', 'org_x'],
    ['keys', 'rotate-master'],
    ['keys', 'rotate-data', '--org', 'org_x'],
    ['keys', 'create', '--org', 'org_x'],
    ['connect', 'salesforce', '--org', 'org_x'],
    ['emulator', 'salesforce'],
  ].map((args): Mistake => ['unknown flag', [...args, '--bogus']]),
  ['bad flag value', ['connect', 'salesforce', '--org', 'org_x', '--port', '0']],
  ['bad flag value', ['connect', 'zoho', '--org', 'org_x']],
  ['bad flag value', ['emulator', 'salesforce', '--accounts', '-5']],
  ['bad flag value', ['emulator', 'salesforce', '--as-of', '2026-02-30']],
  ['missing configuration', ['connect', 'salesforce', '--org', 'org_x']],
  [
    'unreachable database',
    ['connect', 'salesforce', '--org', 'org_x'],
    { ...unreachable, SALESFORCE_CLIENT_ID: 'id', SALESFORCE_CLIENT_SECRET: 'secret' },
  ],
  ...databaseCommands.map((args): Mistake => ['unreachable database', args, unreachable]),
  ...databaseCommands.map((args): Mistake => ['not a PostgreSQL URL', args, notPostgres]),
];

const stackLine = /^\s+at\s|node:internal|^\w*Error:|Unhandled/m;

describe('every user mistake prints one clear line and exits non-zero', () => {
  beforeAll(() => {
    mkdirSync(aFolder, { recursive: true });
    writeFileSync(csv, 'x,y\n1,0\n2,1\n');
  });

  it(`covers ${mistakes.length} mistakes: no stack trace, no exit 0`, async () => {
    const outcomes = await all(mistakes, async ([kind, args, extra]) => ({
      kind,
      command: `${
        extra
          ? `${Object.entries(extra)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')} `
          : ''
      }ripe ${args.join(' ')}`,
      ...(await ripeCli(args, extra)),
    }));
    const wrong = outcomes.flatMap((outcome) => {
      const lines = outcome.stderr.split('\n').filter((line) => line.trim() !== '');
      const problems = [
        ...(outcome.code === 0 ? ['exit 0'] : []),
        ...(stackLine.test(outcome.stderr) ? ['a stack trace'] : []),
        ...(lines.length === 0 ? ['no message'] : []),
        // One line for the mistake (commander adds a hint to run --help).
        ...(lines.filter((line) => !line.startsWith('(run with --help')).length > 1
          ? ['more than one line']
          : []),
      ];
      return problems.length > 0
        ? [`${outcome.kind}: ${outcome.command} → ${problems.join(', ')}: ${outcome.stderr.slice(0, 300)}`]
        : [];
    });
    expect(wrong).toStrictEqual([]);
    // Each case is a `ripe` process that loads the whole CLI (a few seconds each on 2 cores).
  }, 480_000);

  it('prints the version, and help on every command naming all of its verbs', async () => {
    const version = await ripeCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const verbs: Record<string, string[]> = {
      demo: [],
      score: [],
      eval: [],
      backtest: [],
      history: [],
      schema: [],
      serve: [],
      run: [],
      worker: [],
      import: ['usage'],
      org: ['create', 'list', 'export', 'delete'],
      keys: ['create', 'rotate-master', 'rotate-data'],
      connect: [],
      emulator: [],
    };
    const top = await ripeCli(['--help']);
    expect(top.code).toBe(0);
    const helps = await all(Object.entries(verbs), async ([command, names]) => ({
      command,
      names,
      help: await ripeCli([command, '--help']),
    }));
    for (const { command, names, help } of helps) {
      expect(top.stdout, `ripe --help lists ${command}`).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
      expect(help.code, `ripe ${command} --help`).toBe(0);
      for (const name of names)
        expect(help.stdout, `ripe ${command} --help`).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    }
  });
});

describe('commands share the configured database and say when nothing ran', () => {
  it('imports usage into the org of RIPE_DATA_DIR, and `run --resume` of a finished run exits 3', async () => {
    const created = await ripeCli(['org', 'create', '--name', 'Shared', '--crm', 'sandbox', '--json']);
    expect(created.code).toBe(0);
    const { orgId } = JSON.parse(created.stdout) as { orgId: string };
    const usage = join(dir, 'usage.csv');
    writeFileSync(usage, 'account_id,metric,day,value\nacc-1,seats_used,2026-03-01,4\n');
    const imported = await ripeCli(['import', 'usage', '--csv', usage, '--org', orgId]);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 1 of 1 rows/) });

    const night = await ripeCli(['run', '--org', orgId, '--dry-run', '--as-of', '2026-06-01', '--json']);
    expect(night.code).toBe(0);
    const { report } = JSON.parse(night.stdout) as { report: { runId: string } };
    const again = await ripeCli(['run', '--org', orgId, '--resume', report.runId]);
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/^Nothing ran: run .* has finished already/);
  });
});
