// Each top-level command and the modules that register it, loaded on demand. A command line that names one
// command loads that command's modules only; help, a mistyped command or none at all loads them all, so the
// help lists every command and commander can suggest the nearest name.
import type { Command } from 'commander';

type Register = (program: Command) => void;

const commandModules: Readonly<Record<string, readonly (() => Promise<Register>)[]>> = {
  demo: [async () => (await import('./commands/demo.command.ts')).registerDemo],
  score: [async () => (await import('./commands/score.command.ts')).registerScore],
  eval: [async () => (await import('./commands/eval.command.ts')).registerEval],
  backtest: [async () => (await import('./commands/backtest.command.ts')).registerBacktest],
  history: [async () => (await import('./commands/history.command.ts')).registerHistory],
  schema: [async () => (await import('./commands/schema.command.ts')).registerSchema],
  serve: [async () => (await import('./commands/serve.command.ts')).registerServe],
  org: [
    async () => (await import('./commands/org.command.ts')).registerOrg,
    async () => (await import('./commands/org-data.command.ts')).registerOrgDataRights,
  ],
  import: [async () => (await import('./commands/import.command.ts')).registerImport],
  run: [async () => (await import('./commands/run.command.ts')).registerRun],
  worker: [async () => (await import('./commands/worker.command.ts')).registerWorker],
  keys: [async () => (await import('./commands/keys.command.ts')).registerKeys],
  connect: [async () => (await import('./commands/connect.command.ts')).registerConnect],
  emulator: [async () => (await import('./commands/emulator.command.ts')).registerEmulator],
};

export const commandNames: readonly string[] = Object.keys(commandModules);

/** The modules a command line needs: the named command's, or every command's. */
export function modulesFor(args: readonly string[]): readonly string[] {
  const named = args.find((arg) => !arg.startsWith('-'));
  const versionOnly = named === undefined && args.some((arg) => arg === '-V' || arg === '--version');
  if (versionOnly) return [];
  return named !== undefined && Object.hasOwn(commandModules, named) ? [named] : commandNames;
}

/** Registers on `program` the commands `args` needs, in the order `ripe --help` lists them. */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const loaders = modulesFor(args).flatMap((name) => commandModules[name] ?? []);
  const registers = await Promise.all(loaders.map((load) => load()));
  for (const register of registers) register(program);
}
