import { randomBytes, randomInt } from 'node:crypto';
import { discoverOrgTables } from '../../data-rights/org-tables.ts';
import { tableSeeders } from '../../data-rights/testing/org-seeders.ts';
import { createMasterKeyring, createSecretsRepository } from '../../secrets/index.ts';
import type { Database } from '../../store/database.ts';
import { recordFeedback } from '../../store/feedback.repository.ts';
import { saveModel } from '../../store/models.repository.ts';
import { withOrg } from '../../store/org-scope.ts';
import { finishRun, recordRunErrors, startRun } from '../../store/runs.repository.ts';
import { makeVerdict } from '../../store/testing/verdict.fixture.ts';
import { saveVerdicts } from '../../store/verdicts.repository.ts';
import { createApiKey } from '../api-keys.repository.ts';
import { addMember } from '../members.repository.ts';
import { provisionOrg } from '../provision-org.ts';

/** An org with data in every table, and the ids an attacker would aim at. */
export interface SeededOrg {
  orgId: string;
  /** In every name, email and account id this org wrote: a leak of it is easy to spot. */
  marker: string;
  /** The admin's key (all scopes). */
  adminToken: string;
  adminMemberId: string;
  /** A second member (role `member`) and their read-only key. */
  memberId: string;
  memberToken: string;
  keyId: string;
  /** A finished run with verdicts, errors and feedback. */
  runId: string;
  /** A run still running, which a night could finish. */
  runningRunId: string;
  /** The run the generic table seeders wrote (checkpoint, write-backs…). */
  seededRunId: string;
  accountId: string;
  secretName: string;
  /** The HubSpot portal the org is connected to (its external id), as signed HubSpot calls name it. */
  portalId: string;
  adminEmail: string;
}

const seedMasterKey = randomBytes(32);
/** The keyring the secrets of seeded orgs are sealed with (the generic seeders use their own). */
export const seedKeyring = createMasterKeyring({ cross: seedMasterKey }, 'cross');
/** The same keyring as environment variables, for an app that must open those secrets. */
export const seedKeyringEnv = {
  RIPE_MASTER_KEYS: `cross:${seedMasterKey.toString('base64')}`,
  RIPE_MASTER_KEY_ID: 'cross',
};
const secretsSeededHere = new Set(['secrets', 'org_data_keys']);

/** Provisions an org and writes at least one row in every org table, through the repositories. */
export async function seedOrg(db: Database, label: string): Promise<SeededOrg> {
  const marker = `${label}-${randomBytes(4).toString('hex')}`;
  // A HubSpot portal id is a number; the HubSpot app's signed calls find the org by it.
  const portalId = String(randomInt(100_000_000, 999_999_999));
  const provisioned = await provisionOrg(db, {
    name: `Org ${marker}`,
    crm: 'hubspot',
    externalId: portalId,
    admin: { email: `admin@${marker}.example`, name: `Admin ${marker}` },
  });
  const orgId = provisioned.org.id;
  const existing = new Set((await discoverOrgTables(db)).tables.map((table) => table.name));
  // Not derived from the marker: an attack that names this account may see it echoed back.
  // A number, like a HubSpot company id: the HubSpot card's routes take only those.
  const accountId = String(randomInt(1_000_000_000, 9_999_999_999));
  const secretName = `hubspot.refresh_token.${randomBytes(4).toString('hex')}`;
  return withOrg(db, orgId, async (tx) => {
    const seedState: { runId?: string; memberId?: string } = {};
    for (const seeder of tableSeeders) {
      if (existing.has(seeder.table) && !secretsSeededHere.has(seeder.table))
        await seeder.seed(tx, seedState);
    }
    await createSecretsRepository(seedKeyring).putSecret(tx, secretName, `token-of-${marker}`);
    const member = await addMember(tx, {
      email: `member@${marker}.example`,
      name: `Member ${marker}`,
      role: 'member',
    });
    const key = await createApiKey(tx, { memberId: member.id, name: `key ${marker}`, scopes: ['read'] });
    const run = await startRun(tx);
    await recordRunErrors(tx, run.id, [
      { record: 'account', recordId: `acc-${marker}-9`, field: 'contract.arr', message: `bad arr ${marker}` },
    ]);
    await saveVerdicts(tx, run.id, [
      makeVerdict({ accountId }),
      makeVerdict({ accountId: `${accountId}-2`, readiness: 'nurture', score: 40 }),
    ]);
    await finishRun(tx, run.id, {
      counts: { accounts: 3, scored: 2, ready: 1, errors: 1 },
      durations: { total: 1_000 },
      apiCalls: 12,
      apiCallLimit: 1_000,
      tokens: 0,
    });
    const running = await startRun(tx);
    await recordFeedback(tx, {
      accountId,
      kind: 'reject',
      reason: `not now ${marker}`,
      actor: `member@${marker}.example`,
    });
    await saveModel(tx, { trainedAt: new Date(), model: { owner: marker }, metrics: { auc: 0.8 } });
    if (!seedState.runId) throw new Error('The table seeders wrote no run');
    return {
      orgId,
      marker,
      adminToken: provisioned.token,
      portalId,
      adminEmail: `admin@${marker}.example`,
      adminMemberId: provisioned.admin.id,
      memberId: member.id,
      memberToken: key.token,
      keyId: key.apiKey.id,
      runId: run.id,
      runningRunId: running.id,
      seededRunId: seedState.runId,
      accountId,
      secretName,
    };
  });
}
