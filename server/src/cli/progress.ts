import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; plain lines every 10 % when stderr is not a terminal (CI, pipes),
 * and nothing at all for `--json`, so stdout stays machine-readable (progress goes to stderr anyway).
 */
export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { start() {}, update() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: '{label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | eta {eta_formatted}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let startedAt = 0;
    return {
      start(total, label) {
        startedAt = performance.now();
        bar.start(total, 0, { label, rate: 0 });
      },
      update(done) {
        const seconds = (performance.now() - startedAt) / 1000;
        bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let total = 0;
  let label = '';
  let nextTenth = 1;
  return {
    start(t, l) {
      total = t;
      label = l;
      nextTenth = 1;
      stream.write(`${label}: 0/${total}\n`);
    },
    update(done) {
      if (total <= 0 || done < (nextTenth * total) / 10) return;
      // One line per crossed tenth, however large the step.
      nextTenth = Math.floor((done * 10) / total) + 1;
      stream.write(`${label}: ${done}/${total} (${Math.floor((done * 100) / total)}%)\n`);
    },
    stop() {},
  };
}
