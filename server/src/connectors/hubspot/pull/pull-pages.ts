// The pages of changed companies, each with its associations. A v4 association batch read takes 1,000 companies
// and a search page holds 200, so the associations are read ahead for the next 1,000 companies to read — only
// ids are held, about five pages of search results — and each page is handed over with its own, and with the
// records associated with the pages after it (a batch read that is not full is filled with those).
import { ConnectorFailure } from '../../crm-connector.ts';
import { hubspotLimits } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import type { ChangedCompany } from './pull-companies.ts';
import { readCompanyAssociations, type CompanyAssociations, type UsageObjectRead } from './read-bundles.ts';

export interface PageToRead {
  page: ChangedCompany[];
  /** The companies of the page that must be read (the connector knows the others already). */
  toRead: ChangedCompany[];
  associations: CompanyAssociations;
  /** Related type → the ids associated with the companies queued after this page, in their order. */
  upcoming: Map<string, string[]>;
}

export async function* pagesWithAssociations(
  transport: HubSpotTransport,
  pages: AsyncIterable<ChangedCompany[]>,
  mustRead: (company: ChangedCompany) => boolean,
  usageObject?: UsageObjectRead,
): AsyncGenerator<PageToRead> {
  const source = pages[Symbol.asyncIterator]();
  const queue: { page: ChangedCompany[]; toRead: ChangedCompany[] }[] = [];
  // Associations read ahead, by related type, for companies still in the queue.
  const known: CompanyAssociations = new Map();
  const readAhead = new Set<string>();
  const waiting = () => [
    ...new Set(queue.flatMap(({ toRead }) => toRead.map(({ id }) => id)).filter((id) => !readAhead.has(id))),
  ];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && waiting().length < hubspotLimits.associationsBatchReadSize) {
        const next = await source.next();
        if (next.done) exhausted = true;
        else queue.push({ page: next.value, toRead: next.value.filter(mustRead) });
      }
      const head = queue[0];
      if (!head) return;
      if (head.toRead.some(({ id }) => !readAhead.has(id))) {
        // The head's companies come first in the queue's order, so they are in this read.
        const ids = waiting().slice(0, hubspotLimits.associationsBatchReadSize);
        const read = await readCompanyAssociations(transport, ids, usageObject);
        if (!read.ok) throw new ConnectorFailure(read.error);
        for (const [type, byCompany] of read.value) {
          const into = known.get(type) ?? new Map<string, string[]>();
          for (const id of ids) into.set(id, byCompany.get(id) ?? []);
          known.set(type, into);
        }
        for (const id of ids) readAhead.add(id);
      }
      queue.shift();
      const associations: CompanyAssociations = new Map();
      for (const [type, byCompany] of known) {
        associations.set(type, new Map(head.toRead.map(({ id }) => [id, byCompany.get(id) ?? []])));
      }
      for (const { id } of head.toRead) {
        readAhead.delete(id);
        for (const byCompany of known.values()) byCompany.delete(id);
      }
      const upcoming = new Map<string, string[]>();
      for (const [type, byCompany] of known) {
        upcoming.set(
          type,
          queue.flatMap(({ toRead }) => toRead.flatMap(({ id }) => byCompany.get(id) ?? [])),
        );
      }
      yield { page: head.page, toRead: head.toRead, associations, upcoming };
    }
  } finally {
    await source.return?.();
  }
}
