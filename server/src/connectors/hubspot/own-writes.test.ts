import { afterEach, describe, expect, it } from 'vitest';
import type { OwnWrite, PulledAccount, SyncCursor } from '../crm-connector.ts';
import { startEmulatorPortal, type EmulatorPortal } from './emulator/emulator-portal.ts';
import { setHumanValues, touchCompany } from './emulator/portal-edits.ts';

const asOf = '2026-06-01';
const portals: EmulatorPortal[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((portal) => portal.close()));
});

async function collect(pages: AsyncIterable<PulledAccount[]>): Promise<PulledAccount[]> {
  const accounts: PulledAccount[] = [];
  for await (const page of pages) accounts.push(...page);
  return accounts;
}

/**
 * A portal pulled once, then written by Ripe (each company's history key): what the next pull starts from.
 * `meanwhile` runs between the pull and the write, as a person working in the portal during the night.
 */
async function writtenPortal(
  meanwhile: (portal: EmulatorPortal, pulled: PulledAccount[]) => void = () => {},
) {
  const portal = await startEmulatorPortal({ port: 0, accounts: 12, seed: 3, asOf });
  portals.push(portal);
  const pulled = await collect(portal.connector().pullAccounts({ after: null, asOf }));
  const cursor = pulled.at(-1)?.cursor ?? null;
  meanwhile(portal, pulled);
  const writer = portal.connector();
  const written = await writer.applyWrites(
    pulled.map(({ accountId }) => ({
      kind: 'history',
      accountId,
      externalId: `night-1:${accountId}`,
      fields: {},
    })),
  );
  if (!written.ok) throw new Error(written.error.message);
  const ownWrites = new Map<string, OwnWrite>();
  written.value.forEach((outcome, index) => {
    const account = pulled[index];
    if (outcome.ok && outcome.modifiedAt && account)
      ownWrites.set(account.accountId, {
        modifiedAt: outcome.modifiedAt,
        version: account.version as string,
      });
  });
  return { portal, pulled, cursor, ownWrites };
}

describe("the HubSpot connector tells Ripe's own writes from a person's", () => {
  it('a batch update answers each company’s updatedAt as the write’s modifiedAt', async () => {
    const { portal, pulled, ownWrites } = await writtenPortal();
    expect(ownWrites.size).toBe(pulled.length);
    for (const [id, { modifiedAt }] of ownWrites) {
      const record = portal.emulator.state.records.companies.get(id);
      expect(modifiedAt).toBe(record?.updatedAt);
      expect(modifiedAt).toBe(record?.properties.hs_lastmodifieddate);
    }
  });

  it('pulls none of the companies Ripe wrote, with the search alone, and passes the cursor over them', async () => {
    const { portal, cursor, ownWrites } = await writtenPortal();
    const passed: NonNullable<SyncCursor>[] = [];
    const connector = portal.connector();
    const accounts = await collect(
      connector.pullAccounts({ after: cursor, asOf, ownWrites, onPassed: (at) => passed.push(at) }),
    );
    expect(accounts).toStrictEqual([]);
    expect(Object.keys(connector.calls().byKind)).toStrictEqual(['search']);
    const last = [...ownWrites].sort(
      ([a, at], [b, bt]) => Date.parse(at.modifiedAt) - Date.parse(bt.modifiedAt) || Number(a) - Number(b),
    )[ownWrites.size - 1];
    expect(passed.at(-1)).toStrictEqual({ modifiedAt: last?.[1].modifiedAt, id: last?.[0] });
  });

  it('pulls a company a person edited after Ripe’s write, and only it', async () => {
    const { portal, pulled, cursor, ownWrites } = await writtenPortal();
    const edited = pulled[4]?.accountId as string;
    const writtenAt = Date.parse(ownWrites.get(edited)?.modifiedAt as string);
    touchCompany(portal.emulator.state, edited, new Date(writtenAt + 60_000).toISOString());
    const accounts = await collect(portal.connector().pullAccounts({ after: cursor, asOf, ownWrites }));
    expect(accounts.map(({ accountId }) => accountId)).toStrictEqual([edited]);
  });

  it('pulls a company a person edited between the pull and Ripe’s write, which the write’s instant hides', async () => {
    let edited = '';
    const { portal, pulled, cursor, ownWrites } = await writtenPortal((during, accounts) => {
      edited = accounts[7]?.accountId as string;
      setHumanValues(during.emulator.state, edited, { status: 'approved' }, new Date().toISOString());
    });
    // The write came after the edit: the company's instant is Ripe's.
    expect(portal.emulator.state.records.companies.get(edited)?.updatedAt).toBe(
      ownWrites.get(edited)?.modifiedAt,
    );
    expect(pulled.every((account) => typeof account.version === 'string')).toBe(true);
    const accounts = await collect(portal.connector().pullAccounts({ after: cursor, asOf, ownWrites }));
    expect(accounts.map(({ accountId }) => accountId)).toStrictEqual([edited]);
    expect(accounts[0]?.human.status).toBe('approved');
  });

  it('without the instants Ripe caused, every company it wrote is pulled again', async () => {
    const { portal, pulled, cursor } = await writtenPortal();
    const accounts = await collect(portal.connector().pullAccounts({ after: cursor, asOf }));
    expect(accounts).toHaveLength(pulled.length);
  });
});
