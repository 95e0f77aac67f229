import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandNames, modulesFor, registerCommands } from './command-modules.ts';

describe('the CLI loads only the modules a command line needs', () => {
  it('loads the named command alone, wherever its options sit', () => {
    expect(modulesFor(['schema'])).toEqual(['schema']);
    expect(modulesFor(['--help', 'demo', '--crm', 'hubspot'])).toEqual(['demo']);
    expect(modulesFor(['org', 'export', '--org', 'x'])).toEqual(['org']);
  });

  it('loads nothing for the version, and every command for help, a typo or no command', () => {
    expect(modulesFor(['--version'])).toEqual([]);
    expect(modulesFor(['-V'])).toEqual([]);
    expect(modulesFor([])).toEqual(commandNames);
    expect(modulesFor(['--help'])).toEqual(commandNames);
    expect(modulesFor(['demoo'])).toEqual(commandNames);
  });

  it('each name in the table registers the command of that name, and the org command its subcommands', async () => {
    for (const name of commandNames) {
      const program = new Command('ripe');
      await registerCommands(program, [name]);
      expect(program.commands.map((command) => command.name())).toEqual([name]);
    }
    const program = new Command('ripe');
    await registerCommands(program, ['org']);
    const org = program.commands.find((command) => command.name() === 'org');
    expect(org?.commands.map((command) => command.name()).sort()).toEqual([
      'create',
      'delete',
      'export',
      'list',
    ]);
  }, 60_000);
});
