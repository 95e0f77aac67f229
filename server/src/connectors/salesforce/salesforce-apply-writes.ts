import { err, ok, type Result } from '../../resilience/result.ts';
import type { BulkWrites, ConnectorError } from '../crm-connector.ts';
import type { WriteOperation, WriteOutcome } from '../write-operation.ts';
import { salesforceProvider } from './provider.ts';
import { bulkGroupOf, bulkWrite } from './salesforce-bulk-writes.ts';
import type { SalesforceTransport } from './salesforce-transport.ts';
import { collectOutcomes, planCollections, type WriteTargets } from './salesforce-writes.ts';

export interface WriterDeps {
  transport: SalesforceTransport;
  targets: WriteTargets;
  /** More operations of one object than this go through a Bulk API 2.0 ingest job. */
  bulkWriteRows: number;
  /** Between two status reads of an ingest job. */
  pollMs?: number;
}

/**
 * The connector's writes: a batch of up to 200 operations in one composite call of sObject Collections
 * (`allOrNone: false`), a group of more than `bulkWriteRows` operations of one object in one ingest job.
 */
export function salesforceWriter(deps: WriterDeps) {
  const { transport, targets } = deps;
  const bulkWrites: BulkWrites = {
    groupOf: (operation) => bulkGroupOf(operation, targets),
    threshold: deps.bulkWriteRows,
    maxOperations: salesforceProvider.bulkIngestRecords,
    jobCalls: salesforceProvider.bulkIngestJobCalls,
  };

  /** Operations in composite calls of `writeBatchSize`, one outcome each; the first call refused ends it. */
  async function writeCollections(
    operations: readonly WriteOperation[],
  ): Promise<Result<WriteOutcome[], ConnectorError>> {
    const outcomes: WriteOutcome[] = [];
    for (let start = 0; start < operations.length; start += salesforceProvider.writeBatchSize) {
      const batch = operations.slice(start, start + salesforceProvider.writeBatchSize);
      const { calls, early } = planCollections(batch, targets, transport.base);
      if (calls.length === 0) {
        outcomes.push(...collectOutcomes(batch.length, calls, early, {}));
        continue;
      }
      const answer = await transport.post<{
        compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[];
      }>('write', 'composite', '/composite', {
        allOrNone: false,
        compositeRequest: calls.map(({ referenceId, method, url, body }) => ({
          referenceId,
          method,
          url,
          body,
        })),
      });
      if (!answer.ok) return answer;
      outcomes.push(...collectOutcomes(batch.length, calls, early, answer.value));
    }
    return ok(outcomes);
  }

  /** A large group of one object: one ingest job, and what it leaves (refused, a key met twice) in collections. */
  async function writeInBulk(
    operations: readonly WriteOperation[],
  ): Promise<Result<WriteOutcome[], ConnectorError>> {
    const written = await bulkWrite({ transport, targets, pollMs: deps.pollMs }, operations);
    if (!written.ok) return written;
    const { outcomes, rest } = written.value;
    const others = await writeCollections(rest.map((index) => operations[index] as WriteOperation));
    if (!others.ok) return others;
    rest.forEach((index, position) => {
      const outcome = others.value[position];
      if (outcome) outcomes.set(index, outcome);
    });
    return ok(
      operations.map(
        (_, index): WriteOutcome =>
          outcomes.get(index) ?? {
            ok: false,
            code: 'NO_RESULT',
            message: 'Salesforce returned no result',
            fields: [],
            retryable: true,
          },
      ),
    );
  }

  async function applyWrites(
    operations: readonly WriteOperation[],
  ): Promise<Result<WriteOutcome[], ConnectorError>> {
    if (operations.length === 0) return ok([]);
    if (
      operations.length > bulkWrites.threshold &&
      operations.length <= bulkWrites.maxOperations &&
      new Set(operations.map(bulkWrites.groupOf)).size === 1
    ) {
      return writeInBulk(operations);
    }
    if (operations.length <= salesforceProvider.writeBatchSize) return writeCollections(operations);
    return err<ConnectorError>({
      code: 'invalid_request',
      message: `${operations.length} operations exceed the batch of ${salesforceProvider.writeBatchSize} and are not one bulk job's`,
    });
  }

  return { bulkWrites, applyWrites };
}
