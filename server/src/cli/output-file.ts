import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RipeError } from '@ripe/shared';

/**
 * Checks, before any work, that the file a command will write can be written: its folder exists and
 * is writable, and the path is not a folder. A night is never run only to fail on its report.
 */
export async function checkOutputFile(path: string, flag: string): Promise<string> {
  const absolute = resolve(path);
  const folder = dirname(absolute);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory()) {
    throw new RipeError('invalid_argument', `${flag} ${path}: the folder ${folder} does not exist`);
  }
  if (!(await writable(folder))) {
    throw new RipeError('invalid_argument', `${flag} ${path}: the folder ${folder} is not writable`);
  }
  const existing = await stat(absolute).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new RipeError('invalid_argument', `${flag} ${path} is a folder: name a file`);
  }
  if (existing && !(await writable(absolute))) {
    throw new RipeError('invalid_argument', `${flag} ${path} exists and is not writable`);
  }
  return absolute;
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
