import type { CrmObjectType } from './crm-records.types.ts';

export type GatewayFaultStatus = 502 | 503;

/** A property that validation rejects on chosen records (the batch answers per input). */
export interface PropertyRejection {
  objectType: CrmObjectType;
  property: string;
  ids: readonly string[];
  /** The validation rule's message (a portal's own rule); HubSpot's generic one when absent. */
  message?: string;
}

/** Faults a test switches on: each is plain data the routes consult. */
export interface EmulatorFaults {
  /** Every access token issued so far expires after this many more authenticated requests. */
  expireTokensAfterRequests: number | null;
  /** The portal's daily allowance is spent: every call answers 429 DAILY. */
  dailyLimitReached: boolean;
  /** The daily allowance runs out after this many more authenticated requests (then `dailyLimitReached`). */
  dailyLimitAfterRequests: number | null;
  /** The next N calls answer this gateway status. */
  gateway: { status: GatewayFaultStatus; remaining: number } | null;
  rejectedProperties: PropertyRejection[];
  /** Property groups the portal lost (an admin deleted them): reads 404, property creates in them 400. */
  missingPropertyGroups: { objectType: CrmObjectType; name: string }[];
}

export function noFaults(): EmulatorFaults {
  return {
    expireTokensAfterRequests: null,
    dailyLimitReached: false,
    dailyLimitAfterRequests: null,
    gateway: null,
    rejectedProperties: [],
    missingPropertyGroups: [],
  };
}

export function rejectionOf(
  faults: EmulatorFaults,
  objectType: CrmObjectType,
  id: string,
  properties: Record<string, unknown>,
): PropertyRejection | undefined {
  return faults.rejectedProperties.find(
    (rejection) =>
      rejection.objectType === objectType && rejection.ids.includes(id) && rejection.property in properties,
  );
}
