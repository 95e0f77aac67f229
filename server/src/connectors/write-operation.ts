/** A value written to one catalogue field: numbers, ISO dates and instants, text, a CRM record id. */
export type FieldValue = string | number | null;

/** The CSM's task for one ready account and window: at most one open per account and window. */
export interface TaskSpec {
  subject: string;
  body: string;
  /** `YYYY-MM-DD`, inside the window. */
  dueOn: string;
  priority: 'high' | 'normal' | 'low';
  /** The CRM user who owns it (the account's CSM), when known; the connection's user otherwise. */
  ownerId: string | null;
}

/** The expansion opportunity (Salesforce) or deal (HubSpot) created once when an account team approves. */
export interface OpportunitySpec {
  name: string;
  amount: number;
  currency: string;
  /** `YYYY-MM-DD`: the window's end. */
  closeOn: string;
  motion: string | null;
}

/**
 * One CRM write, CRM-independent. Keys make every write idempotent: a task or an opportunity carries its
 * key in a CRM field, a history record its external id, so a replayed batch finds what it wrote before.
 */
export type WriteOperation =
  | { kind: 'account_fields'; accountId: string; fields: Readonly<Record<string, FieldValue>> }
  | {
      kind: 'history';
      accountId: string;
      externalId: string;
      fields: Readonly<Record<string, FieldValue>>;
    }
  | { kind: 'task_upsert'; accountId: string; key: string; task: TaskSpec }
  | { kind: 'task_close'; accountId: string; key: string }
  | { kind: 'opportunity_create'; accountId: string; key: string; opportunity: OpportunitySpec };

export type WriteKind = WriteOperation['kind'];

export const writeKinds = [
  'account_fields',
  'history',
  'task_upsert',
  'task_close',
  'opportunity_create',
] as const satisfies readonly WriteKind[];

/**
 * The CRM's answer for one operation: its record id, or its own error (status code, message, fields). A write to
 * the account record may carry `modifiedAt`, the account's last-modified instant as the CRM answered it after
 * this write: while the account still shows that instant, nobody but Ripe changed it since.
 */
export type WriteOutcome =
  | { ok: true; crmId: string | null; modifiedAt?: string }
  | { ok: false; code: string; message: string; fields: string[]; retryable: boolean };
