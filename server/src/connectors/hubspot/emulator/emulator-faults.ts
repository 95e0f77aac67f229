import type { CrmObjectType } from './crm-records.types.ts';

export type GatewayFaultStatus = 502 | 503;

/** A property that validation rejects on chosen records (the batch answers per input). */
export interface PropertyRejection {
  objectType: CrmObjectType;
  property: string;
  ids: readonly string[];
}

/** Faults a test switches on: each is plain data the routes consult. */
export interface EmulatorFaults {
  /** Every access token issued so far expires after this many more authenticated requests. */
  expireTokensAfterRequests: number | null;
  /** The portal's daily allowance is spent: every call answers 429 DAILY. */
  dailyLimitReached: boolean;
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
): string | undefined {
  return faults.rejectedProperties.find(
    (rejection) =>
      rejection.objectType === objectType && rejection.ids.includes(id) && rejection.property in properties,
  )?.property;
}
