import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile } from './input-file.ts';

const directory = mkdtempSync(join(tmpdir(), 'ripe-input-file-'));

describe('readInputFile', () => {
  it('reads the file as UTF-8 text', async () => {
    const path = join(directory, 'accounts.csv');
    writeFileSync(path, 'account_id,expanded\nacc-1,yes\n');
    expect(await readInputFile(path)).toBe('account_id,expanded\nacc-1,yes\n');
  });

  it('a missing file is a typed error', async () => {
    await expect(readInputFile(join(directory, 'absent.csv'))).rejects.toMatchObject({
      code: 'invalid_input_file',
    });
  });
});
