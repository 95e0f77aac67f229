// A batch answer's per-input errors (207 Multi-Status) as per-operation outcomes, named by HubSpot's code and
// message and by the catalogue fields they concern.
import type { WriteOutcome } from '../../write-operation.ts';
import { fieldCatalogue } from '@ripe/shared';

export interface BatchErrorEntry {
  category: string;
  message: string;
  context?: Record<string, string[]>;
  errors?: { message: string; code?: string; _in?: string }[];
}

const catalogueNameOf = new Map(fieldCatalogue.map((field) => [field.hubspot, field.name]));

/** The ids an error entry is about: `context.id` (validation) or `context.ids` (not found). */
export function idsOf(entry: BatchErrorEntry): string[] {
  return [...(entry.context?.id ?? []), ...(entry.context?.ids ?? [])];
}

export function outcomeOf(entry: BatchErrorEntry): WriteOutcome {
  const [first] = entry.errors ?? [];
  const fields = (entry.errors ?? []).flatMap((detail) =>
    detail._in ? [catalogueNameOf.get(detail._in) ?? detail._in] : [],
  );
  return {
    ok: false,
    code: first?.code ?? entry.category,
    message: first?.message ?? entry.message,
    fields,
    // A record HubSpot could not find or a value it refused fails again the same way.
    retryable: false,
  };
}

/** Error entries by the id they concern. */
export function errorsById(entries: readonly BatchErrorEntry[] | undefined): Map<string, WriteOutcome> {
  const byId = new Map<string, WriteOutcome>();
  for (const entry of entries ?? []) for (const id of idsOf(entry)) byId.set(id, outcomeOf(entry));
  return byId;
}

export const refused = (code: string, message: string, fields: string[] = []): WriteOutcome => ({
  ok: false,
  code,
  message,
  fields,
  retryable: false,
});
