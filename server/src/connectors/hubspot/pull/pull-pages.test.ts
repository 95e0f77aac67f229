import { describe, expect, it } from 'vitest';
import { secret } from '../../../config/secret.ts';
import { ok } from '../../../resilience/result.ts';
import { useEmulator } from '../emulator/emulator-test-kit.ts';
import { createHubSpotTransport } from '../transport/hubspot-transport.ts';
import { changedCompanies, type ChangedCompany } from './pull-companies.ts';
import { hubspotConnectorSettingsSchema } from '../hubspot-settings.ts';
import { pagesWithAssociations } from './pull-pages.ts';
import { readBundles, type Prefetch } from './read-bundles.ts';

// The seeded portal's companies share one last-modified instant, as after a bulk import.
const unlimited = { requestsPerInterval: 1e6, intervalMs: 10_000, searchRequestsPerSecond: 1e6 };

describe('the pull of changed companies', () => {
  const start = useEmulator();

  async function setUp(accounts: number) {
    const emulator = await start({ accounts, rateLimits: { ...unlimited, dailyLimit: null } });
    const { accessToken } = emulator.issueAccessToken();
    const transport = createHubSpotTransport({
      baseUrl: emulator.url,
      portalId: `pull-${accounts}-${Math.random()}`,
      limits: unlimited,
      tokens: {
        accessToken: async () => ok(secret(accessToken)),
        invalidate: () => undefined,
        refreshNow: async () => ok(secret(accessToken)),
      },
    });
    return { emulator, transport };
  }

  it('pages a tie larger than a page by id, each company once, in (modified, id) order', async () => {
    const { emulator, transport } = await setUp(450);
    const pages: ChangedCompany[][] = [];
    for await (const page of changedCompanies(transport, null)) pages.push(page);
    const ids = pages.flat().map((company) => company.id);
    expect(pages.every((page) => page.length <= 200)).toBe(true);
    expect(ids).toStrictEqual(
      [...emulator.state.records.companies.keys()].sort((a, b) => Number(a) - Number(b)),
    );
    // The page that found the tie, three pages by id, and the search after the tie that finds nothing.
    expect(transport.calls().byKind.search).toBe(5);
    expect(transport.floor.reads()).toBe(3);
  });

  it('reads the associations of up to 1,000 companies in one call per type, each page handed its own', async () => {
    const { emulator, transport } = await setUp(250);
    const skipped = [...emulator.state.records.companies.keys()][0];
    const pages = [];
    for await (const page of pagesWithAssociations(
      transport,
      changedCompanies(transport, null),
      (company) => company.id !== skipped,
    ))
      pages.push(page);
    // Six related types (contacts, deals, emails, notes, meetings, calls), one call each for 249 companies.
    expect(transport.calls().byKind.associations).toBe(6);
    expect(pages.flatMap((page) => page.page)).toHaveLength(250);
    expect(pages.flatMap((page) => page.toRead)).toHaveLength(249);
    for (const { toRead, associations } of pages) {
      expect([...associations.keys()].sort()).toStrictEqual([
        'calls',
        'contacts',
        'deals',
        'emails',
        'meetings',
        'notes',
      ]);
      for (const byCompany of associations.values())
        expect([...byCompany.keys()]).toStrictEqual(toRead.map((company) => company.id));
    }
    const contacts = pages.flatMap((page) => [...(page.associations.get('contacts')?.values() ?? [])]).flat();
    expect(contacts.length).toBeGreaterThan(250);
  });

  it('reads the related records in full batches across pages: only the last batch of each type is partial', async () => {
    const { transport } = await setUp(250);
    const records: Prefetch['records'] = new Map();
    const settings = hubspotConnectorSettingsSchema.parse({});
    let companies = 0;
    for await (const { toRead, associations, upcoming } of pagesWithAssociations(
      transport,
      changedCompanies(transport, null),
      () => true,
    )) {
      const bundles = await readBundles(transport, settings, toRead, associations, { upcoming, records });
      if (!bundles.ok) throw new Error(bundles.error.message);
      companies += bundles.value.length;
      // Each page's bundles hold exactly its companies' associated records.
      for (const bundle of bundles.value) {
        const contacts = associations.get('contacts')?.get(bundle.company.id) ?? [];
        expect(bundle.contacts.map((contact) => contact.id).sort()).toStrictEqual([...contacts].sort());
      }
    }
    expect(companies).toBe(250);
    // The floor: 2 search pages, 6 association reads, then batch reads of 100 of each object's distinct records.
    expect(transport.calls().byKind.batch_read).toBe(transport.floor.reads() - 2 - 6);
    expect([...records.values()].every((held) => held.size === 0)).toBe(true);
  });
});
