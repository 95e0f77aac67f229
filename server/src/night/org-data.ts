import { setTimeout as delay } from 'node:timers/promises';
import { RipeError } from '@ripe/shared';
import type { AccountSource } from './account-source.ts';
import { createSandbox } from '../sandbox/sandbox.ts';
import { trainSandboxModel, type TrainedModel } from '../eval/sandbox-training.ts';
import type { Org } from '../store/orgs.repository.ts';
import type { SandboxSettings } from '../settings/night-settings.schema.ts';

/** A source that can start again at a batch, cutting the same batches as `batches(batchSize)`. */
export interface ResumableSource extends AccountSource {
  batchesFrom(batchSize: number, startBatch: number): AsyncIterable<unknown[]>;
}

/** What a night needs from the org's CRM: its accounts, and its labelled history to train on. */
export interface OrgData {
  source: ResumableSource;
  /** Trains the org's model on its own history as it was known on the night's date. */
  train(): TrainedModel;
}

export interface OrgForNight extends Org {
  sandbox: SandboxSettings;
}

/** Builds the org's data for the night of `asOf`; throws a `RipeError` when it cannot. */
export type OrgDataResolver = (org: OrgForNight, asOf: string) => OrgData;

const crmLabels = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;

/** Sandbox orgs run on the generator; CRM connectors arrive in later issues. */
export const defaultOrgData: OrgDataResolver = (org, asOf) => {
  switch (org.crm) {
    case 'sandbox':
      return sandboxOrgData(org, org.sandbox, asOf);
    case 'salesforce':
    case 'hubspot':
      throw new RipeError(
        'connector_unavailable',
        `The ${crmLabels[org.crm]} connector is not available yet: this org's accounts cannot be pulled`,
      );
  }
};

/** The sandbox generator as the org's CRM: accounts are generated batch by batch, from any batch on. */
export function sandboxOrgData(org: Org, settings: SandboxSettings, asOf: string): OrgData {
  const sandbox = createSandbox({ accounts: settings.accounts, seed: settings.seed, endDate: asOf });
  const total = settings.accounts;
  async function* batchesFrom(batchSize: number, startBatch: number): AsyncIterable<unknown[]> {
    for (let from = startBatch * batchSize; from < total; from += batchSize) {
      // A CRM answers after a while: rehearses slow nights (and crashes in the middle of one).
      if (settings.latencyMs > 0) await delay(settings.latencyMs);
      const batch: unknown[] = [];
      for (let index = from; index < Math.min(total, from + batchSize); index += 1) {
        batch.push(sandbox.snapshotAt(index, asOf));
      }
      yield batch;
    }
  }
  return {
    source: {
      orgId: org.id,
      priceBook: org.priceBook ?? sandbox.priceBook,
      total,
      batches: (batchSize) => batchesFrom(batchSize, 0),
      batchesFrom,
    },
    train: () => trainSandboxModel(sandbox, asOf),
  };
}
