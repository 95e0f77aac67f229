import { RipeError } from '@ripe/shared';
import { sandboxConnector } from '../connectors/sandbox/sandbox.connector.ts';
import { SandboxCrmState } from '../connectors/sandbox/sandbox-crm.ts';
import type { NightProgress } from '../night/run-night.ts';
import { runOrgNight, type OrgNightReport } from '../night/org-night.ts';
import { setSandboxSettings } from '../night/org-sandbox.repository.ts';
import { Rng } from '../sandbox/prng.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrator.ts';
import { withOrg } from '../store/org-scope.ts';
import { createOrg } from '../store/orgs.repository.ts';
import type { WrittenCounts } from '../writeback/write-tally.ts';

export type DemoCrm = 'sandbox' | 'salesforce' | 'hubspot';

export interface CrmDemoOptions {
  crm: DemoCrm;
  accounts: number;
  nights: number;
  /** Share of accounts that change in the CRM before each night after the second (the second repeats the first). */
  changeRate: number;
  seed: number;
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
}

const crmLabels = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;

/**
 * K nights of one org against a CRM, on a throwaway embedded database: the first night writes, the second finds
 * nothing changed and writes nothing, each later one sees a share of accounts changed in the CRM and writes only
 * what changed. The real night runs (store,
 * outbox, write-back engine); only the CRM is local.
 */
export async function runCrmDemo(options: CrmDemoOptions): Promise<{ nights: DemoNight[] }> {
  if (options.crm !== 'sandbox') {
    throw new RipeError(
      'connector_unavailable',
      `The ${crmLabels[options.crm]} connector is not available yet: try --crm sandbox`,
    );
  }
  const db = await openDatabase({ inMemory: true });
  try {
    await migrate(db);
    const orgId = `demo-${options.seed}`;
    const settings = { accounts: options.accounts, seed: options.seed, latencyMs: 0 };
    await withOrg(db, orgId, async (tx) => {
      await createOrg(tx, { name: `Demo (${options.crm})`, crm: 'sandbox' });
      await setSandboxSettings(tx, settings);
    });
    const state = new SandboxCrmState();
    const rng = new Rng(options.seed);
    const nights: DemoNight[] = [];
    for (let night = 1; night <= options.nights; night += 1) {
      // Night 2 sees no change, to show a repeated night writes nothing; changes come before the later ones.
      let changedAccounts = night === 1 ? options.accounts : 0;
      if (night > 2) {
        const changed = pickAccounts(rng, options.accounts, options.changeRate);
        state.change(changed, options.asOf);
        changedAccounts = changed.length;
      }
      const startedAt = performance.now();
      const outcome = await runOrgNight(
        {
          db,
          owner: 'ripe-demo',
          now: () => new Date(`${options.asOf}T03:00:00Z`),
          resolveConnector: (org, asOf) =>
            sandboxConnector({ settings: org.sandbox, asOf, state, priceBook: org.priceBook }),
        },
        orgId,
        { asOf: options.asOf, progress: options.progress?.(night) },
      );
      if (outcome.status !== 'succeeded' && outcome.status !== 'failed') {
        throw new RipeError('night_not_resumable', `Night ${night} did not run: ${outcome.status}`);
      }
      nights.push(toDemoNight(night, changedAccounts, outcome.report, performance.now() - startedAt));
    }
    return { nights };
  } finally {
    await db.close();
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
