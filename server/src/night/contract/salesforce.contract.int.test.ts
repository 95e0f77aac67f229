import { Rng } from '../../sandbox/prng.ts';
import {
  changeAccounts,
  setHumanValues,
  touchAccount,
} from '../../connectors/salesforce/emulator/emulator-changes.ts';
import { logicalName, startEmulatorOrg } from '../../connectors/salesforce/emulator/emulator-org.ts';
import { mapHumanValues } from '../../connectors/salesforce/mappers/snapshot.mapper.ts';
import { fieldCatalogue } from '@ripe/shared';
import { contractAsOf, describeConnectorContract } from './connector-contract.ts';
import type { ContractCrm } from './contract-crm.ts';

const salesforceName = new Map<string, string>(fieldCatalogue.map((f) => [f.name, f.salesforce]));

describeConnectorContract(
  'Salesforce emulator through jsforce',
  async (): Promise<ContractCrm> => {
    const org = await startEmulatorOrg({
      port: 0,
      accounts: 60,
      seed: 7,
      asOf: contractAsOf,
      usageDays: 200,
    });
    const { state, faults } = org.emulator;
    const rng = new Rng(11);
    const keyed = (table: Map<string, Record<string, unknown>>) =>
      [...table.values()].filter((r) => typeof r.ripe__Idempotency_Key__c === 'string');
    return {
      accountIds: () => [...state.tables.Account.keys()],
      connector: () => org.connector(),
      changeAccounts(share) {
        const ids = [...state.tables.Account.keys()].filter(() => rng.chance(share));
        changeAccounts(state, ids, rng, contractAsOf);
        return ids;
      },
      touch: (accountId) => touchAccount(state, accountId),
      setHuman: (accountId, edit) => setHumanValues(state, accountId, edit),
      human: (accountId) => mapHumanValues(state.tables.Account.get(accountId) ?? {}),
      accountFields(accountId) {
        const account = state.tables.Account.get(accountId) ?? {};
        const written = state.apiWrittenFields.get(accountId) ?? new Set<string>();
        return Object.fromEntries([...written].map((name) => [logicalName.get(name) ?? name, account[name]]));
      },
      tasks: () =>
        keyed(state.tables.Task).map((task) => ({
          key: String(task.ripe__Idempotency_Key__c),
          accountId: String(task.WhatId),
          open: task.Status !== 'Completed',
        })),
      opportunities: () =>
        keyed(state.tables.Opportunity).map((o) => ({
          key: String(o.ripe__Idempotency_Key__c),
          accountId: String(o.AccountId),
        })),
      historyCount: () => state.tables.ripe__Expansion_Snapshot__c.size,
      faults: {
        expireTokenAfterCalls: (calls) => faults.expireSessionsAfterCalls(calls),
        dailyLimitAfterCalls: (calls) => faults.exhaustDailyLimitAfterCalls(calls),
        rejectRecords: (ids, message) => faults.rejectByValidationRule(ids, message),
        missingField: (name) => faults.hideField(`Account.${salesforceName.get(name) ?? name}`),
        clear: () => faults.clear(),
        refreshCount: () => org.session.refreshes(),
      },
      close: () => org.close(),
    };
  },
  { faults: true },
);
