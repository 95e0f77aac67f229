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

const NESTED = ['contacts', 'activities', 'tickets', 'opportunities'] as const;

/** A contact, activity, ticket or opportunity id given twice in one account: which one is right is unknown. */
function nestedDuplicates(snapshot: AccountSnapshot): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const list of NESTED) {
    const first = new Map<string, number>();
    snapshot[list].forEach((record, position) => {
      const earlier = first.get(record.id);
      if (earlier === undefined) first.set(record.id, position);
      else
        issues.push({
          record: 'account',
          recordId: snapshot.account.id,
          field: `${list}.${position}.id`,
          message: `duplicate id "${record.id}" (also ${list}.${earlier}.id)`,
        });
    });
  }
  return issues;
}

/**
 * Validates account snapshots one by one: a bad record is reported with its id and field and never stops
 * the others. An account id given to more than one record is reported on each of them and none is kept
 * (which one is right cannot be told); a record repeating a contact, activity, ticket or opportunity id is
 * reported and left out.
 */
export function parseAccounts(raws: readonly unknown[]): ParsedAccounts {
  const issues: FieldIssue[] = [];
  const ids = raws.map(recordIdOf);
  const positions = new Map<string, number[]>();
  ids.forEach((id, index) => positions.set(id, [...(positions.get(id) ?? []), index]));
  const parsed: Array<AccountSnapshot | null> = raws.map((raw, index) => {
    const result = accountSnapshotSchema.safeParse(raw);
    if (result.success) return result.data;
    issues.push(...toFieldIssues('account', ids[index]!, result.error));
    return null;
  });
  const valid: AccountSnapshot[] = [];
  parsed.forEach((snapshot, index) => {
    const at = positions.get(ids[index]!)!;
    if (at.length > 1) {
      issues.push({
        record: 'account',
        recordId: ids[index]!,
        field: 'account.id',
        message: `duplicate account id: records ${at.map((p) => `#${p}`).join(', ')} share it, none of them is kept`,
      });
      return;
    }
    if (snapshot === null) return;
    const duplicates = nestedDuplicates(snapshot);
    if (duplicates.length > 0) issues.push(...duplicates);
    else valid.push(snapshot);
  });
  return { valid, issues };
}
