import { RipeError } from '@ripe/shared';
import { sandboxConnector } from '../connectors/sandbox/sandbox.connector.ts';
import { SandboxCrmState } from '../connectors/sandbox/sandbox-crm.ts';
import type { NightProgress } from '../night/run-night.ts';
import type { ConnectorResolver } from '../night/connector-resolver.ts';
import { changeAccounts } from '../connectors/salesforce/emulator/emulator-changes.ts';
import { startEmulatorOrg } from '../connectors/salesforce/emulator/emulator-org.ts';
import { runOrgNight, type OrgNightReport } from '../night/org-night.ts';
import { setSandboxSettings } from '../night/org-sandbox.repository.ts';
import { Rng } from '../sandbox/prng.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrator.ts';
import { withOrg } from '../store/org-scope.ts';
import { createOrg } from '../store/orgs.repository.ts';
import type { WrittenCounts } from '../writeback/write-tally.ts';
import { hubspotDemoTarget } from './hubspot-demo-target.ts';

export type DemoCrm = 'sandbox' | 'salesforce' | 'hubspot';
/** Where the HubSpot demo portal keeps usage: company properties' value history, or custom-object records. */
export type HubSpotDemoUsage = 'properties' | 'custom-object';

export interface CrmDemoOptions {
  crm: DemoCrm;
  accounts: number;
  nights: number;
  /** Share of accounts that change in the CRM before each night after the second (the second repeats the first). */
  changeRate: number;
  seed: number;
  /** With `hubspot`: where the portal keeps usage (default `properties`). */
  hubspotUsage?: HubSpotDemoUsage;
  /** The CRM's data date; the nights score it. */
  asOf: string;
  progress?: (night: number) => NightProgress | undefined;
}

export interface DemoNight {
  night: number;
  changedAccounts: number;
  pulledAccounts: number;
  apiCalls: { reads: number; writes: number; total: number };
  floorCalls: { reads: number; writes: number; total: number };
  written: WrittenCounts;
  errors: string[];
  durationMs: number;
  /** What the CRM shows after the night, counted in the CRM itself (an emulator's portal), when the demo can look. */
  crm?: CrmView;
}

/** Counts read in the CRM itself: properties Ripe created, tasks associated with their account and owned … */
export type CrmView = Record<string, number>;

/** A CRM the demo runs against: a fresh connector per night, and accounts that change as its users change them. */
export interface DemoTarget {
  resolve: ConnectorResolver;
  /** Changes the accounts at these indexes in the CRM; how many changed. */
  change(indexes: readonly number[]): number;
  /** What installing Ripe did in the CRM before the first night, when the CRM has an install step. */
  install?: CrmView;
  /** What the CRM shows now. */
  view?(): CrmView;
  close(): Promise<void>;
}

async function demoTarget(options: CrmDemoOptions): Promise<DemoTarget> {
  switch (options.crm) {
    case 'sandbox': {
      const state = new SandboxCrmState();
      return {
        resolve: (org, asOf) =>
          sandboxConnector({ settings: org.sandbox, asOf, state, priceBook: org.priceBook }),
        change: (indexes) => {
          state.change([...indexes], options.asOf);
          return indexes.length;
        },
        close: async () => {},
      };
    }
    case 'salesforce': {
      // The emulator on loopback, connected through the OAuth web-server flow; jsforce talks to it.
      const org = await startEmulatorOrg({
        port: 0,
        accounts: options.accounts,
        seed: options.seed,
        asOf: options.asOf,
      });
      const ids = [...org.emulator.state.tables.Account.keys()];
      const rng = new Rng(options.seed + 1);
      return {
        resolve: () => org.connector(),
        change: (indexes) => {
          const changed = indexes.flatMap((index) => ids[index] ?? []);
          changeAccounts(org.emulator.state, changed, rng, options.asOf);
          return changed.length;
        },
        close: () => org.close(),
      };
    }
    case 'hubspot':
      return hubspotDemoTarget(options);
  }
}

/**
 * K nights of one org against a CRM, on a throwaway embedded database: the first night writes, the second finds
 * nothing changed and writes nothing, each later one sees a share of accounts changed in the CRM and writes only
 * what changed. The real night runs (store, outbox, write-back engine); only the CRM is local: the sandbox, or
 * a CRM's emulator on loopback, started and stopped here.
 */
export async function runCrmDemo(
  options: CrmDemoOptions,
): Promise<{ install?: CrmView; nights: DemoNight[] }> {
  const target = await demoTarget(options);
  const db = await openDatabase({ inMemory: true });
  try {
    await migrate(db);
    const orgId = `demo-${options.seed}`;
    const settings = { accounts: options.accounts, seed: options.seed, latencyMs: 0 };
    await withOrg(db, orgId, async (tx) => {
      await createOrg(tx, { name: `Demo (${options.crm})`, crm: 'sandbox' });
      await setSandboxSettings(tx, settings);
    });
    const rng = new Rng(options.seed);
    const nights: DemoNight[] = [];
    for (let night = 1; night <= options.nights; night += 1) {
      // Night 2 sees no change, to show a repeated night writes nothing; changes come before the later ones.
      let changedAccounts = night === 1 ? options.accounts : 0;
      if (night > 2) changedAccounts = target.change(pickAccounts(rng, options.accounts, options.changeRate));
      const startedAt = performance.now();
      const outcome = await runOrgNight(
        {
          db,
          owner: 'ripe-demo',
          now: () => new Date(`${options.asOf}T03:00:00Z`),
          resolveConnector: target.resolve,
        },
        orgId,
        { asOf: options.asOf, progress: options.progress?.(night) },
      );
      if (outcome.status !== 'succeeded' && outcome.status !== 'failed') {
        throw new RipeError('night_not_resumable', `Night ${night} did not run: ${outcome.status}`);
      }
      const done = toDemoNight(night, changedAccounts, outcome.report, performance.now() - startedAt);
      nights.push(target.view ? { ...done, crm: target.view() } : done);
    }
    return target.install ? { install: target.install, nights } : { nights };
  } finally {
    await db.close();
    await target.close();
  }
}

function toDemoNight(
  night: number,
  changedAccounts: number,
  report: OrgNightReport,
  durationMs: number,
): DemoNight {
  const { calls, floor } = report.apiUsage;
  return {
    night,
    changedAccounts,
    pulledAccounts: report.counts.accounts,
    apiCalls: { reads: calls.reads, writes: calls.writes, total: calls.total },
    floorCalls: floor,
    written: report.written,
    errors: [
      ...(report.failureReason ? [report.failureReason] : []),
      ...report.writeErrors.map((error) => `${error.accountId}: ${error.code}: ${error.message}`),
    ],
    durationMs: Math.round(durationMs),
  };
}

/** `share` of the accounts, drawn without replacement (at least one when the share is positive). */
function pickAccounts(rng: Rng, accounts: number, share: number): number[] {
  const count = share <= 0 ? 0 : Math.max(1, Math.round(accounts * share));
  const indexes = Array.from({ length: accounts }, (_, index) => index);
  for (let i = 0; i < count; i += 1) {
    const j = rng.int(i, accounts - 1);
    [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
  }
  return indexes.slice(0, count).sort((a, b) => a - b);
}
