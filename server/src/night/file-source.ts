import { readFile } from 'node:fs/promises';
import {
  RipeError,
  checkAccountAgainstBook,
  orgConfigSchema,
  orgSnapshotFileSchema,
  parseAccounts,
  toFieldIssues,
  type AccountSnapshot,
  type FieldIssue,
  type OrgConfig,
} from '@ripe/shared';
import type { AccountSource } from './account-source.ts';

export interface SnapshotFile {
  source: AccountSource;
  asOf: string;
  config: OrgConfig;
  /** Records left out before the night, each issue naming the record and the field. */
  issues: FieldIssue[];
  /** Records left out (an account can have several issues). */
  rejected: number;
}

// Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
const BOM = '\uFEFF';

/**
 * Reads a snapshot file (the import format). The envelope (asOf, price book, config) must be valid — without
 * it nothing can be scored. Accounts are validated one by one against the schema, against each other (an
 * account id used twice) and against the price book and the day (tiers, modules, currency, licence
 * history): a bad record is reported with its id and field and left out, the others are scored.
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
    raw = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
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
  const { accounts: raws, orgId, priceBook, asOf } = envelope.data;
  const { valid, issues } = parseAccounts(raws);
  const accounts: AccountSnapshot[] = [];
  for (const snapshot of valid) {
    const mismatches = checkAccountAgainstBook(snapshot, { asOf, priceBook });
    if (mismatches.length === 0) accounts.push(snapshot);
    else issues.push(...mismatches);
  }
  return {
    asOf,
    config: config.data,
    issues,
    rejected: raws.length - accounts.length,
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
