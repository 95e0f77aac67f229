import { readFile } from 'node:fs/promises';
import { RipeError } from '@ripe/shared';

/** A text file named on the command line; one that cannot be read is a typed `invalid_input_file`. */
export async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new RipeError('invalid_input_file', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
