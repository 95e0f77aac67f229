import type { PriceBook, Readiness, Verdict } from '@ripe/shared';
import { machineFieldValues } from '@ripe/shared';
import type { HumanOwnedValues } from '../connectors/crm-connector.ts';
import type { FieldValue, OpportunitySpec, TaskSpec } from '../connectors/write-operation.ts';
import { opportunityFor, taskFor } from './task-text.ts';
import { isShortlisted } from '../engine/agent/expansion-agent.ts';
import type { FeatureVector } from '../model/features.ts';

/**
 * What the night stages for one scored account, CRM-independent: the machine-owned field values derived
 * from the catalogue, tonight's history record, and the task and opportunity the account would get. Whether
 * they are written is decided at drain time against what the CRM last confirmed (`planWrites`).
 */
export interface WritebackPayload {
  asOf: string;
  readiness: Readiness;
  fields: Record<string, FieldValue>;
  history: { externalId: string; fields: Record<string, FieldValue> };
  /** The task a ready account gets; null when it is not ready or has no window. */
  task: TaskSpec | null;
  /** The opportunity an approval creates. */
  opportunity: OpportunitySpec;
  /** What the account team set in the CRM, as pulled tonight. */
  human: HumanOwnedValues;
  /**
   * The model's features of a shortlisted account: a later decision on it (won, lost, rejected) labels them
   * for the next training.
   */
  features?: FeatureVector;
  /** The account's version as pulled tonight (`PulledAccount.version`), kept with the write's instant. */
  pulledVersion?: string;
}

export interface PayloadContext {
  /** The model's features of the account, kept when it is shortlisted. */
  features?: FeatureVector;
  /** The account's version as pulled (`PulledAccount.version`). */
  pulledVersion?: string;
  /** The org's price book: the task's priority compares expected values in its currency. */
  priceBook?: PriceBook;
}

export function writebackPayload(
  verdict: Verdict,
  human: HumanOwnedValues,
  ownerId: string | null,
  { features, pulledVersion, priceBook }: PayloadContext = {},
): WritebackPayload {
  const fields = machineFieldValues(verdict);
  return {
    asOf: verdict.asOf,
    readiness: verdict.readiness,
    fields,
    history: {
      externalId: `${verdict.accountId}:${verdict.asOf}`,
      fields: { ...fields, snapshot_date: verdict.asOf },
    },
    task: taskFor(verdict, ownerId, priceBook),
    opportunity: opportunityFor(verdict, human),
    human,
    ...(features && isShortlisted(verdict) ? { features } : {}),
    ...(pulledVersion === undefined ? {} : { pulledVersion }),
  };
}
