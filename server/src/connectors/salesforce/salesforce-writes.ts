import { fieldCatalogue } from '@ripe/shared';
import type { FieldValue, WriteOperation, WriteOutcome } from '../write-operation.ts';

/** Where the night's records go in the org, and how an approval's Opportunity is set up. */
export interface WriteTargets {
  historyObject: string;
  historyExternalId: string;
  historyAccountField: string;
  historyDateField: string;
  /** The package's idempotency-key field on Task and on Opportunity. */
  keyField: string;
  opportunity: { stage: string; type: string; recordTypeId?: string };
}

export const defaultWriteTargets: WriteTargets = {
  historyObject: 'ripe__Expansion_Snapshot__c',
  historyExternalId: 'ripe__External_Id__c',
  historyAccountField: 'ripe__Account__c',
  historyDateField: 'ripe__Snapshot_Date__c',
  keyField: 'ripe__Idempotency_Key__c',
  opportunity: { stage: 'Prospecting', type: 'Upsell' },
};

/** A subrequest of the composite call: one sObject Collections call over some of the batch's operations. */
export interface CollectionCall {
  referenceId: string;
  method: 'PATCH';
  url: string;
  body: { allOrNone: false; records: Record<string, unknown>[] };
  /** Index in the batch of each record's operation. */
  operations: number[];
}

type Converted = { ok: true; record: Record<string, unknown> } | { ok: false; outcome: WriteOutcome };

const byName = new Map<string, (typeof fieldCatalogue)[number]>(
  fieldCatalogue.map((entry) => [entry.name, entry]),
);
const priorities = { high: 'High', normal: 'Normal', low: 'Low' } as const;

const refused = (message: string, fields: string[]): WriteOutcome => ({
  ok: false,
  code: 'INVALID_FIELD',
  message,
  fields,
  retryable: false,
});

/** Catalogue values under their Salesforce names; percent fields hold 0–100 in Salesforce, 0–1 in the catalogue. */
export function catalogueFields(
  accountId: string,
  fields: Readonly<Record<string, FieldValue>>,
  extra: Record<string, string> = {},
): Converted {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const target = extra[name];
    if (target) {
      record[target] = value;
      continue;
    }
    const entry = byName.get(name);
    if (!entry)
      return { ok: false, outcome: refused(`Account ${accountId}: no Salesforce field for ${name}`, [name]) };
    if (entry.humanOwned) {
      return {
        ok: false,
        outcome: refused(`Account ${accountId}: ${name} is the account team's, not Ripe's`, [name]),
      };
    }
    record[entry.salesforce] =
      entry.type === 'percent' && typeof value === 'number' ? Math.round(value * 10_000) / 100 : value;
  }
  return { ok: true, record };
}

/** One operation as the Salesforce record it writes, with its object and, for an upsert, its external id field. */
export function salesforceRecord(
  op: WriteOperation,
  targets: WriteTargets,
): Converted & { object?: string; upsertKey?: string } {
  switch (op.kind) {
    case 'account_fields': {
      const converted = catalogueFields(op.accountId, op.fields);
      if (!converted.ok) return converted;
      return {
        ok: true,
        object: 'Account',
        record: { attributes: { type: 'Account' }, Id: op.accountId, ...converted.record },
      };
    }
    case 'history': {
      const converted = catalogueFields(op.accountId, op.fields, { snapshot_date: targets.historyDateField });
      if (!converted.ok) return converted;
      return {
        ok: true,
        object: targets.historyObject,
        upsertKey: targets.historyExternalId,
        record: {
          attributes: { type: targets.historyObject },
          [targets.historyExternalId]: op.externalId,
          [targets.historyAccountField]: op.accountId,
          ...converted.record,
        },
      };
    }
    case 'task_upsert':
      // No Status: a new task takes the org's default (Not Started), a task the CSM completed stays completed.
      return {
        ok: true,
        object: 'Task',
        upsertKey: targets.keyField,
        record: {
          attributes: { type: 'Task' },
          [targets.keyField]: op.key,
          WhatId: op.accountId,
          Subject: op.task.subject.slice(0, 255),
          Description: op.task.body,
          ActivityDate: op.task.dueOn,
          Priority: priorities[op.task.priority],
          ...(op.task.ownerId ? { OwnerId: op.task.ownerId } : {}),
        },
      };
    case 'task_close':
      return {
        ok: true,
        object: 'Task',
        upsertKey: targets.keyField,
        record: { attributes: { type: 'Task' }, [targets.keyField]: op.key, Status: 'Completed' },
      };
    case 'opportunity_create':
      return {
        ok: true,
        object: 'Opportunity',
        upsertKey: targets.keyField,
        record: {
          attributes: { type: 'Opportunity' },
          [targets.keyField]: op.key,
          AccountId: op.accountId,
          Name: op.opportunity.name.slice(0, 120),
          Amount: op.opportunity.amount,
          CloseDate: op.opportunity.closeOn,
          StageName: targets.opportunity.stage,
          Type: targets.opportunity.type,
          ...(targets.opportunity.recordTypeId ? { RecordTypeId: targets.opportunity.recordTypeId } : {}),
        },
      };
  }
}

/**
 * The batch as sObject Collections subrequests of one composite call: account updates together, and one upsert
 * by external id per object. Operations refused before the wire (an unknown field) get their outcome here.
 */
export function planCollections(
  operations: readonly WriteOperation[],
  targets: WriteTargets,
  base: string,
): { calls: CollectionCall[]; early: Map<number, WriteOutcome> } {
  const calls = new Map<string, CollectionCall>();
  const early = new Map<number, WriteOutcome>();
  operations.forEach((op, index) => {
    const converted = salesforceRecord(op, targets);
    if (!converted.ok) {
      early.set(index, converted.outcome);
      return;
    }
    const key = converted.upsertKey ? `${converted.object}/${converted.upsertKey}` : 'update';
    const call =
      calls.get(key) ??
      calls
        .set(key, {
          referenceId: `ripe_${calls.size + 1}`,
          method: 'PATCH',
          url: converted.upsertKey ? `${base}/composite/sobjects/${key}` : `${base}/composite/sobjects`,
          body: { allOrNone: false, records: [] },
          operations: [],
        })
        .get(key);
    call?.body.records.push(converted.record);
    call?.operations.push(index);
  });
  return { calls: [...calls.values()], early };
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: { statusCode: string; message: string; fields?: string[] }[];
}
interface SubrequestResult {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

// A row another transaction holds is worth trying again later; a rule or a bad value is not.
export const retryableCodes = new Set(['UNABLE_TO_LOCK_ROW']);

/** One outcome per operation, in order, from the composite response. */
export function collectOutcomes(
  count: number,
  calls: readonly CollectionCall[],
  early: ReadonlyMap<number, WriteOutcome>,
  response: { compositeResponse?: SubrequestResult[] },
): WriteOutcome[] {
  const outcomes: (WriteOutcome | undefined)[] = Array.from({ length: count }, (_, i) => early.get(i));
  const answers = new Map((response.compositeResponse ?? []).map((r) => [r.referenceId, r]));
  for (const call of calls) {
    const answer = answers.get(call.referenceId);
    const results =
      answer?.httpStatusCode === 200 && Array.isArray(answer.body) ? (answer.body as SaveResult[]) : null;
    call.operations.forEach((index, position) => {
      const result = results?.[position];
      if (result?.success) {
        outcomes[index] = { ok: true, crmId: result.id ?? null };
        return;
      }
      const error = result?.errors?.[0] ?? subrequestError(answer);
      outcomes[index] = {
        ok: false,
        code: error.statusCode,
        message: error.message,
        fields: error.fields ?? [],
        retryable: retryableCodes.has(error.statusCode),
      };
    });
  }
  return outcomes.map(
    (outcome) =>
      outcome ?? {
        ok: false,
        code: 'NO_RESULT',
        message: 'Salesforce returned no result',
        fields: [],
        retryable: true,
      },
  );
}

function subrequestError(answer: SubrequestResult | undefined) {
  const [first] = Array.isArray(answer?.body)
    ? (answer.body as { errorCode?: string; message?: string }[])
    : [];
  return {
    statusCode: first?.errorCode ?? 'NO_RESULT',
    message:
      first?.message ?? `Salesforce answered ${answer?.httpStatusCode ?? 'nothing'} for the collection`,
    fields: [] as string[],
  };
}
