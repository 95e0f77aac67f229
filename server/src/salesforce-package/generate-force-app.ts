// Writes force-app's generated files from the field catalogue and removes the stale ones it owns.
// Run it with `npm run generate:force-app` after changing the catalogue; the package test fails until then.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FORCE_APP_DEFAULT, forceAppFiles, GENERATED_FOLDERS } from './force-app-files.ts';

const repositoryRoot = join(import.meta.dirname, '../../..');
const base = join(repositoryRoot, FORCE_APP_DEFAULT);

/** Every file under `path` (a file or a folder), relative to force-app/main/default. */
export async function filesUnder(folder: string, path: string): Promise<string[]> {
  const entries = await readdir(join(folder, path), { withFileTypes: true, recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      if (error.code === 'ENOTDIR') return null;
      throw error;
    },
  );
  if (entries === null) return [path];
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

async function main(): Promise<void> {
  const files = forceAppFiles();
  const owned = (await Promise.all(GENERATED_FOLDERS.map((path) => filesUnder(base, path)))).flat();
  const stale = owned.filter((path) => !files.has(path));
  for (const path of stale) await rm(join(base, path));
  for (const [path, content] of files) {
    await mkdir(dirname(join(base, path)), { recursive: true });
    await writeFile(join(base, path), content);
  }
  process.stdout.write(`force-app: ${files.size} files written, ${stale.length} stale removed\n`);
}

if (process.argv[1] === import.meta.filename) await main();
