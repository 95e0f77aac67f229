// Companies changed after the cursor, page by page in (last modified, id) order. HubSpot serves a search
// 10,000 results at most: before paging past them, the search starts again after the last company yielded.
// HubSpot sorts by one property, so the companies sharing the page's last instant wait for the next page,
// where the rest of their tie may be: a page is yielded in (modified, id) order with no tie cut in two. A tie
// that fills a page (a bulk import, a batch update of 100 companies) is paged through by id on its own query.
import type { SyncCursor } from '../../crm-connector.ts';
import { ConnectorFailure } from '../../crm-connector.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { searchCompanies, searchInstant, type SearchPage } from './hubspot-reads.ts';

export type ChangedCompany = { id: string; modifiedAt: string; version?: string };

const inOrder = (a: ChangedCompany, b: ChangedCompany) =>
  Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt) || Number(a.id) - Number(b.id);

/** The floor: the companies a pull must find, 200 a page; one page even when none changed. */
function found(transport: HubSpotTransport, page: SearchPage): void {
  transport.floor.needed(
    'search:companies',
    page.companies.map((company) => company.id),
    hubspotLimits.searchPageSize,
    true,
  );
}

/** Every company changed at `instant` after `afterId`, in id order; answers the last one's id. */
async function* sameInstant(
  transport: HubSpotTransport,
  instant: string,
  afterId: string | null,
  versioned: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<ChangedCompany[], string | null> {
  let lastId = afterId;
  let offset = 0;
  for (;;) {
    signal?.throwIfAborted();
    const page = await searchInstant(transport, instant, lastId, offset, versioned);
    if (!page.ok) throw new ConnectorFailure(page.error);
    found(transport, page.value);
    const companies = [...page.value.companies].sort(inOrder);
    if (companies.length > 0) yield companies;
    const next = page.value.next;
    if (next === null) return companies.at(-1)?.id ?? lastId;
    if (next + hubspotLimits.searchPageSize > hubspotLimits.searchResultCap) {
      lastId = companies.at(-1)?.id ?? lastId;
      offset = 0;
    } else offset = next;
  }
}

/** `versioned`: the company properties whose values make each company's `version`. */
export async function* changedCompanies(
  transport: HubSpotTransport,
  after: SyncCursor,
  signal?: AbortSignal,
  versioned: readonly string[] = [],
): AsyncGenerator<ChangedCompany[]> {
  let cursor = after;
  let offset = 0;
  let held: ChangedCompany[] = [];
  for (;;) {
    signal?.throwIfAborted();
    const page = await searchCompanies(transport, cursor, offset, hubspotLimits.searchPageSize, versioned);
    if (!page.ok) throw new ConnectorFailure(page.error);
    found(transport, page.value);
    const next = page.value.next;
    const seen = [...held, ...page.value.companies].sort(inOrder);
    if (next === null) {
      if (seen.length > 0) yield seen;
      return;
    }
    const lastInstant = seen.at(-1)?.modifiedAt;
    const ready = seen.filter((company) => company.modifiedAt !== lastInstant);
    held = seen.filter((company) => company.modifiedAt === lastInstant);
    if (ready.length > 0) yield ready;
    if (lastInstant !== undefined && held.length >= hubspotLimits.searchPageSize) {
      // A page's worth changed at one instant: all of them by id, then on after that instant.
      const from = cursor?.modifiedAt === lastInstant ? cursor.id : null;
      const lastId = yield* sameInstant(transport, lastInstant, from, versioned, signal);
      cursor = { modifiedAt: lastInstant, id: lastId ?? held.at(-1)?.id ?? '' };
      offset = 0;
      held = [];
      continue;
    }
    const yielded = ready.at(-1);
    if (next + hubspotLimits.searchPageSize > hubspotLimits.searchResultCap && yielded) {
      // Start again after the last company yielded; the held ones come back in the new search.
      cursor = { modifiedAt: yielded.modifiedAt, id: yielded.id };
      offset = 0;
      held = [];
    } else offset = next;
  }
}
