import { readFile } from 'node:fs/promises';
import {
  RipeError,
  orgConfigSchema,
  orgSnapshotFileSchema,
  toFieldIssues,
  type OrgConfig,
} from '@ripe/shared';
import type { AccountSource } from './account-source.ts';

export interface SnapshotFile {
  source: AccountSource;
  asOf: string;
  config: OrgConfig;
}

/**
 * Reads a snapshot file (the import format). The envelope (asOf, price book, config) must be valid — without
 * it nothing can be scored — while accounts are validated one by one during the night.
 */
export async function readSnapshotFile(path: string): Promise<SnapshotFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RipeError(
      'invalid_input_file',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RipeError('invalid_input_file', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const envelope = orgSnapshotFileSchema.safeParse(raw);
  if (!envelope.success) {
    const issues = toFieldIssues('file', path, envelope.error);
    throw new RipeError('invalid_input_file', issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
      issues,
    });
  }
  const config = orgConfigSchema.safeParse(envelope.data.config ?? {});
  if (!config.success) {
    const issues = toFieldIssues('config', path, config.error);
    throw new RipeError('invalid_config', issues.map((i) => `config.${i.field}: ${i.message}`).join('; '), {
      issues,
    });
  }
  const { accounts, orgId, priceBook, asOf } = envelope.data;
  return {
    asOf,
    config: config.data,
    source: {
      orgId,
      priceBook,
      total: accounts.length,
      async *batches(batchSize: number) {
        for (let from = 0; from < accounts.length; from += batchSize)
          yield accounts.slice(from, from + batchSize);
      },
    },
  };
}
