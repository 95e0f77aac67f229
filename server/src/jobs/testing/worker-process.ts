import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface LogLine {
  msg?: string;
  [key: string]: unknown;
}

/** A `ripe worker` child process whose JSON log lines the test can read and wait for. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Its lease owner id, once it logged "night worker started". */
  owner(): Promise<string>;
  lines: LogLine[];
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** stderr and unparsed stdout, for a failure message. */
  output(): string;
}

export function spawnWorker(databaseUrl: string, args: string[]): WorkerProcess {
  const child = spawn(process.execPath, ['server/bin/ripe.mjs', 'worker', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let raw = '';
  let pending = '';
  const waiters = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        raw += `${part}\n`;
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    raw += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const wake of waiters) wake();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  let exitCode: number | string | undefined;
  void exited.then((code) => (exitCode = code));

  function waitForLine(predicate: (line: LogLine) => boolean, timeoutMs = 60_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.find(predicate);
        if (found) return finish(() => resolve(found));
        if (exitCode !== undefined) {
          return finish(() => reject(new Error(`worker exited (${exitCode}) before the line: ${raw}`)));
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no such line within ${timeoutMs} ms: ${raw}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  }

  return {
    child,
    lines,
    waitForLine,
    exited,
    owner: async () => String((await waitForLine((line) => line.msg === 'night worker started')).owner),
    output: () => raw,
  };
}
