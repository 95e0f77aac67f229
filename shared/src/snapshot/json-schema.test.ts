import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFormatJsonSchema } from './json-schema.ts';

describe('docs/import-format.schema.json', () => {
  it('is the schema generated from the zod schemas (regenerate with `npm run ripe -- schema`)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../docs/import-format.schema.json', import.meta.url)),
        'utf8',
      ),
    );
    expect(committed).toStrictEqual(importFormatJsonSchema());
  });
});
