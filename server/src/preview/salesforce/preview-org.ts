// The org the preview shows: the Salesforce emulator seeded from the sandbox, scored by one real night
// (pull, engine, agent, write-back through jsforce) on a throwaway embedded database, as `ripe demo --crm
// salesforce` runs it. After the night the emulator's Accounts hold the verdicts the card reads.
import { startEmulatorOrg, type EmulatorOrg } from '../../connectors/salesforce/emulator/emulator-org.ts';
import { runOrgNight } from '../../night/org-night.ts';
import { setSandboxSettings } from '../../night/org-sandbox.repository.ts';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrator.ts';
import { withOrg } from '../../store/org-scope.ts';
import { createOrg } from '../../store/orgs.repository.ts';

export interface PreviewOrgOptions {
  accounts: number;
  seed: number;
  /** The org's data date; the night scores it. */
  asOf: string;
  port?: number;
}

export interface PreviewOrg {
  org: EmulatorOrg;
  close(): Promise<void>;
}

export async function startPreviewOrg(options: PreviewOrgOptions): Promise<PreviewOrg> {
  const org = await startEmulatorOrg({
    port: options.port ?? 0,
    accounts: options.accounts,
    seed: options.seed,
    asOf: options.asOf,
  });
  const db = await openDatabase({ inMemory: true });
  try {
    await migrate(db);
    const orgId = `preview-${options.seed}`;
    await withOrg(db, orgId, async (tx) => {
      await createOrg(tx, { name: 'Preview (salesforce)', crm: 'sandbox' });
      await setSandboxSettings(tx, { accounts: options.accounts, seed: options.seed, latencyMs: 0 });
    });
    const outcome = await runOrgNight(
      {
        db,
        owner: 'ripe-preview',
        now: () => new Date(`${options.asOf}T03:00:00Z`),
        resolveConnector: () => org.connector(),
      },
      orgId,
      { asOf: options.asOf },
    );
    if (outcome.status !== 'succeeded')
      throw new Error(`The preview night did not succeed: ${outcome.status}`);
  } catch (error) {
    await org.close();
    throw error;
  } finally {
    await db.close();
  }
  return { org, close: () => org.close() };
}
