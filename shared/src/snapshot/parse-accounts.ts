import { accountSnapshotSchema, type AccountSnapshot } from './account-snapshot.schema.ts';
import { toFieldIssues, type FieldIssue } from '../errors.ts';

export interface ParsedAccounts {
  valid: AccountSnapshot[];
  issues: FieldIssue[];
}

function recordIdOf(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'account' in raw) {
    const account = (raw as { account: unknown }).account;
    if (account && typeof account === 'object' && 'id' in account) {
      const id = (account as { id: unknown }).id;
      if (typeof id === 'string' && id.length > 0) return id;
    }
  }
  return `#${index}`;
}

/**
 * Validates account snapshots one by one: a bad record is reported with its id and field and
 * never stops the others.
 */
export function parseAccounts(raws: readonly unknown[]): ParsedAccounts {
  const valid: AccountSnapshot[] = [];
  const issues: FieldIssue[] = [];
  raws.forEach((raw, index) => {
    const result = accountSnapshotSchema.safeParse(raw);
    if (result.success) valid.push(result.data);
    else issues.push(...toFieldIssues('account', recordIdOf(raw, index), result.error));
  });
  return { valid, issues };
}
