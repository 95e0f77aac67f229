import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEnvFile } from './env-file.ts';

describe('applyEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ripe-env-file-'));
  const path = join(dir, '.env');
  writeFileSync(
    path,
    '# a comment\nPORT=9090\nLOG_LEVEL=debug\nRIPE_DATA_DIR="/data/ripe"\nDATABASE_URL=postgres://file\n',
  );

  it('fills what the environment does not set, and the environment wins, even when empty', () => {
    const env: Record<string, string | undefined> = { PORT: '8081', DATABASE_URL: '' };
    expect(applyEnvFile(path, env)).toStrictEqual(['LOG_LEVEL', 'RIPE_DATA_DIR']);
    expect(env).toStrictEqual({
      PORT: '8081',
      DATABASE_URL: '',
      LOG_LEVEL: 'debug',
      RIPE_DATA_DIR: '/data/ripe',
    });
  });

  it('does nothing without a file', () => {
    const env = {};
    expect(applyEnvFile(join(dir, 'missing.env'), env)).toStrictEqual([]);
    expect(env).toStrictEqual({});
  });
});
