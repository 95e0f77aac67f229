import { open, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RipeError } from '@ripe/shared';

/**
 * Takes `<dataDir>.lock` for this process, replacing a lock left by a process that died.
 * Resolves to the function that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new RipeError(
          'data_dir_locked',
          `The data folder ${dataDir} is in use by process ${holder} (a \`ripe serve\` or another command): ` +
            `stop it (kill ${holder}) and run this again, or give this command its own folder with ` +
            'RIPE_DATA_DIR=<another folder>; to share one database between processes, set DATABASE_URL=postgres://…',
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new RipeError('data_dir_locked', `The data folder ${dataDir} is being opened by another process`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return hasCode(error, 'EPERM');
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
