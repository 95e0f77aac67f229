import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Fills `env` from a `.env` file (Node's own parser, the syntax of `--env-file`): a variable already
 * in the environment wins over the file, even when empty, so a process manager or a one-off
 * `DATABASE_URL= npx ripe …` always has the last word. No file is not an error.
 *
 * @returns the names taken from the file
 */
export function applyEnvFile(path: string, env: Record<string, string | undefined>): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
  const taken: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    taken.push(name);
  }
  return taken;
}
