import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir.lock.ts';

describe('data folder lock', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ripe-lock-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses a second opener while the folder is held, and admits one after release', async () => {
    const dataDir = join(root, 'data');
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toMatchObject({
      code: 'data_dir_locked',
      // Says what to do: stop the holder, or give this command a folder of its own, or use PostgreSQL.
      message: expect.stringMatching(/kill \d+.*RIPE_DATA_DIR=.*DATABASE_URL=postgres/),
    });
    await release();
    const releaseAgain = await lockDataDir(dataDir);
    await releaseAgain();
  });

  it('replaces the lock of a process that died', async () => {
    const dataDir = join(root, 'data');
    const finished = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' });
    expect(finished.pid).toBeGreaterThan(0);
    await writeFile(`${dataDir}.lock`, String(finished.pid));
    const release = await lockDataDir(dataDir);
    await release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
