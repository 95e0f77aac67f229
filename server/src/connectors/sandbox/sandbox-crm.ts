import type { AccountSnapshot } from '@ripe/shared';
import { noHumanValues, type HumanOwnedValues } from '../crm-connector.ts';
import type { WriteOperation } from '../write-operation.ts';
import { changeAccount } from './account-change.ts';

interface Change {
  version: number;
  modifiedAt: string;
}

/**
 * What the sandbox "CRM" holds beside the generator, for as long as the process lives: accounts changed since
 * the generator drew them (`ripe demo --change-rate`), what the account team set, and what Ripe wrote.
 */
export class SandboxCrmState {
  readonly #changes = new Map<number, Change>();
  readonly #human = new Map<string, HumanOwnedValues>();
  readonly written = {
    fields: new Map<string, Record<string, unknown>>(),
    tasks: new Map<string, { accountId: string; open: boolean }>(),
    history: new Set<string>(),
    opportunities: new Set<string>(),
  };
  #clock = 0;

  /** Marks accounts (by index) as changed now: their next pull shows one more change. */
  change(indexes: Iterable<number>, asOf: string): void {
    for (const index of indexes) {
      this.#clock += 1;
      const previous = this.#changes.get(index);
      this.#changes.set(index, { version: (previous?.version ?? 0) + 1, modifiedAt: this.#stamp(asOf) });
    }
  }

  setHuman(accountId: string, values: Partial<HumanOwnedValues>): void {
    this.#human.set(accountId, { ...(this.#human.get(accountId) ?? noHumanValues), ...values });
  }

  human(accountId: string): HumanOwnedValues {
    return this.#human.get(accountId) ?? noHumanValues;
  }

  /** Changed accounts in change order. */
  changes(): { index: number; modifiedAt: string }[] {
    return [...this.#changes]
      .map(([index, change]) => ({ index, modifiedAt: change.modifiedAt }))
      .sort((a, b) =>
        a.modifiedAt < b.modifiedAt ? -1 : a.modifiedAt > b.modifiedAt ? 1 : a.index - b.index,
      );
  }

  /** The generator's snapshot with this account's changes applied. */
  render(index: number, snapshot: AccountSnapshot): AccountSnapshot {
    const change = this.#changes.get(index);
    return change ? changeAccount(snapshot, change.version, change.modifiedAt) : snapshot;
  }

  record(operation: WriteOperation): void {
    switch (operation.kind) {
      case 'account_fields':
        this.written.fields.set(operation.accountId, {
          ...this.written.fields.get(operation.accountId),
          ...operation.fields,
        });
        return;
      case 'history':
        this.written.history.add(operation.externalId);
        return;
      case 'task_upsert':
        this.written.tasks.set(operation.key, { accountId: operation.accountId, open: true });
        return;
      case 'task_close':
        this.written.tasks.set(operation.key, { accountId: operation.accountId, open: false });
        return;
      case 'opportunity_create':
        this.written.opportunities.add(operation.key);
        return;
    }
  }

  // Changes happen after the generator's day: one millisecond apart, so the change order is total.
  #stamp(asOf: string): string {
    return new Date(Date.parse(`${asOf}T00:00:00.000Z`) + 3_600_000 + this.#clock).toISOString();
  }
}
