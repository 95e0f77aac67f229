import type { CrmConnector, HumanOwnedValues } from '../../connectors/crm-connector.ts';

/** A CRM's task or opportunity as the contract suite inspects it. */
export interface ContractRecord {
  key: string;
  accountId: string;
  open?: boolean;
}

/** The faults a CRM's emulator can switch on; a connector without one skips that case. */
export interface ContractFaults {
  expireTokenAfterCalls(calls: number): void;
  dailyLimitAfterCalls(calls: number): void;
  rejectRecords(accountIds: readonly string[], message: string): void;
  /** The field is not installed in the CRM (the package is missing or old). */
  missingField(name: string): void;
  clear(): void;
  refreshCount(): number;
}

/**
 * What the contract suite needs from a CRM under test (an emulator, a fake, the sandbox): a fresh connector per
 * night, ways to change the CRM as its users would, and a look at what Ripe wrote into it.
 */
export interface ContractCrm {
  accountIds(): string[];
  connector(): CrmConnector;
  changeAccounts(share: number): string[];
  /** One account changes in the CRM (someone edits it): the next night pulls it. */
  touch(accountId: string): void;
  setHuman(accountId: string, edit: Partial<Omit<HumanOwnedValues, 'changedBy' | 'changedAt'>>): void;
  human(accountId: string): HumanOwnedValues;
  accountFields(accountId: string): Readonly<Record<string, unknown>>;
  tasks(): ContractRecord[];
  opportunities(): ContractRecord[];
  historyCount(): number;
  faults?: ContractFaults;
  /** Stops what the CRM runs (an emulator's server) once the case is over. */
  close?(): Promise<void>;
}
