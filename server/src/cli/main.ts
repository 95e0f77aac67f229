import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { applyEnvFile } from '../config/env-file.ts';
import { reportCliError } from './cli-error.ts';
import { registerCommands } from './command-modules.ts';
// `.env` in the working folder, as `.env.example` says; variables set in the environment win.
applyEnvFile('.env', process.env);

const program = new Command('ripe')
  .description(
    'Ripe finds the accounts that are ready to grow, sizes the potential and says how to approach it.',
  )
  .version(ripeVersion(), '-V, --version', 'print the version of ripe')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

// Only the named command's module is loaded (each pulls in its own part of the product): `ripe --version` or
// `ripe schema` start in a fraction of the time the whole command graph takes.
await registerCommands(program, process.argv.slice(2));

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
