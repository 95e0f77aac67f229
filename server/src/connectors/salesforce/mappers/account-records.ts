import type { SfRecord } from '../salesforce-transport.ts';

/** One Account and its related records as the pull read them, before mapping. */
export interface AccountRecords {
  account: SfRecord;
  contacts: SfRecord[];
  /** AccountContactRelation: the contact's roles at this account and whether they are still there. */
  relations: SfRecord[];
  emails: SfRecord[];
  /** Tasks: logged calls, and Ripe's own tasks (told apart by their idempotency key). */
  tasks: SfRecord[];
  events: SfRecord[];
  notes: SfRecord[];
  cases: SfRecord[];
  opportunities: SfRecord[];
  /** OpportunityHistory of those opportunities: each stage a deal moved to, and when. */
  opportunityHistory: SfRecord[];
  /** Records of the org's usage object, or none when usage comes from elsewhere. */
  usage: SfRecord[];
}

export const emptyRelated = (account: SfRecord): AccountRecords => ({
  account,
  contacts: [],
  relations: [],
  emails: [],
  tasks: [],
  events: [],
  notes: [],
  cases: [],
  opportunities: [],
  opportunityHistory: [],
  usage: [],
});

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** `YYYY-MM-DD` of a Salesforce date or datetime (`2026-05-01`, `2026-05-01T10:00:00.000+0000`), in UTC. */
export function day(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** ISO 8601 instant with offset of a Salesforce datetime. */
export function instant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
