import type { PriceBook } from '@ripe/shared';
import { fieldCatalogue } from '@ripe/shared';
import type { FieldMapping } from '../../../settings/field-mapping.schema.ts';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';
import { salesforceConnector, type SalesforceConnectorOptions } from '../salesforce.connector.ts';
import { connectEmulator, type EmulatorSession } from './emulator-session.ts';
import { orgClockAfter } from './emulator-state.ts';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './salesforce-emulator.ts';
import { usageColumns } from './sobject-schema.ts';

/** The field mapping an admin of the emulator's org sets: usage from the daily Product_Usage__c object. */
export const emulatorFieldMapping: Partial<FieldMapping> = {
  usage: {
    source: 'crm_object_columns',
    object: 'Product_Usage__c',
    accountField: 'Account__c',
    dayField: 'Usage_Date__c',
    columns: usageColumns.map(({ field, metric, kind }) => ({ field, metric, kind })),
  },
};

export interface EmulatorOrg {
  emulator: SalesforceEmulator;
  session: EmulatorSession;
  priceBook: PriceBook;
  /** A connector for one night, through jsforce, with the session's shared token store. */
  connector(overrides?: Partial<SalesforceConnectorOptions>): ReturnType<typeof salesforceConnector>;
  close(): Promise<void>;
}

/** An emulated org seeded from the sandbox as of `asOf`, connected through the OAuth web-server flow. */
export async function startEmulatorOrg(
  options: Omit<SalesforceEmulatorOptions, 'endDate' | 'asOf' | 'clock'> & { asOf: string },
): Promise<EmulatorOrg> {
  const emulator = await startSalesforceEmulator({
    ...options,
    endDate: options.asOf,
    clock: orgClockAfter(options.asOf),
  });
  const session = await connectEmulator(emulator);
  return {
    emulator,
    session,
    priceBook: sandboxPriceBook,
    connector: (overrides = {}) =>
      salesforceConnector({
        instanceUrl: session.granted.instance,
        tokens: session.tokens,
        mapping: emulatorFieldMapping,
        priceBook: sandboxPriceBook,
        ripeUserId: session.granted.userId ?? null,
        unavailableRetryMs: 10,
        bulkPollMs: 10,
        ...overrides,
      }),
    close: () => emulator.close(),
  };
}

/** A catalogue field's logical name from its Salesforce name. */
export const logicalName = new Map<string, string>(fieldCatalogue.map((f) => [f.salesforce, f.name]));
