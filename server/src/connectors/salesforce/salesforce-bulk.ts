import { setTimeout as delay } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { err, ok, type Result } from '../../resilience/result.ts';
import type { ConnectorError } from '../crm-connector.ts';
import type { createReadFloor } from './read-floor.ts';
import type { SalesforceTransport, SfRecord } from './salesforce-transport.ts';

export interface BulkDeps {
  transport: SalesforceTransport;
  floor: ReturnType<typeof createReadFloor>;
  /** Between two status reads of a running job (default 2 s). */
  pollMs?: number;
}

/** Records per results page: the service sends fewer if they do not fit. */
const resultsPage = 100_000;

/**
 * A Bulk API 2.0 query job: created, its status read until `JobComplete`, its CSV results read page by page
 * (`Sforce-Locator`). For reads too large for REST pages of 2,000: a few calls instead of one per 2,000 records.
 * Values come back as text; `numeric` fields are parsed, empty cells are null.
 */
export async function bulkQuery(
  deps: BulkDeps,
  soql: string,
  numeric: ReadonlySet<string>,
): Promise<Result<SfRecord[], ConnectorError>> {
  const job = await deps.transport.post<{ id: string }>('read', 'bulk', '/jobs/query', {
    operation: 'query',
    query: soql,
  });
  if (!job.ok) return job;
  deps.floor.single();
  for (let polls = 0; ; polls += 1) {
    const status = await deps.transport.get<{ state: string }>('bulk', `/jobs/query/${job.value.id}`);
    if (!status.ok) return status;
    if (polls === 0) deps.floor.single();
    if (status.value.state === 'JobComplete') break;
    if (status.value.state === 'Failed' || status.value.state === 'Aborted') {
      return err({
        code: 'invalid_request',
        message: `Salesforce's bulk query job ${job.value.id} ${status.value.state}`,
      });
    }
    await delay(deps.pollMs ?? 2_000);
  }
  const records: SfRecord[] = [];
  let locator: string | null = null;
  do {
    const page = await deps.transport.bulkResults(job.value.id, locator, resultsPage);
    if (!page.ok) return page;
    deps.floor.single();
    const rows = parse(page.value.csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      const record: SfRecord = {};
      for (const [name, raw] of Object.entries(row)) {
        record[name] =
          raw === '' ? null : numeric.has(name) && Number.isFinite(Number(raw)) ? Number(raw) : raw;
      }
      records.push(record);
    }
    locator = page.value.locator;
  } while (locator);
  return ok(records);
}
