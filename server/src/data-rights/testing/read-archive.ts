import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import type { ExportManifest } from '../export-org.ts';

export interface ReadArchive {
  manifest: ExportManifest;
  /** Every file by its name in the archive. */
  files: Map<string, string>;
  /** The parsed rows of `tables/<table>.jsonl`. */
  rows(table: string): Record<string, unknown>[];
}

/** Reads an export `.tar.gz` held in memory (tests only: an export can be large). */
export async function readArchive(archive: Buffer): Promise<ReadArchive> {
  const files = new Map<string, string>();
  const reader = extract();
  const done = (async () => {
    for await (const entry of reader) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      files.set(entry.header.name, Buffer.concat(chunks).toString('utf8'));
    }
  })();
  Readable.from([gunzipSync(archive)]).pipe(reader);
  await done;
  const manifest = JSON.parse(files.get('manifest.json') ?? 'null') as ExportManifest;
  return {
    manifest,
    files,
    rows: (table) =>
      (files.get(`tables/${table}.jsonl`) ?? '')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
