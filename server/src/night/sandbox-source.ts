import type { AccountSource } from './account-source.ts';
import type { Sandbox } from '../sandbox/sandbox.ts';

/** The sandbox as a night's account source: accounts are generated one batch at a time. */
export function sandboxSource(sandbox: Sandbox, asOf?: string): AccountSource {
  const total = sandbox.options.accounts;
  return {
    orgId: sandbox.orgId,
    priceBook: sandbox.priceBook,
    total,
    async *batches(batchSize: number) {
      for (let from = 0; from < total; from += batchSize) {
        const batch: unknown[] = [];
        for (let index = from; index < Math.min(total, from + batchSize); index += 1) {
          batch.push(sandbox.snapshotAt(index, asOf));
        }
        yield batch;
      }
    },
  };
}
