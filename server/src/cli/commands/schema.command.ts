import type { Command } from 'commander';
import { importFormatJsonSchema } from '@ripe/shared';

/** `ripe schema`: the import format of `ripe score --input` as JSON Schema, generated from the zod schemas. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the snapshot import format')
    .action(() => {
      process.stdout.write(`${JSON.stringify(importFormatJsonSchema(), null, 2)}\n`);
    });
}
