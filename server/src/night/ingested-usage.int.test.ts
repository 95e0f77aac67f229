import type { Verdict } from '@ripe/shared';
import { expect, it } from 'vitest';
import { addDays } from '@ripe/shared';
import { createNightOrg } from './testing/night-orgs.fixture.ts';
import { createSandbox } from '../sandbox/sandbox.ts';
import { patchOrgSettings } from '../settings/settings.service.ts';
import { withOrg, type Database } from '../store/index.ts';
import { describeOnEachBackend } from '../store/testing/store-backends.ts';
import { latestStates } from '../store/verdicts.repository.ts';
import { ingestUsage } from '../usage/ingest-usage.ts';
import { runOrgNight } from './org-night.ts';

const asOf = '2026-06-01';
const now = () => new Date('2026-06-01T03:00:00Z');
const sandbox = { accounts: 20, seed: 11 };
const writer = { actor: 'cli', secrets: undefined };

async function nightVerdicts(db: Database, orgId: string): Promise<Map<string, Verdict>> {
  const outcome = await runOrgNight({ db, owner: 'test', now }, orgId, { asOf, batchSize: 7 });
  expect(outcome.status).toBe('succeeded');
  const states = await withOrg(db, orgId, (tx) => latestStates(tx, { orderBy: 'account_id', limit: 100 }));
  return new Map(states.map((state) => [state.accountId, state.verdict]));
}

function hasSeatSignal(verdict: Verdict | undefined): boolean {
  return verdict?.signals.some((signal) => signal.code === 'seat_utilisation_high') ?? false;
}

/** 60 days of seats used at the licence, ending on the night's date. */
function seatsAtLicence(accountId: string, licensed: number) {
  return Array.from({ length: 60 }, (_, day) => ({
    accountId,
    metric: 'seats_used',
    day: addDays(asOf, day - 59),
    value: licensed,
  }));
}

describeOnEachBackend(process.env.DATABASE_URL, 'night with ingested usage', ({ db }) => {
  it('merges the ingested usage of an ingest org into its snapshots; a crm_field org ignores it', async () => {
    const ingestOrg = await createNightOrg(db(), { sandbox });
    const crmOrg = await createNightOrg(db(), { sandbox });
    await withOrg(db(), ingestOrg, (tx) =>
      patchOrgSettings(tx, { fieldMapping: { usage: { source: 'ingest' } } }, writer),
    );
    await withOrg(db(), crmOrg, (tx) =>
      patchOrgSettings(
        tx,
        {
          fieldMapping: {
            usage: {
              source: 'crm_field',
              fields: [{ field: 'Seats__c', metric: 'seats_used', kind: 'seats_used' }],
            },
          },
        },
        writer,
      ),
    );

    // Before any ingest, the account chosen shows no seat-utilisation signal.
    const before = await nightVerdicts(db(), ingestOrg);
    const generator = createSandbox({ ...sandbox, endDate: asOf });
    const target = Array.from({ length: sandbox.accounts }, (_, index) =>
      generator.snapshotAt(index, asOf),
    ).find(
      (snapshot) => snapshot.contract.seatsLicensed > 0 && !hasSeatSignal(before.get(snapshot.account.id)),
    );
    if (!target) throw new Error('every sandbox account already shows seat utilisation');
    const { id } = target.account;
    const points = seatsAtLicence(id, target.contract.seatsLicensed);
    for (const orgId of [ingestOrg, crmOrg]) {
      const outcome = await withOrg(db(), orgId, (tx) => ingestUsage(tx, points, asOf));
      expect(outcome).toMatchObject({ accepted: 60, rejected: [] });
    }

    const after = await nightVerdicts(db(), ingestOrg);
    expect(hasSeatSignal(after.get(id))).toBe(true);
    expect(
      after
        .get(id)
        ?.evidence.map((item) => item.description)
        .join('\n'),
    ).toContain(`${target.contract.seatsLicensed} of ${target.contract.seatsLicensed} seats used`);
    expect(after.size).toBe(sandbox.accounts);

    // Usage read from CRM fields: the ingested points are stored but not scored.
    const crm = await nightVerdicts(db(), crmOrg);
    expect(hasSeatSignal(crm.get(id))).toBe(false);
    expect(crm.get(id)?.score).toBe(before.get(id)?.score);
  });
});
