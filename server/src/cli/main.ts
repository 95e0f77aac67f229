import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { applyEnvFile } from '../config/env-file.ts';
import { reportCliError } from './cli-error.ts';
import { registerDemo } from './commands/demo.command.ts';
import { registerScore } from './commands/score.command.ts';
import { registerEval } from './commands/eval.command.ts';
import { registerBacktest } from './commands/backtest.command.ts';
import { registerSchema } from './commands/schema.command.ts';
import { registerHistory } from './commands/history.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerOrg } from './commands/org.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerRun } from './commands/run.command.ts';
import { registerWorker } from './commands/worker.command.ts';
import { registerKeys } from './commands/keys.command.ts';
import { registerConnect } from './commands/connect.command.ts';
import { registerEmulator } from './commands/emulator.command.ts';
import { registerOrgDataRights } from './commands/org-data.command.ts';

// `.env` in the working folder, as `.env.example` says; variables set in the environment win.
applyEnvFile('.env', process.env);

const program = new Command('ripe')
  .description(
    'Ripe finds the accounts that are ready to grow, sizes the potential and says how to approach it.',
  )
  .version(ripeVersion(), '-V, --version', 'print the version of ripe')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerDemo(program);
registerScore(program);
registerEval(program);
registerBacktest(program);
registerHistory(program);
registerSchema(program);
registerServe(program);
registerOrg(program);
registerImport(program);
registerRun(program);
registerWorker(program);
registerKeys(program);
registerConnect(program);
registerEmulator(program);
registerOrgDataRights(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander already printed its one-line message (or the help / version).
    process.exitCode = error.exitCode;
  } else {
    process.exitCode = reportCliError(error);
  }
}

function ripeVersion(): string {
  const manifest = createRequire(import.meta.url)('../../../package.json') as { version: string };
  return manifest.version;
}
