// Companies changed after the cursor, page by page in (last modified, id) order. HubSpot serves a search
// 10,000 results at most: before paging past them, the search starts again after the last company yielded.
// HubSpot sorts by one property, so the companies sharing the page's last instant wait for the next page,
// where the rest of their tie may be: a page is yielded in (modified, id) order with no tie cut in two.
import type { SyncCursor } from '../../crm-connector.ts';
import { ConnectorFailure } from '../../crm-connector.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { searchCompanies } from './hubspot-reads.ts';

export type ChangedCompany = { id: string; modifiedAt: string };

const inOrder = (a: ChangedCompany, b: ChangedCompany) =>
  Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt) || Number(a.id) - Number(b.id);

export async function* changedCompanies(
  transport: HubSpotTransport,
  after: SyncCursor,
  signal?: AbortSignal,
): AsyncGenerator<ChangedCompany[]> {
  let cursor = after;
  let offset = 0;
  let held: ChangedCompany[] = [];
  for (;;) {
    signal?.throwIfAborted();
    const page = await searchCompanies(transport, cursor, offset);
    if (!page.ok) throw new ConnectorFailure(page.error);
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
    const yielded = ready.at(-1);
    if (next + hubspotLimits.searchPageSize > hubspotLimits.searchResultCap && yielded) {
      // Start again after the last company yielded; the held ones come back in the new search.
      cursor = { modifiedAt: yielded.modifiedAt, id: yielded.id };
      offset = 0;
      held = [];
    } else offset = next;
  }
}
